import { WireSnapshot } from "./snapshot";

/**
 * Messages over `peerSocket` (both directions). The file transfer carries the same snapshot, so a
 * lost message costs nothing: the file arrives later (fitbit-os.md §3: no store-and-forward).
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
