// The token broker's endpoints (index.ts is the Worker's entry): a stateless Cloudflare Worker between the companion and Google's OAuth
// endpoints, so the Google client secret lives only here and Google's redirect URI is on the
// developer's own domain (README "Sign-in through a token broker", docs/decisions.md).
//
//   GET  /callback  Google's redirect_uri: seals the code, redirects to the Fitbit settings page
//   POST /token     {code: sealed, code_verifier, client_id} → {access_token, expires_in, refresh}
//   POST /refresh   {refresh: sealed, client_id}             → {access_token, expires_in[, refresh]}
//   POST /revoke    {refresh: sealed, client_id}             → {}
//
// It keeps nothing: codes and refresh tokens travel sealed (seal.ts) and only ever open here.
// It never logs a token, a code or a sealed value. Errors are OAuth-shaped JSON, and Google's own
// errors keep their status and `error` (invalid_grant stays invalid_grant).
import { importSealingKey, open, seal, SealedType, SealingKey } from "./seal";

export interface Env {
  GOOGLE_CLIENT_ID: string;
  /** Worker secret: `wrangler secret put GOOGLE_CLIENT_SECRET`. */
  GOOGLE_CLIENT_SECRET: string;
  /** Worker secret: 32 random bytes, base64 (`openssl rand -base64 32`). */
  SEALING_KEY: string;
  /** During a key rotation: the key before SEALING_KEY, still accepted for opening. */
  SEALING_KEY_PREVIOUS?: string;
  /** Where /callback sends the user back (the Fitbit settings redirect page). */
  SETTINGS_REDIRECT?: string;
  GOOGLE_TOKEN_URL?: string;
  GOOGLE_REVOKE_URL?: string;
  /** Cloudflare rate-limiting bindings (wrangler.toml `[[ratelimits]]`), keyed by the caller's IP. */
  CALLBACK_LIMITER?: RateLimiter;
  TOKEN_LIMITER?: RateLimiter;
  REFRESH_LIMITER?: RateLimiter;
}

/** The Workers rate-limiting binding's API (developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

const FITBIT_REDIRECT = "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html";
const GOOGLE_TOKEN = "https://oauth2.googleapis.com/token";
const GOOGLE_REVOKE = "https://oauth2.googleapis.com/revoke";
/** Bodies larger than this are refused (a sealed refresh token is about 200 bytes). */
export const MAX_BODY_BYTES = 4096;
/** Google's answers larger than this are refused (a token answer is well under 2 KB). */
const MAX_UPSTREAM_BYTES = 64 * 1024;
/** The longest access token lifetime the broker passes on (Google's are an hour). */
const MAX_EXPIRES_IN = 86400;
/**
 * The shape of a Google authorization code ("4/0A…", URL-safe characters). Anything else is not
 * sealed, so no upstream token call is ever made for it.
 */
const GOOGLE_CODE = /^4\/[0-9A-Za-z_-]{10,1024}$/;
/** A sealed code opens for this long (Google's codes live about 10 minutes). */
export const CODE_LIFETIME_SECONDS = 300;

const ROUTES: Record<string, string> = {
  "/callback": "GET",
  "/token": "POST",
  "/refresh": "POST",
  "/revoke": "POST",
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}

export function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description });
}

interface Keys {
  current: SealingKey;
  all: SealingKey[];
}

/**
 * The configured keys; null when SEALING_KEY is missing or bad, "conflict" when the previous key
 * is another key with the same id (a new SEALING_KEY must be generated: the broker will not start).
 */
async function loadKeys(env: Env): Promise<Keys | null | "conflict"> {
  const current = await importSealingKey(env.SEALING_KEY);
  if (current === null) return null;
  const previous = await importSealingKey(env.SEALING_KEY_PREVIOUS);
  if (previous === null || previous.id !== current.id) {
    return { current, all: previous === null ? [current] : [current, previous] };
  }
  return env.SEALING_KEY?.trim() === env.SEALING_KEY_PREVIOUS?.trim() ? { current, all: [current] } : "conflict";
}

/** Reads at most `cap` bytes of a stream; null as soon as it holds more (the rest is not read). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array | null> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Reads a small JSON object body; a Response when it is refused. */
async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
  // Only JSON: a browser cannot send it cross-site without a CORS preflight, which gets no answer.
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return oauthError(415, "invalid_request", "Content-Type must be application/json");
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) return oauthError(413, "invalid_request", "body too large");
  // A chunked body declares nothing: it is counted while it streams and cut off past the cap.
  const bytes = await readCapped(request.body, MAX_BODY_BYTES);
  if (bytes === null) return oauthError(413, "invalid_request", "body too large");
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return oauthError(400, "invalid_request", "body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return oauthError(400, "invalid_request", "body is not a JSON object");
  return body as Record<string, unknown>;
}

