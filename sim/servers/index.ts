// One loopback HTTP server answering for every provider host (docs/contracts.md §4).
import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { AnswerStyle, variationOf } from "./answer-style";
import { dayKey, shiftDay, toCivil } from "./civil-time";
import { Fault, FaultBoard } from "./faults";
import { FitbitApi, FitbitClientConfig } from "./fitbit-api";
import { GoogleAuth, GoogleClientConfig } from "./google-oauth";
import { dailyRollUp, HealthContext, listRestingHeartRate, listSleep, SCOPES } from "./google-health";
import { FakeRequest, FakeResponse, googleError, json, readRequest, writeResponse } from "./http-kit";

export type { Fault } from "./faults";

export interface FakeServerOptions {
  now(): number;
  timeZone: string;
  seed?: number;
  /** How answers are shaped (default "seeded"); see answer-style.ts. */
  answers?: AnswerStyle;
  /** Sleep list page size (default 25, as Google). */
  sleepPageSize?: number;
  google: GoogleClientConfig;
  fitbit: FitbitClientConfig;
}

export interface FakeServer {
  url: string;
  setFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/** Faults every data endpoint can show before its real answer. */
function dataFault(faults: FaultBoard): FakeResponse | null {
  const limit = faults.take("rateLimit");
  if (limit !== null) {
    const headers: Record<string, string> =
      limit.retryAfterSeconds === undefined ? {} : { "retry-after": String(limit.retryAfterSeconds) };
    return { ...googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "RATE_LIMIT_EXCEEDED"), headers };
  }
  if (faults.take("serverError") !== null) return googleError(500, "INTERNAL", "Internal error encountered.");
  if (faults.take("legacyLogin") !== null)
    return googleError(403, "PERMISSION_DENIED", "The caller does not have permission");
  if (faults.take("accountNotLinked") !== null)
    return googleError(400, "FAILED_PRECONDITION", "The user has no Google Health profile.", "ACCOUNT_NOT_LINKED");
  return null;
}

/**
 * The `outOfRange` fault: the newest record or window of a data answer carries impossible values
 * (99,999 minutes asleep, −5 steps, 400 bpm); the rest of the answer stays valid.
 */
function spoilNewest(response: FakeResponse): FakeResponse {
  type Node = Record<string, unknown>;
  const child = (node: unknown, key: string): Node | undefined => {
    const value = typeof node === "object" && node !== null ? (node as Node)[key] : undefined;
    return typeof value === "object" && value !== null ? (value as Node) : undefined;
  };
  const newest = (key: string): Node | undefined => {
    const list = (response.body as Node | undefined)?.[key];
    return Array.isArray(list) ? (list[0] as Node | undefined) : undefined;
  };
  const summary = child(child(newest("dataPoints"), "sleep"), "summary");
  if (summary !== undefined) summary.minutesAsleep = "99999";
  const heart = child(newest("dataPoints"), "dailyRestingHeartRate");
  if (heart !== undefined) heart.beatsPerMinute = "400";
  const window = newest("rollupDataPoints");
  if (window?.steps !== undefined) window.steps = { countSum: "-5" };
  return response;
}

function routeGoogleData(req: FakeRequest, auth: GoogleAuth, ctx: HealthContext, faults: FaultBoard): FakeResponse {
  const answer = answerGoogleData(req, auth, ctx, faults);
  return answer.status === 200 && faults.take("outOfRange") !== null ? spoilNewest(answer) : answer;
}

function answerGoogleData(req: FakeRequest, auth: GoogleAuth, ctx: HealthContext, faults: FaultBoard): FakeResponse {
  const path = req.url.pathname;
  const filter = req.url.searchParams.get("filter") ?? "";
  const rollup = /^\/v4\/users\/me\/dataTypes\/([a-z-]+)\/dataPoints:dailyRollUp$/.exec(path);
  const scope = path.includes("/sleep/")
    ? SCOPES.sleep
    : path.includes("resting-heart-rate")
      ? SCOPES.metrics
      : SCOPES.activity;
  const denied = auth.check(req.bearer, scope) ?? dataFault(faults);
  if (denied !== null) return denied;
  if (faults.take("malformedJson") !== null) return { status: 200, raw: '{"dataPoints": [{"sleep": ' };
  if (req.method === "GET" && path === "/v4/users/me/dataTypes/sleep/dataPoints")
    return listSleep(ctx, filter, req.url.searchParams.get("pageToken"));
  if (req.method === "GET" && path === "/v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints")
    return listRestingHeartRate(ctx, filter);
  if (req.method === "POST" && rollup !== null) return dailyRollUp(ctx, rollup[1], req.body);
  return googleError(404, "NOT_FOUND", `No route for ${req.method} ${path}`);
}

/** Starts the fake provider server on 127.0.0.1 with a free port. */
export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const faults = new FaultBoard();
  const seed = options.seed ?? 1;
  // In the "live" style the day three days before the run's first day has no data at all.
  const bareDay = shiftDay(dayKey(toCivil(options.now(), options.timeZone)), -3);
  const ctx: HealthContext = {
    now: options.now,
    timeZone: options.timeZone,
    seed,
    variation: variationOf(options.answers ?? "seeded", seed, [bareDay]),
    sleepPageSize: options.sleepPageSize ?? 25,
  };
  const google = new GoogleAuth(options.google, options.now, faults, seed);
  const fitbit = new FitbitApi(options.fitbit, ctx, faults);
  const route = (req: FakeRequest): FakeResponse => {
    const path = req.url.pathname;
    if (path === "/o/oauth2/v2/auth") return google.authorize(req);
    if (path === "/token" && req.method === "POST") return google.token(req);
    if (path === "/revoke" && req.method === "POST") return google.revoke(req);
    if (path.startsWith("/v4/")) return routeGoogleData(req, google, ctx, faults);
    if (path.startsWith("/oauth2/") || path.startsWith("/1/") || path.startsWith("/1.2/") || path.startsWith("/1.1/"))
      return fitbit.handle(req);
    return json(404, { error: `no fake for ${path}` });
  };
  const server = createServer((req, res) => {
    void (async () => {
      const request = await readRequest(req);
      // A server that never answers: the connection stays open until the server closes.
      if (faults.take("hang") !== null) return;
      const slow = faults.take("slow");
      if (slow !== null) await new Promise((resolve) => setTimeout(resolve, slow.delayMs ?? 2000));
      writeResponse(res, route(request));
    })().catch((error: unknown) => writeResponse(res, json(500, { error: String(error) })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFault: (fault) => faults.set(fault),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
