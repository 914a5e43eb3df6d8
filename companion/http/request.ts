// Every request the companion makes goes through here: it has an answer within REQUEST_TIMEOUT_MS
// of the companion's own clock, or it is a `timeout` failure; an answer that comes later is
// ignored (and, where the phone's runtime has AbortController, the request is aborted: see
// platform-http.ts). No network error or hung server can leave a run (and the queue behind it)
// waiting.
import { CompanionDeps, HttpRequest, HttpResponse } from "../deps";
import { Outcome, outcomeOf, readText, TOO_LARGE } from "./outcome";

/** How long a request may take, headers and body together. */
export const REQUEST_TIMEOUT_MS = 30000;

/** An answer as it came (status, headers and text), for callers that judge it themselves. */
export type RawAnswer =
  | { ok: true; status: number; headers: HttpResponse["headers"]; text: string }
  | { ok: false; kind: "network" | "timeout" | "tooLarge" };

/**
 * Sends a request and reads its raw answer: a thrown error is `network`, no answer in time
 * `timeout`, an answer over the size limit `tooLarge` (unread when its Content-Length says so).
 */
export function fetchRaw(deps: CompanionDeps, req: HttpRequest): Promise<RawAnswer> {
  const answer = (async (): Promise<RawAnswer> => {
    try {
      const response = await deps.http(req, REQUEST_TIMEOUT_MS);
      const text = await readText(response);
      if (text === null) return { ok: false, kind: "tooLarge" };
      return { ok: true, status: response.status, headers: response.headers, text };
    } catch {
      return { ok: false, kind: "network" };
    }
  })();
  const late = deps.wait(REQUEST_TIMEOUT_MS).then((): RawAnswer => ({ ok: false, kind: "timeout" }));
  return Promise.race([answer, late]);
}

/** Sends a request and classifies its answer (outcome.ts). */
export async function fetchOutcome(deps: CompanionDeps, req: HttpRequest): Promise<Outcome> {
  const answer = await fetchRaw(deps, req);
  if (answer.ok) return outcomeOf(answer, answer.text, deps.now());
  return answer.kind === "tooLarge" ? TOO_LARGE : { ok: false, failure: { kind: answer.kind } };
}