function field(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  return typeof value === "string" && value !== "" && value.length <= 2048 ? value : null;
}

/** Opens a sealed value from the body, or answers why not (invalid_grant, as Google would). */
async function opened(
  keys: Keys,
  type: SealedType,
  clientId: string,
  sealed: string | null,
): Promise<{ value: string; stale: boolean } | Response> {
  if (sealed === null) return oauthError(400, "invalid_request", `no sealed ${type}`);
  const result = await open(keys.all, type, clientId, sealed, Math.floor(Date.now() / 1000));
  if ("refused" in result) return oauthError(400, "invalid_grant", `the sealed ${type} is ${result.refused}`);
  return { value: result.value, stale: result.key !== keys.current };
}

/** Posts a form to Google and passes its errors on with their status and `error`. */
async function google(url: string, fields: Record<string, string>): Promise<Record<string, unknown> | Response> {
  let response: Response;
  try {
    // A redirect is never followed: it would carry the code, verifier and client secret elsewhere.
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
  } catch {
    return oauthError(502, "temporarily_unavailable", "Google could not be reached");
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    return oauthError(502, "temporarily_unavailable", "Google answered with a redirect");
  }
  const bytes = await readCapped(response.body, MAX_UPSTREAM_BYTES);
  if (bytes === null) return oauthError(502, "temporarily_unavailable", "Google's answer was too large");
  const text = new TextDecoder().decode(bytes);
  let body: unknown = null;
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    body = null;
  }
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
  if (response.ok && record !== null) return record;
  if (response.ok) return oauthError(502, "temporarily_unavailable", "Google's answer was not JSON");
  const error = record !== null && typeof record.error === "string" ? record.error : "server_error";
  const headers: Record<string, string> = {};
  const retryAfter = response.headers.get("Retry-After");
  if (retryAfter !== null) headers["Retry-After"] = retryAfter;
  // Google's 5xx become 502 (the broker's upstream failed); 4xx keep their status.
  const status = response.status >= 500 ? 502 : response.status;
  return json(status, { error, error_description: `Google answered ${response.status}` }, headers);
}

/** An access token lifetime as Google gives it: a finite number of seconds from 1 s to a day. */
function expiresIn(answer: Record<string, unknown>): number | null {
  const value = answer.expires_in;
  return typeof value === "number" && isFinite(value) && value >= 1 && value <= MAX_EXPIRES_IN ? value : null;
}

function callbackUrl(request: Request): string {
  return new URL("/callback", request.url).toString();
}

async function callback(request: Request, env: Env, keys: Keys): Promise<Response> {
  const url = new URL(request.url);
  const back = new URL(env.SETTINGS_REDIRECT ?? FITBIT_REDIRECT);
  const state = url.searchParams.get("state");
  if (state !== null) back.searchParams.set("state", state);
  const error = url.searchParams.get("error");
  const code = url.searchParams.get("code");
  if (error !== null) back.searchParams.set("error", error);
  else if (code !== null && GOOGLE_CODE.test(code)) {
    const expiresAt = Math.floor(Date.now() / 1000) + CODE_LIFETIME_SECONDS;
    back.searchParams.set("code", await seal(keys.current, "code", env.GOOGLE_CLIENT_ID, code, expiresAt));
  } else return oauthError(400, "invalid_request", "no Google authorization code");
  return new Response(null, { status: 302, headers: { Location: back.toString(), "Cache-Control": "no-store" } });
}

async function token(request: Request, env: Env, keys: Keys, body: Record<string, unknown>): Promise<Response> {
  const code = await opened(keys, "code", env.GOOGLE_CLIENT_ID, field(body, "code"));
  if (code instanceof Response) return code;
  if (!GOOGLE_CODE.test(code.value)) return oauthError(400, "invalid_grant", "the sealed code is not a Google code");
  const verifier = field(body, "code_verifier");
  if (verifier === null) return oauthError(400, "invalid_request", "no code_verifier");
  const answer = await google(env.GOOGLE_TOKEN_URL ?? GOOGLE_TOKEN, {
    grant_type: "authorization_code",
    code: code.value,
    code_verifier: verifier,
    redirect_uri: callbackUrl(request),
    client_id: env.GOOGLE_CLIENT_ID,
    client_secret: env.GOOGLE_CLIENT_SECRET,
  });
  if (answer instanceof Response) return answer;
  const expires = expiresIn(answer);
  if (typeof answer.refresh_token !== "string" || typeof answer.access_token !== "string" || expires === null)
    return oauthError(502, "temporarily_unavailable", "Google's answer had no tokens or an impossible expires_in");
  return json(200, {
    access_token: answer.access_token,
    expires_in: expires,
    scope: answer.scope,
    token_type: answer.token_type,
    refresh: await seal(keys.current, "refresh", env.GOOGLE_CLIENT_ID, answer.refresh_token, 0),
  });
}

