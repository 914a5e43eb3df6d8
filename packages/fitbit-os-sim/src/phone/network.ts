// The phone's network: the companion's `fetch` and the browser of an `<Oauth>` sign-in both go
// through a `Network` the host gives the simulator. The simulator records every request, fails
// them like a dropped connection while the phone is offline, and stops waiting for an answer
// after HANG_MS of real time (the request stays in flight while virtual time goes on).
import { Activity } from "../runtime/activity";

/** One request from the phone, never following redirects (the caller does). */
export type Network = (url: string, init?: RequestInit) => Promise<Response>;

/** One entry of the `requests` report. */
export interface RequestRecord {
  at: number;
  method: string;
  url: string;
  status: number | null;
}

/** No network at all: what a run without `--server` has. */
export const NO_NETWORK: Network = (url) =>
  Promise.reject(
    new TypeError(`Network request failed: ${new URL(url).hostname} is not reachable in the simulator (--server URL)`),
  );

/** A URL's path and query on another server's base. */
export function rebase(url: string, base: string): string {
  const parsed = new URL(url);
  return base.replace(/\/$/, "") + parsed.pathname + parsed.search;
}

/** Every request goes to `base` with the same path and query (`--server URL`). */
export function serverNetwork(base: string): Network {
  return (url, init = {}) => fetch(rebase(url, base), { ...init, redirect: "manual" });
}

/** Real milliseconds after which the simulator stops waiting for a request's answer. */
export const HANG_MS = 2000;

function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Builds the fetch the companion sees. */
export function createPhoneFetch(options: {
  network: Network;
  online: () => boolean;
  now: () => number;
  activity: Activity;
  requests: RequestRecord[];
}) {
  return (input: unknown, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : String((input as { url?: unknown }).url ?? input);
    const method = (init?.method ?? "GET").toUpperCase();
    const record: RequestRecord = { at: options.now(), method, url, status: null };
    options.requests.push(record);
    if (!options.online()) return Promise.reject(new TypeError("Network request failed"));
    const work = (async () => {
      const response = await options.network(url, init);
      record.status = response.status;
      return response;
    })();
    // A request without an answer after HANG_MS stays in flight while virtual time goes on, so
    // the companion's own timeout can fire.
    void options.activity.track(Promise.race([work.catch(() => undefined), realDelay(HANG_MS)]));
    return work;
  };
}
