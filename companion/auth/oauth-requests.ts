// OAuth request builders and token-response processors for every provider, as pure functions
// (the oauth4webapi idea): docs/reference/google-health-api.md §3, docs/reference/fitbit-web-api.md §2. What differs between
// providers comes from their records (common/providers.ts).
import { brokerOf, ClientCredentials, ProviderId, providerInfo, REDIRECT_URI } from "../../common/providers";
import { HttpRequest } from "../deps";
import { TokenSet } from "./token-store";

function form(fields: { [key: string]: string }): string {
  return Object.keys(fields)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(fields[key])}`)
    .join("&");
}

function clientFields(provider: ProviderId, credentials: ClientCredentials): { [key: string]: string } {
  const fields: { [key: string]: string } = { client_id: credentials[provider].clientId };
  if (providerInfo(provider).needsSecret) fields.client_secret = credentials[provider].clientSecret;
  return fields;
}

function post(url: string, fields: { [key: string]: string }): HttpRequest {
  return {
    method: "POST",
    url,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: form(fields),
  };
}

/** A JSON request to the token broker (broker/): it adds the client secret and talks to the provider. */
function toBroker(broker: string, endpoint: string, fields: { [key: string]: string }): HttpRequest {
  return {
    method: "POST",
    url: broker + endpoint,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(fields),
  };
}

export function buildCodeExchange(
  provider: ProviderId,
  credentials: ClientCredentials,
  code: string,
  verifier: string,
): HttpRequest {
  const broker = brokerOf(provider, credentials);
  const clientId = credentials[provider].clientId;
  if (broker !== null) return toBroker(broker, "/token", { code, code_verifier: verifier, client_id: clientId });
  return post(providerInfo(provider).tokenUrl, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...clientFields(provider, credentials),
  });
}

export function buildRefresh(provider: ProviderId, credentials: ClientCredentials, refreshToken: string): HttpRequest {
  const broker = brokerOf(provider, credentials);
  // Through the broker the stored refresh token is the sealed one the broker handed out.
  if (broker !== null)
    return toBroker(broker, "/refresh", { refresh: refreshToken, client_id: credentials[provider].clientId });
  return post(providerInfo(provider).tokenUrl, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    ...clientFields(provider, credentials),
  });
}

export function buildRevoke(provider: ProviderId, credentials: ClientCredentials, token: string): HttpRequest {
  const broker = brokerOf(provider, credentials);
  if (broker !== null)
    return toBroker(broker, "/revoke", { refresh: token, client_id: credentials[provider].clientId });
  const info = providerInfo(provider);
  return post(
    info.revokeUrl,
    info.revokeWithClientId ? { token, client_id: credentials[provider].clientId } : { token },
  );
}

/** The longest access token lifetime believed, in seconds (Google: an hour, Fitbit: eight hours). */
export const MAX_EXPIRES_IN = 86400;

/**
 * Maps a token response to the stored set. A provider whose refresh tokens do not rotate returns
 * none on refresh: the old one stays. One whose tokens rotate must return the new one.
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
  // A lifetime no token has (0, negative, 1e306, infinite) would store an expiry that does not read
  // back: refused like a missing one.
  if (typeof r.expires_in !== "number" || !isFinite(r.expires_in) || r.expires_in < 1 || r.expires_in > MAX_EXPIRES_IN)
    return { error: "token response has no plausible expires_in" };
  // The token broker names its sealed refresh token `refresh`.
  const given = typeof r.refresh_token === "string" && r.refresh_token !== "" ? r.refresh_token : r.refresh;
  const refresh =
    typeof given === "string" && given !== ""
      ? given
      : !providerInfo(provider).rotatesRefreshToken && previous !== null
        ? previous.refreshToken
        : null;
  if (refresh === null) return { error: "token response has no refresh_token" };
  const scope = typeof r.scope === "string" ? r.scope : previous !== null ? previous.scope : "";
  return { provider, accessToken: r.access_token, refreshToken: refresh, expiresAt: now + r.expires_in * 1000, scope };
}
