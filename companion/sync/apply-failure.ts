// What each classified failure does to the sync state (design §3 "Tokens"): distinct behaviour
// per class, last good data always kept.
import { Problem, SyncStatus } from "../../common/sync-status";
import { Failure } from "../auth/http-outcome";
import { SyncState } from "./sync-state";

const MINUTE = 60000;
const MAX_BACKOFF_MS = 60 * MINUTE;

/** Exponential backoff with full jitter: uniform in [1 min, min(60 min, 2^failures min)]. */
export function backoffMs(failures: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MINUTE * Math.pow(2, failures));
  return MINUTE + Math.floor(random() * Math.max(0, ceiling - MINUTE));
}

/** Applies a failure; returns true when the run must stop (no further calls now). */
export function applyFailure(state: SyncState, failure: Failure, now: number, random: () => number): boolean {
  const set = (status: SyncStatus, problem: Problem) => {
    state.status = status;
    state.problem = problem;
  };
  switch (failure.kind) {
    case "missingScope":
      set(SyncStatus.Reauth, Problem.MissingScope);
      return false;
    case "expired":
    case "invalidGrant":
      set(SyncStatus.Reauth, Problem.InvalidGrant);
      return true;
    case "retired":
      set(SyncStatus.Retired, Problem.Retired);
      return true;
    case "accountNotLinked":
      set(SyncStatus.Reauth, Problem.AccountNotLinked);
      return true;
    case "legacyLogin":
      set(SyncStatus.Reauth, Problem.LegacyLogin);
      return true;
    case "rateLimited":
      set(SyncStatus.Retrying, Problem.RateLimited);
      state.retryAt =
        now +
        (failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : backoffMs(++state.failures, random));
      return true;
    case "config":
      set(SyncStatus.Retrying, Problem.Config);
      state.retryAt = now + MAX_BACKOFF_MS;
      return true;
    case "malformed": // an answer that cannot be read backs off like a 5xx: no retry storm
    case "server":
    case "network":
      set(
        SyncStatus.Retrying,
        failure.kind === "server" ? Problem.Server : failure.kind === "network" ? Problem.Network : Problem.Malformed,
      );
      state.retryAt = now + backoffMs(++state.failures, random);
      return true;
  }
}
