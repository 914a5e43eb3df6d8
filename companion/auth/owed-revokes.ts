// Grants still to be revoked at the provider after a sign-out: a list (a second sign-out while the
// first revoke is still owed adds to it), kept in local storage across sign-ins and unloads, each
// retried with backoff until the provider confirms it, and given up only after many tries over
// weeks. A revoke counts as done only on a 2xx that is empty or JSON, a 400 `invalid_token` or
// `invalid_grant` (the grant is gone already), or a 410 (the provider is retired); anything else
// (429, a 3xx, a captive portal's HTML, a 401, a 5xx, no network, no answer in time) keeps it owed.
import { isProviderId, ProviderId } from "../../common/providers";
import { RawAnswer } from "../http/request";

/** One grant to revoke. */
export interface OwedRevoke {
  provider: ProviderId;
  token: string;
  /** Tries so far, and no try before `nextAt` (epoch ms); owed since `since`. */
  attempts: number;
  nextAt: number;
  since: number;
}

const MINUTE = 60000;
/** The longest wait between two tries. */
const MAX_GAP_MS = 24 * 60 * MINUTE;
/** Given up after this many tries, or after this long owed (the user can revoke in their account). */
export const MAX_REVOKE_ATTEMPTS = 20;
export const MAX_REVOKE_AGE_MS = 30 * 24 * 60 * MINUTE;

/** A new owed revoke, tried at once. */
export function owe(provider: ProviderId, token: string, now: number): OwedRevoke {
  return { provider, token, attempts: 0, nextAt: now, since: now };
}

/** Whether the provider's answer settles the revoke. */
export function revokeSettled(answer: RawAnswer): boolean {
  if (!answer.ok) return false;
  if (answer.status === 410) return true;
  let body: unknown;
  try {
    body = answer.text.trim() === "" ? {} : JSON.parse(answer.text);
  } catch {
    return false; // an HTML page (a captive portal) is not the provider's answer
  }
  if (answer.status >= 200 && answer.status < 300) return typeof body === "object" && body !== null;
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  return answer.status === 400 && (error === "invalid_token" || error === "invalid_grant");
}

/**
 * After a try that did not settle: the next try after a doubling wait (1 min, 2, 4 … a day), or
 * null when it is given up.
 */
export function retryLater(owed: OwedRevoke, now: number): OwedRevoke | null {
  const attempts = owed.attempts + 1;
  if (attempts >= MAX_REVOKE_ATTEMPTS || now - owed.since >= MAX_REVOKE_AGE_MS) return null;
  return { ...owed, attempts, nextAt: now + Math.min(MAX_GAP_MS, MINUTE * Math.pow(2, attempts - 1)) };
}

/** Reads the stored list (and an older record's single `revoke`), dropping what is not one. */
export function readOwed(raw: unknown, legacy: unknown, now: number): OwedRevoke[] {
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  if (typeof legacy === "object" && legacy !== null) list.push(legacy);
  const out: OwedRevoke[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) continue;
    const r = item as Partial<OwedRevoke>;
    if (!isProviderId(r.provider) || typeof r.token !== "string" || r.token === "") continue;
    const num = (v: unknown, fallback: number) => (typeof v === "number" && isFinite(v) ? v : fallback);
    out.push({
      provider: r.provider,
      token: r.token,
      attempts: num(r.attempts, 0),
      // a try planned further ahead than any wait is from a clock that was wrong: due now
      nextAt: Math.min(num(r.nextAt, now), now + MAX_GAP_MS),
      since: Math.min(num(r.since, now), now),
    });
  }
  return out;
}
