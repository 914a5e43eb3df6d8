// The status line never lies (design §2): it says how old the data is, or what the user must do.
import { Snapshot } from "../common/snapshot";
import { SyncStatus } from "../common/sync-status";

export interface StatusInput {
  snapshot: Snapshot | null;
  /** Epoch seconds now. */
  now: number;
  socketOpen: boolean;
  /** The phone's local civil date today (yyyymmdd). */
  today: number;
}

export interface StatusLine {
  text: string;
  /** Data older than three sync intervals: shown dimmed. */
  stale: boolean;
}

/** "Updated just now" / "Updated 12 min ago" / "Updated 3 h ago" from an age in seconds. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return "Updated just now";
  if (seconds < 3600) return "Updated " + Math.floor(seconds / 60) + " min ago";
  return "Updated " + Math.floor(seconds / 3600) + " h ago";
}

export function decideStatus(input: StatusInput): StatusLine {
  const s = input.snapshot;
  if (s === null || s.status === SyncStatus.SignedOut) return { text: "Sign in on your phone", stale: false };
  if (s.status === SyncStatus.Retired) return { text: "Fitbit Web API retired — sign in with Google", stale: true };
  if (s.status === SyncStatus.Reauth) return { text: "Sign in again on your phone", stale: true };
  const interval = s.options.refreshMinutes * 60;
  const age = s.lastSyncAt === null ? Infinity : Math.max(0, input.now - s.lastSyncAt);
  const stale = age > 3 * interval;
  if (!input.socketOpen && age > 2 * interval) return { text: "Phone not connected", stale };
  if (s.status === SyncStatus.Retrying) return { text: "Sync problem — retrying", stale };
  if (s.lastSyncAt === null) return { text: "Sync problem — retrying", stale: true };
  if (s.night === null && s.dataDate === input.today) return { text: "No sleep data yet", stale };
  return { text: formatAge(age), stale };
}
