// What the companion knows between launches, persisted in local storage after every change
// (a launch may be unloaded at any time: docs/reference/fitbit-os.md §5).
import { Night } from "../../common/snapshot";
import { Problem, SyncStatus } from "../../common/sync-status";
import { StringStore } from "../deps";

const KEY = "syncState";

export interface SyncState {
  nights: { [date: number]: Night };
  steps: { [date: number]: number };
  restingHeartRate: { [date: number]: number };
  /** Epoch ms of the last run whose provider calls all succeeded, null if never: the data's real age. */
  lastSyncAt: number | null;
  /** Epoch ms of the next provider call the plan holds (the watch says "late" after it), null if none. */
  nextCallAt: number | null;
  /** The civil day and epoch ms the watch last said its wearer woke up (its `sleep` state, steps). */
  wokeDay: number | null;
  wokeAt: number | null;
  /** The watch said it tells when its wearer wakes (hello message): last night is then awaited, not polled for early. */
  wakeSignals: boolean;
  status: SyncStatus;
  problem: Problem;
  /** No call before this epoch ms (rate limit or backoff). */
  retryAt: number | null;
  failures: number;
  fetchedAt: { sleep: number; steps: number; restingHeartRate: number };
  /** Epoch ms of the watch's last refresh request that was served (rate-limited). */
  refreshAskedAt: number;
  /** Wake dates whose main sleep the provider is still processing (polled again like a missing night). */
  unprocessed: number[];
  /** The civil day the steps history was last fetched on. */
  stepsDay: number | null;
  /** The sequence of the last snapshot sent (the watch keeps the highest of an epoch). */
  sequence: number;
  /** The last snapshot sent, without its times: nothing is resent unchanged. */
  lastSent: string | null;
  /** The last-sync time (epoch s) the watch was last told by message. */
  lastSentSyncAt: number | null;
}

export function emptyState(status: SyncStatus): SyncState {
  return {
    nights: {},
    steps: {},
    restingHeartRate: {},
    lastSyncAt: null,
    nextCallAt: null,
    wokeDay: null,
    wokeAt: null,
    wakeSignals: false,
    status,
    problem: Problem.None,
    retryAt: null,
    failures: 0,
    fetchedAt: { sleep: 0, steps: 0, restingHeartRate: 0 },
    refreshAskedAt: 0,
    unprocessed: [],
    stepsDay: null,
    sequence: 0,
    lastSent: null,
    lastSentSyncAt: null,
  };
}

export function readState(store: StringStore, fallback: SyncStatus): SyncState {
  const raw = store.getItem(KEY);
  if (typeof raw !== "string") return emptyState(fallback);
  try {
    const value = JSON.parse(raw) as Partial<SyncState>;
    return {
      ...emptyState(fallback),
      ...value,
      fetchedAt: { ...emptyState(fallback).fetchedAt, ...(value.fetchedAt ?? {}) },
    };
  } catch {
    return emptyState(fallback);
  }
}

export function writeState(store: StringStore, state: SyncState): void {
  store.setItem(KEY, JSON.stringify(state));
}

/**
 * Drops days older than a week, so local storage stays small, and days after `newest`, which only
 * a clock that was ahead can have written.
 */
export function pruneState(state: SyncState, oldest: number, newest: number): void {
  const keep = <T>(map: { [date: number]: T }): { [date: number]: T } => {
    const kept: { [date: number]: T } = {};
    for (const key of Object.keys(map))
      if (Number(key) >= oldest && Number(key) <= newest) kept[Number(key)] = map[Number(key)];
    return kept;
  };
  state.nights = keep(state.nights);
  state.steps = keep(state.steps);
  state.restingHeartRate = keep(state.restingHeartRate);
}
