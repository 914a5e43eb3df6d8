// Tokens live only in the companion's local storage (docs/design.md §3), validated when read.
import { isProviderId, ProviderId } from "../../common/providers";
import { StringStore } from "../deps";

const TOKENS = "tokens";

/** The stored grant. */
export interface TokenSet {
  provider: ProviderId;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  scope: string;
}

function parse(raw: string | null | undefined): { [key: string]: unknown } | null {
  if (typeof raw !== "string") return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null ? (value as { [key: string]: unknown }) : null;
  } catch {
    return null;
  }
}

export function readTokens(store: StringStore): TokenSet | null {
  const r = parse(store.getItem(TOKENS));
  if (r === null || !isProviderId(r.provider)) return null;
  if (typeof r.accessToken !== "string" || typeof r.refreshToken !== "string" || typeof r.expiresAt !== "number")
    return null;
  return {
    provider: r.provider,
    accessToken: r.accessToken,
    refreshToken: r.refreshToken,
    expiresAt: r.expiresAt,
    scope: typeof r.scope === "string" ? r.scope : "",
  };
}

export function writeTokens(store: StringStore, tokens: TokenSet): void {
  store.setItem(TOKENS, JSON.stringify(tokens));
}

export function clearTokens(store: StringStore): void {
  store.removeItem(TOKENS);
}

const EPOCH = "signInEpoch";

/**
 * The sign-in epoch: a number that changes with every sign-in and sign-out. Work started under
 * one epoch (a refresh, a sync run) writes nothing once it has changed, so no answer that lands
 * after a sign-out or a newer sign-in can bring tokens or data back. The watch orders snapshots
 * within an epoch by sequence, and takes any snapshot of a new epoch.
 */
export function readEpoch(store: StringStore): number {
  const value = Number(store.getItem(EPOCH));
  return isFinite(value) && value > 0 ? value : 0;
}

/** Starts a new epoch (a positive 31-bit number unlike the current one). */
export function newEpoch(store: StringStore, random: () => number): number {
  const current = readEpoch(store);
  let next = current;
  while (next === current) next = 1 + Math.floor(random() * 0x7ffffffe);
  store.setItem(EPOCH, String(next));
  return next;
}
