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
  /** The en-US text, which is also the msgid in app/i18n/*.po; `{n}` stands for `n`. */
  text: string;
  n?: number;
  /** Data older than three sync intervals: shown dimmed. */
  stale: boolean;
}

function formatAge(seconds: number, stale: boolean): StatusLine {
  if (seconds < 60) return { text: "Updated just now", stale: stale };
  if (seconds < 3600) return { text: "Updated {n} min ago", n: Math.floor(seconds / 60), stale: stale };
  return { text: "Updated {n} h ago", n: Math.floor(seconds / 3600), stale: stale };
}

/** The status in the watch's language: translated, then `{n}` filled in. */
export function formatStatus(line: StatusLine, gettext: (msgid: string) => string): string {
  const text = gettext(line.text);
  return line.n === undefined ? text : text.replace("{n}", String(line.n));
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
  if (s.night === null || s.night.date < input.today) return { text: "No sleep data yet", stale };
  return formatAge(age, stale);
}
