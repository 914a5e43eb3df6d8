// Runs the token broker (broker/src/index.ts) in the real Workers runtime, locally and offline:
// bundled with esbuild as wrangler would, then served by miniflare (workerd). The Worker's own
// requests to Google's OAuth hosts go to a base URL given here (the fake servers, or --server),
// rewritten as the phone's are (routes.ts); any other host is refused: no internet here.
import { buildSync } from "esbuild";
import { Miniflare, RequestInit as WorkerRequestInit, Response as WorkerResponse } from "miniflare";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { routeUrl } from "./routes";

/** The only hosts the Worker talks to: Google's OAuth endpoints. */
const GOOGLE_OAUTH_HOSTS = ["oauth2.googleapis.com", "accounts.google.com"];

/** The public URL the simulated build is configured with (BROKER_URL); requests to it reach the Worker. */
export const SIM_BROKER_URL = "https://broker.sleepface.test";
/** The simulator's sealing key (32 bytes, base64): a fixed demo value, never a real one. */
export const SIM_SEALING_KEY = Buffer.alloc(32, 7).toString("base64");

/** The Worker as one ES module, as `wrangler deploy` bundles it. */
export function bundleBroker(root: string): string {
  const result = buildSync({
    entryPoints: [join(root, "broker", "src", "index.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** A rate-limiting binding as wrangler.toml declares it: requests per period (10 or 60 s) per key. */
export interface RateLimitSpec {
  limit: number;
  period: 10 | 60;
}

/**
 * The `[[ratelimits]]` bindings of broker/wrangler.toml, so the Worker runs under miniflare with the
 * limits it is deployed with (miniflare emulates the binding: a counter per key and period).
 */
export function readRateLimits(root: string): Record<string, RateLimitSpec> {
  const toml = readFileSync(join(root, "broker", "wrangler.toml"), "utf8");
  const limits: Record<string, RateLimitSpec> = {};
  for (const block of toml.split("[[ratelimits]]").slice(1)) {
    const name = /^name\s*=\s*"([A-Z_]+)"/m.exec(block);
    const simple = /^simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(10|60)\s*\}/m.exec(block);
    if (name === null || simple === null) throw new Error("broker/wrangler.toml: a [[ratelimits]] entry is incomplete");
    limits[name[1]] = { limit: Number(simple[1]), period: Number(simple[2]) as 10 | 60 };
  }
  return limits;
}

export interface BrokerOptions {
  root: string;
  clientId: string;
  clientSecret: string;
  sealingKey?: string;
  previousSealingKey?: string;
  /** Where the Worker's requests to Google's hosts go (same path and query). */
  googleBase(): string;
  /** Override for the settings redirect page (tests). */
  settingsRedirect?: string;
  /** Rate limits in place of broker/wrangler.toml's (tests that make many requests at once). */
  rateLimits?: Record<string, RateLimitSpec>;
}

export interface RunningBroker {
  /** Sends a request to the Worker as if to its public URL; redirects are not followed. */
  fetch(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array> },
  ): Promise<Response>;
  /** Bytes of the bundled Worker. */
  scriptBytes: number;
  dispose(): Promise<void>;
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const script = bundleBroker(options.root);
  const bindings: Record<string, string> = {
    GOOGLE_CLIENT_ID: options.clientId,
    GOOGLE_CLIENT_SECRET: options.clientSecret,
    SEALING_KEY: options.sealingKey ?? SIM_SEALING_KEY,
  };
  if (options.previousSealingKey !== undefined) bindings.SEALING_KEY_PREVIOUS = options.previousSealingKey;
  if (options.settingsRedirect !== undefined) bindings.SETTINGS_REDIRECT = options.settingsRedirect;
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2025-07-18",
    bindings,
    ratelimits: Object.fromEntries(
      Object.entries(options.rateLimits ?? readRateLimits(options.root)).map(([name, spec]) => [
        name,
        { simple: spec },
      ]),
    ),
    outboundService: async (request) => {
      const host = new URL(request.url).hostname;
      if (!GOOGLE_OAUTH_HOSTS.includes(host)) return new WorkerResponse(`no internet here: ${host}`, { status: 502 });
      const target = routeUrl(request.url, options.googleBase());
      const answer = await fetch(target, {
        method: request.method,
        headers: Object.fromEntries(request.headers as unknown as Iterable<[string, string]>),
        body: request.method === "GET" ? undefined : await request.text(),
        redirect: "manual",
      });
      const headers: Array<[string, string]> = [];
      answer.headers.forEach((value, name) => headers.push([name, value]));
      return new WorkerResponse(await answer.text(), { status: answer.status, headers });
    },
  });
  await mf.ready;
  return {
    scriptBytes: Buffer.byteLength(script),
    async fetch(url, init = {}) {
      // A stream goes chunked, with no Content-Length (duplex "half", as fetch requires for it).
      const stream = typeof init.body === "object" ? { duplex: "half" as const } : {};
      const response = await mf.dispatchFetch(url, {
        method: init.method ?? "GET",
        headers: init.headers,
        // the DOM's ReadableStream and undici's are the same object at run time, typed apart
        body: init.body as WorkerRequestInit["body"],
        redirect: "manual",
        ...stream,
      });
      const headers = new Headers();
      response.headers.forEach((value, name) => headers.append(name, value));
      const body = await response.text();
      return new Response(response.status === 204 ? null : body, { status: response.status, headers });
    },
    dispose: () => mf.dispose(),
  };
}
