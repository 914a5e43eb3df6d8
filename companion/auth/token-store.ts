// Tokens live only in the companion's local storage (design §3), validated when read.
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
