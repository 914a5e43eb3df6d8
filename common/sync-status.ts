/**
 * What the companion knows about syncing, as small integers for the wire.
 * The watch turns these (plus its own link state and the data's age) into the status line.
 */
export const SyncStatus = {
  /** Signed in and the last sync succeeded. */
  Ok: 0,
  /** Never signed in, or signed out. */
  SignedOut: 1,
  /** The grant expired, was revoked, or lacks a scope: the user must sign in again. */
  Reauth: 2,
  /** The legacy Fitbit Web API answered 410 Gone. */
  Retired: 3,
  /** A transient problem (server, rate limit, unreadable answer); the companion retries on its own. */
  Retrying: 4,
  /** The phone could not reach the internet when a call was due (a network error; a timeout is Retrying). */
  Offline: 5,
  /** The user turned off internet access (`access_internet`) for this app: nothing can sync. */
  NoInternet: 6,
} as const;
export type SyncStatus = (typeof SyncStatus)[keyof typeof SyncStatus];

/** Why the last sync did not fully succeed; `None` when it did. Finer than {@link SyncStatus}. */
export const Problem = {
  None: 0,
  Network: 1,
  Server: 2,
  RateLimited: 3,
  Malformed: 4,
  InvalidGrant: 5,
  MissingScope: 6,
  Retired: 7,
  AccountNotLinked: 8,
  Config: 9,
  LegacyLogin: 10,
  /** Some records or days of an answer were out of range or of the wrong type and were left out. */
  PartlyUnreadable: 11,
  /** The companion may not use the internet (`access_internet` revoked in the Fitbit app). */
  NoInternetPermission: 12,
} as const;
export type Problem = (typeof Problem)[keyof typeof Problem];

/** Returns true when `value` is one of the {@link SyncStatus} codes. */
export function isSyncStatus(value: unknown): value is SyncStatus {
  return typeof value === "number" && value % 1 === 0 && value >= 0 && value <= 6;
}
