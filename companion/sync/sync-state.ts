// What the companion knows between launches, persisted in local storage after every change
// (a launch may be unloaded at any time: fitbit-os.md §5).
import { Night } from "../../common/snapshot";
import { Problem, SyncStatus } from "../../common/sync-status";
import { StringStore } from "../deps";

const KEY = "syncState";

export interface SyncState {
  nights: { [date: number]: Night };
  steps: { [date: number]: number };
  restingHeartRate: { [date: number]: number };
  /** Epoch ms of the last fully successful sync, null if never. */
  lastSyncAt: number | null;
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

/** Drops days older than a week so local storage stays small. */
export function pruneState(state: SyncState, oldest: number): void {
  const keep = <T>(map: { [date: number]: T }): { [date: number]: T } => {
    const kept: { [date: number]: T } = {};
    for (const key of Object.keys(map)) if (Number(key) >= oldest) kept[Number(key)] = map[Number(key)];
    return kept;
  };
  state.nights = keep(state.nights);
  state.steps = keep(state.steps);
  state.restingHeartRate = keep(state.restingHeartRate);
}
