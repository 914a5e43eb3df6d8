// Decides which calls can bring new data (docs/design.md §3 "Calls"), and when the next one will be due.
// A night appears once, so last night's sleep is asked for until it has arrived, then rechecked
// every 6 h for naps and late edits; the 7-day steps history once per day (today's steps come live
// from the watch); resting heart rate alongside those sleep calls until today's is computed. When
// to ask for last night:
// - the watch said its wearer woke up (its `sleep` state, the morning's first steps): from 10 min
//   later (at once when the signal comes more than 30 min after the usual wake time: a late first
//   look), every interval, for 2 h (the night reaches the provider once the phone app has synced
//   the watch, usually within half an hour);
// - a watch that says it will tell (its hello: the `sleep` module and `access_sleep`) but has not
//   yet today: nothing before the usual wake time plus 90 min, then hourly (a safety net for a
//   morning the watch did not see);
// - a watch that never says so (no `access_sleep`): from half an hour before the usual wake time
//   (the median of the past week; 04:00 without a history), hourly.
// The same gaps hold for runs the watch or the page ask for, so a watch that asks often costs no
// more. Pure: the clock and local time are inputs.
import { CivilDate } from "../../common/civil-date";
import { Call } from "../providers/provider";
import { SyncState } from "./sync-state";

export type { Call } from "../providers/provider";

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const SLEEP_WINDOW_START = 4 * 60; // minutes after local midnight
const SLEEP_POLL_MS = HOUR;
const RECHECK_MS = 6 * HOUR;
/** Without wake signals, the first poll for last night comes this long before the usual wake time. */
const BEFORE_USUAL_WAKE = 30;
/** With wake signals, the safety net's first poll comes this long after the usual wake time. */
const AFTER_USUAL_WAKE = 90;
/** After the watch's wake signal: the first poll this much later, then every interval for a while. */
const AFTER_SIGNAL_MS = 10 * MINUTE;
const SIGNAL_WINDOW_MS = 2 * HOUR;
/** A wake signal this long (minutes) after the usual wake time is taken as a late first look. */
const LATE_LOOK = 30;
/** The shortest gap between two polls for last night, whatever the interval. */
const MIN_GAP_MS = 10 * MINUTE;

/** The median wake time (minutes after midnight) of the past week's nights, or null without any. */
function usualWake(state: SyncState, today: CivilDate): number | null {
  const wakes: number[] = [];
  for (const key of Object.keys(state.nights)) {
    const night = state.nights[Number(key)];
    if (Number(key) < today && !night.nap) wakes.push(night.wake);
  }
  if (wakes.length === 0) return null;
  wakes.sort((a, b) => a - b);
  return wakes[Math.floor(wakes.length / 2)];
}

export interface PlanInput {
  state: SyncState;
  now: number;
  today: CivilDate;
  minuteOfDay: number;
  intervalMs: number;
}

/** The start of the current minute (epoch ms): local minutes are counted from it. */
function minuteStart(input: PlanInput): number {
  return Math.floor(input.now / MINUTE) * MINUTE;
}

/** Epoch ms at which a local minute of today is reached (now when it has passed). */
function atMinute(input: PlanInput, minute: number): number {
  return minute <= input.minuteOfDay ? input.now : minuteStart(input) + (minute - input.minuteOfDay) * MINUTE;
}

/** When last night's sleep is next due (epoch ms; at or before `now` means due now). */
function sleepDueAt(input: PlanInput): number {
  const { state, today } = input;
  if (state.fetchedAt.sleep === 0) return input.now;
  // A nap (no main sleep yet) or a night whose stages are still being processed is not final.
  const night = state.nights[today];
  if (night !== undefined && !night.nap && state.unprocessed.indexOf(today) < 0)
    return state.fetchedAt.sleep + RECHECK_MS;
  const hourly = Math.max(input.intervalMs * 0.9, SLEEP_POLL_MS);
  const wake = usualWake(state, today);
  const first = state.wakeSignals
    ? (wake === null ? SLEEP_WINDOW_START : wake) + AFTER_USUAL_WAKE
    : wake === null
      ? SLEEP_WINDOW_START
      : Math.max(SLEEP_WINDOW_START, wake - BEFORE_USUAL_WAKE);
  const baseline = Math.max(atMinute(input, first), state.fetchedAt.sleep + hourly);
  if (state.wokeDay !== today || state.wokeAt === null || input.now >= state.wokeAt + SIGNAL_WINDOW_MS) return baseline;
  // After the signal, every interval; never later than the hourly baseline would have asked. A
  // signal well after the usual wake time is a late first look (the wearer woke earlier, the
  // display was dark): the night may be there already, so the first poll goes at once.
  const signalMinute = input.minuteOfDay - Math.round((input.now - state.wokeAt) / MINUTE);
  const lateLook = wake !== null && signalMinute > wake + LATE_LOOK;
  const firstAfterSignal = state.wokeAt + (lateLook ? 0 : AFTER_SIGNAL_MS);
  return Math.min(baseline, Math.max(firstAfterSignal, state.fetchedAt.sleep + signalGap(input)));
}

export function planCalls(input: PlanInput): Call[] {
  const { state, now, today } = input;
  // A rate limit or backoff holds for every run, the ones the watch or the page ask for too.
  if (state.retryAt !== null && now < state.retryAt) return [];
  const calls: Call[] = [];
  const sleepDue = sleepDueAt(input) <= now;
  if (sleepDue) calls.push("sleep");
  // Past days' steps hardly change (today's are live on the watch), and a late upload of several
  // days is picked up the next day: the history is fetched once a day.
  if (state.stepsDay !== today) calls.push("steps");
  const rhrDue =
    state.restingHeartRate[today] === undefined &&
    (state.fetchedAt.restingHeartRate === 0 ||
      (sleepDue && now - state.fetchedAt.restingHeartRate >= Math.min(HOUR, sleepDueGap(input))));
  if (rhrDue) calls.push("restingHeartRate");
  return calls;
}

/** The gap between polls for last night after the watch's wake signal: about an interval. */
function signalGap(input: PlanInput): number {
  return Math.max(input.intervalMs * 0.9, MIN_GAP_MS);
}

/** Resting heart rate rides with the sleep calls: after a wake signal, as often as they come. */
function sleepDueGap(input: PlanInput): number {
  return input.state.wokeDay === input.today ? signalGap(input) : HOUR;
}

/**
 * When the plan's next call is due (epoch ms, after `now`): the next sleep poll or the next day's
 * steps history, and never before a rate limit or backoff ends. The watch takes data as late only
 * after this.
 */
export function nextCallAt(input: PlanInput): number {
  const midnight = minuteStart(input) + (24 * 60 - input.minuteOfDay) * MINUTE;
  let next = Math.min(sleepDueAt(input), input.state.stepsDay !== input.today ? input.now : midnight);
  if (input.state.retryAt !== null) next = Math.max(next, input.state.retryAt);
  // Something due now that this run did not do is for the next run, an interval away. Whole
  // minutes: a run a few seconds later plans the same minute, so nothing is resent for it.
  const planned = next <= input.now ? input.now + input.intervalMs : next;
  return Math.ceil(planned / MINUTE) * MINUTE;
}
