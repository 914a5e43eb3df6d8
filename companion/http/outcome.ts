// Classifies HTTP answers, from the token endpoints and the data APIs alike, into the coded
// failures the companion acts on (docs/design.md §3; docs/reference/google-health-api.md §6, docs/reference/fitbit-web-api.md §2.5).
// By status, then the error's status or reason; never by message text. What each failure does is
// decided in failure-policy.ts.
import { HttpResponse } from "../deps";

export type Failure =
  | { kind: "expired" }
  | { kind: "invalidGrant" }
  | { kind: "missingScope" }
  | { kind: "rateLimited"; retryAfterSeconds: number | null }
  | { kind: "server"; status: number }
  | { kind: "network" }
  /** No answer within the companion's request timeout (http/request.ts). */
  | { kind: "timeout" }
  | { kind: "retired" }
  | { kind: "accountNotLinked" }
  | { kind: "legacyLogin" }
  | { kind: "config"; detail: string }
  | { kind: "provider"; status: number }
  | { kind: "malformed"; field: string };

export type Outcome = { ok: true; body: unknown } | { ok: false; failure: Failure };

/** What classifying an answer reads besides its body: status and headers. */
export type AnswerHead = Pick<HttpResponse, "status" | "headers">;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function field(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path)
    node = typeof node === "object" && node !== null ? (node as { [k: string]: unknown })[key] : undefined;
  return node;
}

/** Answers longer than this (256 KB) are malformed. */
const MAX_BODY_CHARS = 256 * 1024;

/** The longest wait a Retry-After can impose: a day (a larger one is clamped, not ignored). */
export const MAX_RETRY_AFTER_SECONDS = 86400;

/**
 * The seconds to wait from Retry-After (seconds, or an HTTP date: RFC 9110 §10.2.3) or Fitbit's
 * reset header, clamped to [0, a day]; null when neither is usable.
 */
export function retryAfterOf(response: AnswerHead, now: number): number | null {
  const raw = response.headers.get("retry-after") ?? response.headers.get("fitbit-rate-limit-reset");
  if (raw === null || raw.trim() === "") return null;
  const text = raw.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) : (Date.parse(text) - now) / 1000;
  return isFinite(seconds) ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds))) : null;
}

function googleReason(body: unknown): string | null {
  const details = field(body, "error", "details");
  if (!Array.isArray(details)) return null;
  for (const d of details) {
    const reason = field(d, "reason");
    if (typeof reason === "string") return reason;
  }
  return null;
}

/** OAuth errors that mean the build's client registration is wrong (RFC 6749 §5.2). */
const CLIENT_ERRORS = ["invalid_request", "invalid_client", "unauthorized_client", "redirect_uri_mismatch"];

function classifyError(status: number, body: unknown, response: AnswerHead, now: number): Failure {
  const oauthError = field(body, "error");
  const errors = field(body, "errors");
  const fitbitType = Array.isArray(errors) ? field(errors[0], "errorType") : undefined;
  if (status === 410) return { kind: "retired" };
  if (status === 429) return { kind: "rateLimited", retryAfterSeconds: retryAfterOf(response, now) };
  if (status >= 500) return { kind: "server", status };
  if (oauthError === "invalid_grant" || fitbitType === "invalid_grant" || status === 409)
    return { kind: "invalidGrant" };
  if (status === 401)
    return fitbitType === "invalid_client" || oauthError === "invalid_client"
      ? { kind: "config", detail: "invalid_client" }
      : { kind: "expired" };
  const reason = googleReason(body);
  if (status === 403) {
    if (reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT" || fitbitType === "insufficient_scope")
      return { kind: "missingScope" };
    if (reason === null && fitbitType === undefined) return { kind: "legacyLogin" };
    return { kind: "config", detail: reason ?? String(fitbitType) };
  }
  if (reason === "ACCOUNT_NOT_LINKED") return { kind: "accountNotLinked" };
  // Only what says the app's own OAuth client is wrong is a configuration error; a 404 or any
  // other unexpected answer is the provider's problem, retried later.
  if (typeof oauthError === "string" && CLIENT_ERRORS.indexOf(oauthError) >= 0)
    return { kind: "config", detail: `${status} ${oauthError}` };
  return { kind: "provider", status };
}

/** Answers longer than this are not read at all when their Content-Length says so. */
export function declaresTooLarge(response: HttpResponse): boolean {
  const declared = Number(response.headers.get("content-length") ?? "");
  return isFinite(declared) && declared > MAX_BODY_CHARS;
}

/** Reads an answer's text, or null when it is (or declares itself) larger than the companion reads. */
export async function readText(response: HttpResponse): Promise<string | null> {
  // Refused by its declared length before a byte is read: a 64 MB answer never becomes a string.
  if (declaresTooLarge(response)) return null;
  const text = await response.text();
  return text.length > MAX_BODY_CHARS ? null : text;
}

/** An answer too large to read: no answer the companion reads comes near the limit. */
export const TOO_LARGE: Outcome = { ok: false, failure: { kind: "malformed", field: "body (too large)" } };

/** Classifies an answer already read: a JSON body on 2xx, else the classified failure. */
export function outcomeOf(head: AnswerHead, text: string, now: number): Outcome {
  const body = parseJson(text);
  if (head.status >= 200 && head.status < 300) {
    return body === undefined ? { ok: false, failure: { kind: "malformed", field: "body" } } : { ok: true, body };
  }
  return { ok: false, failure: classifyError(head.status, body, head, now) };
}

/** Reads a response and classifies it. */
export async function readOutcome(response: HttpResponse, now: number): Promise<Outcome> {
  const text = await readText(response);
  return text === null ? TOO_LARGE : outcomeOf(response, text, now);
}
