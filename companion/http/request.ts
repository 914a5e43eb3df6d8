// Every request the companion makes goes through here: it has an answer within REQUEST_TIMEOUT_MS
// of the companion's own clock, or it is a `timeout` failure; an answer that comes later is
// ignored. No network error or hung server can leave a run (and the queue behind it) waiting.
import { CompanionDeps, HttpRequest } from "../deps";
import { Outcome, readOutcome } from "./outcome";

/** How long a request may take, headers and body together. */
export const REQUEST_TIMEOUT_MS = 30000;

/** Sends a request and reads its answer; a thrown error is `network`, no answer in time `timeout`. */
export function fetchOutcome(deps: CompanionDeps, req: HttpRequest): Promise<Outcome> {
  const answer = (async (): Promise<Outcome> => {
    try {
      return await readOutcome(await deps.http(req), deps.now());
    } catch {
      return { ok: false, failure: { kind: "network" } };
    }
  })();
  const late = deps.wait(REQUEST_TIMEOUT_MS).then((): Outcome => ({ ok: false, failure: { kind: "timeout" } }));
  return Promise.race([answer, late]);
}
