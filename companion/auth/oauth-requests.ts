// OAuth request builders and token-response processors for both providers, as pure functions
// (the oauth4webapi idea): google-health-api.md §3, fitbit-web-api.md §2.
import { OAUTH_ENDPOINTS, REDIRECT_URI } from "../../common/oauth-config";
import { ProviderId } from "../../common/settings-keys";
import { ClientCredentials, HttpRequest } from "../deps";
import { TokenSet } from "./token-store";

function form(fields: { [key: string]: string }): string {
  return Object.keys(fields)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(fields[key])}`)
    .join("&");
}

function clientFields(provider: ProviderId, credentials: ClientCredentials): { [key: string]: string } {
  // Google wants the secret even with PKCE; a Fitbit `client` app has none (references §3.3 / §2.3).
  return provider === "google"
    ? { client_id: credentials.google.clientId, client_secret: credentials.google.clientSecret }
    : { client_id: credentials.fitbit.clientId };
}

function post(url: string, fields: { [key: string]: string }): HttpRequest {
  return {
    method: "POST",
    url,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: form(fields),
  };
}

export function buildCodeExchange(
  provider: ProviderId,
  credentials: ClientCredentials,
  code: string,
  verifier: string,
): HttpRequest {
  return post(OAUTH_ENDPOINTS[provider].token, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...clientFields(provider, credentials),
  });
}

export function buildRefresh(provider: ProviderId, credentials: ClientCredentials, refreshToken: string): HttpRequest {
  return post(OAUTH_ENDPOINTS[provider].token, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    ...clientFields(provider, credentials),
  });
}

export function buildRevoke(provider: ProviderId, credentials: ClientCredentials, token: string): HttpRequest {
  return post(
    OAUTH_ENDPOINTS[provider].revoke,
    provider === "google" ? { token } : { token, client_id: credentials.fitbit.clientId },
  );
}

/**
 * Maps a token response to the stored set. Google refreshes return no refresh token: the old one
 * stays (it does not rotate). Fitbit's rotate: the new one must be there.
 */
export function readTokenResponse(
  provider: ProviderId,
  body: unknown,
  now: number,
  previous: TokenSet | null,
): TokenSet | { error: string } {
  if (typeof body !== "object" || body === null) return { error: "token response is not an object" };
  const r = body as { [key: string]: unknown };
  if (typeof r.access_token !== "string" || r.access_token === "")
    return { error: "token response has no access_token" };
  if (typeof r.expires_in !== "number" || r.expires_in <= 0) return { error: "token response has no expires_in" };
  const refresh =
    typeof r.refresh_token === "string" && r.refresh_token !== ""
      ? r.refresh_token
      : provider === "google" && previous !== null
        ? previous.refreshToken
        : null;
  if (refresh === null) return { error: "token response has no refresh_token" };
  const scope = typeof r.scope === "string" ? r.scope : previous !== null ? previous.scope : "";
  return { provider, accessToken: r.access_token, refreshToken: refresh, expiresAt: now + r.expires_in * 1000, scope };
}

/** Refresh this long before expiry: Google's access tokens live 1 h, Fitbit's 8 h (refresh at ~7.5 h). */
export function refreshMarginMs(provider: ProviderId): number {
  return provider === "google" ? 60000 : 30 * 60000;
}
