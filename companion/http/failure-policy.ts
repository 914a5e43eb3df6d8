// The failure policy, in one place: what each classified failure (outcome.ts) does to the sync
// state (status and problem shown), whether the run stops, when the next call may go, and whether
// the sign-in survives (docs/design.md §3 "Tokens"). The last good data is always kept.
import { Problem, SyncStatus } from "../../common/sync-status";
import { SyncState } from "../sync/sync-state";
import { Failure } from "./outcome";

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
    case "provider":
      set(SyncStatus.Retrying, Problem.Server);
      state.retryAt = now + MAX_BACKOFF_MS;
      return true;
    case "malformed": // an answer that cannot be read backs off like a 5xx: no retry storm
    case "expired": // a 401 the one refresh did not cure: transient, never a sign-out
    case "server":
    case "timeout":
    case "network":
      // Only a request that could not leave the phone says "offline"; a timeout may be the server.
      if (failure.kind === "network") set(SyncStatus.Offline, Problem.Network);
      else
        set(
          SyncStatus.Retrying,
          failure.kind === "timeout"
            ? Problem.Network
            : failure.kind === "malformed"
              ? Problem.Malformed
              : Problem.Server,
        );
      state.retryAt = now + backoffMs(++state.failures, random);
      return true;
  }
}

/**
 * Whether the stored grant is useless after this failure (it is wiped; the last data stays): only
 * when the token endpoint says the grant is gone, or the provider is retired.
 */
export function endsSignIn(failure: Failure): boolean {
  return failure.kind === "invalidGrant" || failure.kind === "retired";
}