async function refresh(env: Env, keys: Keys, body: Record<string, unknown>): Promise<Response> {
  const sealed = await opened(keys, "refresh", env.GOOGLE_CLIENT_ID, field(body, "refresh"));
  if (sealed instanceof Response) return sealed;
  const answer = await google(env.GOOGLE_TOKEN_URL ?? GOOGLE_TOKEN, {
    grant_type: "refresh_token",
    refresh_token: sealed.value,
    client_id: env.GOOGLE_CLIENT_ID,
    client_secret: env.GOOGLE_CLIENT_SECRET,
  });
  if (answer instanceof Response) return answer;
  const expires = expiresIn(answer);
  if (typeof answer.access_token !== "string" || expires === null)
    return oauthError(
      502,
      "temporarily_unavailable",
      "Google's answer had no access token or an impossible expires_in",
    );
  const reply: Record<string, unknown> = {
    access_token: answer.access_token,
    expires_in: expires,
    scope: answer.scope,
    token_type: answer.token_type,
  };
  // A new refresh token from Google, or one sealed with the previous key: hand out a fresh seal.
  const next = typeof answer.refresh_token === "string" ? answer.refresh_token : sealed.stale ? sealed.value : null;
  if (next !== null) reply.refresh = await seal(keys.current, "refresh", env.GOOGLE_CLIENT_ID, next, 0);
  return json(200, reply);
}

async function revoke(env: Env, keys: Keys, body: Record<string, unknown>): Promise<Response> {
  const sealed = await opened(keys, "refresh", env.GOOGLE_CLIENT_ID, field(body, "refresh"));
  if (sealed instanceof Response) return sealed;
  const answer = await google(env.GOOGLE_REVOKE_URL ?? GOOGLE_REVOKE, { token: sealed.value });
  return answer instanceof Response ? answer : json(200, {});
}

/** The limiter for a path; /revoke shares the refresh limiter. */
function limiterOf(env: Env, path: string): RateLimiter | undefined {
  if (path === "/callback") return env.CALLBACK_LIMITER;
  if (path === "/token") return env.TOKEN_LIMITER;
  return env.REFRESH_LIMITER;
}

export async function handle(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const method = ROUTES[url.pathname];
  if (method === undefined) return oauthError(404, "invalid_request", "no such endpoint");
  if (request.method !== method)
    return new Response(JSON.stringify({ error: "invalid_request", error_description: "method not allowed" }), {
      status: 405,
      headers: { Allow: method, "Content-Type": "application/json" },
    });
  // Per caller, before any body, crypto or upstream call: one client cannot spend Google's quota
  // (or the Worker's) for everyone. CF-Connecting-IP is set by Cloudflare, not by the caller.
  const limiter = limiterOf(env, url.pathname);
  if (limiter !== undefined) {
    const caller = request.headers.get("CF-Connecting-IP") ?? "unknown";
    const { success } = await limiter.limit({ key: `${url.pathname}|${caller}` });
    if (!success)
      return json(429, { error: "slow_down", error_description: "too many requests" }, { "Retry-After": "60" });
  }
  const keys = await loadKeys(env);
  if (keys === "conflict")
    return oauthError(500, "server_error", "SEALING_KEY and SEALING_KEY_PREVIOUS share a key id: generate another key");
  if (keys === null || !env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET)
    return oauthError(500, "server_error", "the broker is not configured");
  if (url.pathname === "/callback") return callback(request, env, keys);
  const body = await readBody(request);
  if (body instanceof Response) return body;
  if (field(body, "client_id") !== env.GOOGLE_CLIENT_ID)
    return oauthError(401, "invalid_client", "this broker serves another client");
  if (url.pathname === "/token") return token(request, env, keys, body);
  if (url.pathname === "/refresh") return refresh(env, keys, body);
  return revoke(env, keys, body);
}
