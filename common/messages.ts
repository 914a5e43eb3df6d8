import { WireSnapshot } from "./snapshot";

/**
 * Messages over `peerSocket` (both directions). The file transfer carries the same snapshot, so a
 * lost message costs nothing: the file arrives later (docs/reference/fitbit-os.md §3: no store-and-forward).
 */

/** Companion → watch: a snapshot, sent when the socket is open, besides the file. */
export interface SnapshotMessage {
  k: "s";
  s: WireSnapshot;
}

/** Watch → companion: "my data is old, please sync" (the companion rate-limits these). */
export interface RefreshRequestMessage {
  k: "r";
}

/**
 * Watch → companion: the wearer woke up (the watch's `sleep` state turned awake, or the morning's
 * first steps), at `t` epoch seconds by the watch's clock. Sent by message when the socket is open,
 * else as the file {@link WAKE_FILE}, whose arrival launches the companion (`launchReasons.fileTransfer`).
 */
export interface WakeMessage {
  k: "w";
  t: number;
}

/**
 * Watch → companion, when the socket opens: whether this watch can tell when its wearer wakes up
 * (`s` 1: the `sleep` module is there and `access_sleep` granted). The companion plans by it.
 */
export interface HelloMessage {
  k: "h";
  s: 0 | 1;
}

/** The watch's hello. */
export function helloMessage(canSignalWake: boolean): HelloMessage {
  return { k: "h", s: canSignalWake ? 1 : 0 };
}

/** Whether a hello says the watch signals wake-ups; null when the message is not a hello. */
export function readHello(data: unknown): boolean | null {
  if (typeof data !== "object" || data === null) return null;
  const m = data as { k?: unknown; s?: unknown };
  return m.k === "h" && (m.s === 0 || m.s === 1) ? m.s === 1 : null;
}

/** The file that carries a {@link WakeMessage} when the socket is closed. */
export const WAKE_FILE = "wake.cbor";

/** The file that carries a {@link RefreshRequestMessage} when the socket is closed. */
export const REFRESH_FILE = "refresh.cbor";

/** The watch's wake signal. */
export function wakeMessage(epochSeconds: number): WakeMessage {
  return { k: "w", t: epochSeconds };
}

/** Returns the wake time (epoch s) a message carries, or null when it is not a wake signal. */
export function readWakeMessage(data: unknown): number | null {
  if (typeof data !== "object" || data === null) return null;
  const m = data as { k?: unknown; t?: unknown };
  return m.k === "w" && typeof m.t === "number" && m.t % 1 === 0 && m.t > 0 ? m.t : null;
}

/** The message that carries a snapshot. */
export function snapshotMessage(snapshot: WireSnapshot): SnapshotMessage {
  return { k: "s", s: snapshot };
}

/** The watch's refresh request. */
export const REFRESH_REQUEST: RefreshRequestMessage = { k: "r" };

/** Returns the wire snapshot carried by a message, or null when it is not a snapshot message. */
export function readSnapshotMessage(data: unknown): unknown {
  if (typeof data !== "object" || data === null) return null;
  const message = data as { k?: unknown; s?: unknown };
  return message.k === "s" && message.s !== undefined ? message.s : null;
}

/** Returns true when a message is a refresh request from the watch. */
export function isRefreshRequest(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { k?: unknown }).k === "r";
}
