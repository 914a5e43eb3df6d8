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
const STEPS_REFRESH_MS = 6 * HOUR;

export interface PlanInput {
  state: SyncState;
  now: number;
  today: CivilDate;
  minuteOfDay: number;
  intervalMs: number;
  /** The user or the watch asked (sign-in, settings, refresh request): fetch what is stale. */
  forced: boolean;
}

export function planCalls(input: PlanInput): Call[] {
  const { state, now, today, forced } = input;
  // A rate limit or backoff holds for every run, forced ones too (the watch or the page asking).
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
      : (forced || input.minuteOfDay >= SLEEP_WINDOW_START) && since(state.fetchedAt.sleep) >= gap);
  if (sleepDue) calls.push("sleep");
  // Past days' steps hardly change (today's are live on the watch): a forced run refreshes them
  // only every 6 h, so a watch asking often on a phone with late wake-ups costs no extra calls.
  if (state.stepsDay !== today || (forced && since(state.fetchedAt.steps) >= STEPS_REFRESH_MS)) calls.push("steps");
  const rhrDue =
    state.restingHeartRate[today] === undefined &&
    (state.fetchedAt.restingHeartRate === 0 || (sleepDue && since(state.fetchedAt.restingHeartRate) >= HOUR));
  if (rhrDue) calls.push("restingHeartRate");
  return calls;
}
