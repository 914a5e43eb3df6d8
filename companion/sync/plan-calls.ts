// Decides which calls can bring new data (design §3 "Calls"). A night appears once, so: last
// night's sleep from 04:00 local at most hourly until it has arrived, then a check every 6 h for
// naps and late edits; the 7-day steps history once per day (today's steps come live from the
// watch); resting heart rate alongside those sleep calls until today's is computed. The same gaps
// hold for runs the watch or the page ask for, so a phone with late wake-ups and a watch that
// asks often costs no more. Pure: the clock and local time are inputs.
import { CivilDate } from "../../common/civil-date";
import { Call } from "../providers/provider";
import { SyncState } from "./sync-state";

export type { Call } from "../providers/provider";

const HOUR = 3600000;
const SLEEP_WINDOW_START = 4 * 60; // minutes after local midnight
const SLEEP_POLL_MS = HOUR;
const RECHECK_MS = 6 * HOUR;
/** The first poll for last night comes this long before the user's usual wake time. */
const BEFORE_USUAL_WAKE = 30;

/**
 * When to start asking for last night (minutes after local midnight): half an hour before the
 * median wake time of the past week's nights, never before 04:00; 04:00 without a history.
 */
function firstPollMinute(state: SyncState, today: CivilDate): number {
  const wakes: number[] = [];
  for (const key of Object.keys(state.nights)) {
    const night = state.nights[Number(key)];
    if (Number(key) < today && !night.nap) wakes.push(night.wake);
  }
  if (wakes.length === 0) return SLEEP_WINDOW_START;
  wakes.sort((a, b) => a - b);
  return Math.max(SLEEP_WINDOW_START, wakes[Math.floor(wakes.length / 2)] - BEFORE_USUAL_WAKE);
}

export interface PlanInput {
  state: SyncState;
  now: number;
  today: CivilDate;
  minuteOfDay: number;
  intervalMs: number;
}

export function planCalls(input: PlanInput): Call[] {
  const { state, now, today } = input;
  // A rate limit or backoff holds for every run, the ones the watch or the page ask for too.
  if (state.retryAt !== null && now < state.retryAt) return [];
  const since = (t: number) => now - t;
  const gap = Math.max(input.intervalMs * 0.9, SLEEP_POLL_MS);
  const calls: Call[] = [];
  // A nap (no main sleep yet) or a night whose stages are still being processed is not final.
  const night = state.nights[today];
  const hasNight = night !== undefined && !night.nap && state.unprocessed.indexOf(today) < 0;
  const sleepDue =
    state.fetchedAt.sleep === 0 ||
    (hasNight
      ? since(state.fetchedAt.sleep) >= RECHECK_MS
      : input.minuteOfDay >= firstPollMinute(state, today) && since(state.fetchedAt.sleep) >= gap);
  if (sleepDue) calls.push("sleep");
  // Past days' steps hardly change (today's are live on the watch), and a late upload of several
  // days is picked up the next day: the history is fetched once a day.
  if (state.stepsDay !== today) calls.push("steps");
  const rhrDue =
    state.restingHeartRate[today] === undefined &&
    (state.fetchedAt.restingHeartRate === 0 || (sleepDue && since(state.fetchedAt.restingHeartRate) >= HOUR));
  if (rhrDue) calls.push("restingHeartRate");
  return calls;
}
