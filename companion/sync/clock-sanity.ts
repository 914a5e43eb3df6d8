// No instant written while the phone's clock was elsewhere may hold work back (issue: a clock that
// jumps a year ahead for 20 minutes and comes back stalled every call for hours). Every instant the
// sync state keeps is a past event or a bounded wait; one further ahead than that is forgotten, so
// the plan starts again from the present.
import { CivilDate } from "../../common/civil-date";
import { LIMITS } from "../../common/limits";
import { MAX_RETRY_AFTER_SECONDS } from "../http/outcome";
import { SyncState } from "./sync-state";

/** A clock step smaller than this is ordinary drift. */
const SLACK_MS = LIMITS.clockSlackSeconds * 1000;
/** The longest wait the policy ever sets: a Retry-After, clamped (http/outcome.ts). */
const MAX_WAIT_MS = MAX_RETRY_AFTER_SECONDS * 1000;
/** The longest the plan looks ahead. */
const MAX_PLAN_MS = LIMITS.maxPlanSeconds * 1000;

/** Forgets instants that cannot be true at `now`; returns the names of what it forgot (for the log). */
export function forgetFutureInstants(state: SyncState, now: number, today: CivilDate): string[] {
  const forgot: string[] = [];
  const future = (t: number | null, horizon: number): boolean => t !== null && t > now + horizon;
  for (const call of ["sleep", "steps", "restingHeartRate"] as const) {
    if (future(state.fetchedAt[call], SLACK_MS)) {
      state.fetchedAt[call] = 0; // unknown: due now
      forgot.push(`fetchedAt.${call}`);
    }
  }
  if (future(state.lastSyncAt, SLACK_MS)) {
    state.lastSyncAt = null; // no freshness can be claimed from it; the calls above are due now
    forgot.push("lastSyncAt");
  }
  if (future(state.retryAt, MAX_WAIT_MS + SLACK_MS)) {
    state.retryAt = null;
    forgot.push("retryAt");
  }
  if (future(state.nextCallAt, MAX_PLAN_MS)) {
    state.nextCallAt = null;
    forgot.push("nextCallAt");
  }
  if (state.refreshAskedAt > now + SLACK_MS) {
    state.refreshAskedAt = 0;
    forgot.push("refreshAskedAt");
  }
  if (future(state.wokeAt, SLACK_MS) || (state.wokeDay !== null && state.wokeDay > today)) {
    state.wokeAt = null;
    state.wokeDay = null;
    forgot.push("wokeAt");
  }
  if (state.stepsDay !== null && state.stepsDay > today) {
    state.stepsDay = null;
    forgot.push("stepsDay");
  }
  return forgot;
}
