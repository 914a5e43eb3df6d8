// The companion's `fetch`: the real Node fetch, with every request to a provider host sent to the
// fake server (or --server) with the same path and query, and every request recorded.
import { Activity } from "../runtime/activity";

export const PROVIDER_HOSTS = [
  "accounts.google.com",
  "oauth2.googleapis.com",
  "health.googleapis.com",
  "www.fitbit.com",
  "api.fitbit.com",
];

/** One entry of the `requests` report. */
export interface RequestRecord {
  at: number;
  method: string;
  url: string;
  status: number | null;
}

/** Where the phone's requests go: provider hosts to the server base, the broker's host to the broker. */
export interface Routes {
  serverBase(): string;
  /** The token broker under miniflare (scenario "broker": true), with its public URL. */
  broker: { url: string; fetch(url: string, init?: RequestInit): Promise<Response> } | null;
}

/** A request from the phone (companion, or the browser of a sign-in), never following redirects. */
export function phoneFetch(routes: Routes, url: string, init: RequestInit = {}): Promise<Response> {
  const broker = routes.broker;
  if (broker !== null && new URL(url).origin === new URL(broker.url).origin) {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    return broker.fetch(url, {
      method: init.method,
      headers,
      body: typeof init.body === "string" ? init.body : undefined,
    });
  }
  return fetch(routeUrl(url, routes.serverBase()), { ...init, redirect: "manual" });
}

/** Rewrites a provider URL onto the server base; other URLs are refused (no internet here). */
export function routeUrl(url: string, serverBase: string): string {
  const parsed = new URL(url);
  if (!PROVIDER_HOSTS.includes(parsed.hostname))
    throw new TypeError(`Network request failed: ${parsed.hostname} is not reachable in the simulator`);
  return serverBase.replace(/\/$/, "") + parsed.pathname + parsed.search;
}

/** Builds the fetch the companion sees. */
/** Real milliseconds after which the simulator stops waiting for a request's answer. */
export const HANG_MS = 2000;

function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function createRoutedFetch(options: {
  routes: Routes;
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
      const response = await phoneFetch(options.routes, url, init);
      record.status = response.status;
      return response;
    })();
    // The simulator waits for a request only so long in real time: one that has no answer after
    // HANG_MS stays in flight while virtual time goes on, so the companion's own timeout can fire.
    void options.activity.track(Promise.race([work.catch(() => undefined), realDelay(HANG_MS)]));
    return work;
  };
}
