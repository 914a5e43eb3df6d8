// The status line never lies (docs/design.md §2) and speaks only when needed: nothing while all is as
// planned (the companion's next call is not yet overdue), else what the user should know or do.
// "Updated N ago" appears only when the data is late, and then with the age of the last provider
// answer that succeeded, never of a run that merely found nothing due.
import { LIMITS } from "../common/limits";
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
  /** The en-US text, which is also the msgid in app/i18n/*.po; `{n}` stands for `n`; "" says nothing. */
  text: string;
  n?: number;
}

/** A phone clock this far ahead of the watch's is not believed (its instants were written while it was wrong). */
const CLOCK_SLACK_S = LIMITS.clockSlackSeconds;
/** The furthest ahead the companion ever plans. */
const MAX_PLAN_S = LIMITS.maxPlanSeconds;

function formatAge(seconds: number): StatusLine {
  if (seconds < 3600) return { text: "Updated {n} min ago", n: Math.max(1, Math.floor(seconds / 60)) };
  return { text: "Updated {n} h ago", n: Math.floor(seconds / 3600) };
}

/** The status in the watch's language: translated, then `{n}` filled in. */
export function formatStatus(line: StatusLine, gettext: (msgid: string) => string): string {
  if (line.text === "") return "";
  const text = gettext(line.text);
  return line.n === undefined ? text : text.replace("{n}", String(line.n));
}

/**
 * Seconds since the last provider answer, Infinity when there was none or when the phone's clock
 * wrote it ahead of the watch's (then it claims nothing).
 */
function dataAge(s: Snapshot, now: number): number {
  return s.lastSyncAt === null || s.lastSyncAt > now + CLOCK_SLACK_S ? Infinity : Math.max(0, now - s.lastSyncAt);
}

/** The companion's next call is overdue: it would have sent something newer by now. */
export function isLate(s: Snapshot, now: number): boolean {
  const interval = s.options.refreshMinutes * 60;
  const next = s.nextCallAt;
  if (next !== null && next <= now + MAX_PLAN_S) return now > next + 2 * interval;
  // An older companion (no plan sent), or a plan from a clock that was far ahead: go by the data's age.
  return dataAge(s, now) > 2 * interval;
}

export function decideStatus(input: StatusInput): StatusLine {
  const s = input.snapshot;
  if (s === null || s.status === SyncStatus.SignedOut) return { text: "Sign in on your phone" };
  if (s.status === SyncStatus.Retired) return { text: "Sign in with Google on your phone" };
  if (s.status === SyncStatus.Reauth) return { text: "Sign in again on your phone" };
  const age = dataAge(s, input.now);
  const late = isLate(s, input.now);
  if (late && !input.socketOpen) return { text: "Phone not connected" };
  if (s.status === SyncStatus.NoInternet) return { text: "Allow internet in the Fitbit app" };
  if (s.status === SyncStatus.Offline) return { text: "Phone has no internet" };
  if (s.status === SyncStatus.Retrying || age === Infinity) return { text: "Sync problem — retrying" };
  if (s.night === null || s.night.date < input.today) return { text: "No sleep data yet" };
  if (late) return formatAge(age);
  return { text: "" };
}
