// Where this project's phone requests go in the simulator: every request to a provider host to
// the fake server (or --server) with the same path and query, requests to the token broker's
// public URL to the broker under miniflare; anything else is refused (no internet here).
import { Network, rebase } from "fitbit-os-sim";

export const PROVIDER_HOSTS = [
  "accounts.google.com",
  "oauth2.googleapis.com",
  "health.googleapis.com",
  "www.fitbit.com",
  "api.fitbit.com",
];

/** The provider servers' base and the token broker (scenario "broker": true), if any. */
export interface Routes {
  serverBase(): string;
  broker: { url: string; fetch(url: string, init?: RequestInit): Promise<Response> } | null;
}

/** Rewrites a provider URL onto the server base; other URLs are refused (no internet here). */
export function routeUrl(url: string, serverBase: string): string {
  const host = new URL(url).hostname;
  if (!PROVIDER_HOSTS.includes(host))
    throw new TypeError(`Network request failed: ${host} is not reachable in the simulator`);
  return rebase(url, serverBase);
}

/** The phone's network for the simulator (never following redirects). */
export function projectNetwork(routes: Routes): Network {
  return async (url, init = {}) => {
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
  };
}
