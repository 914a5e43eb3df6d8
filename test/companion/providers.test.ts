// Parsers and request builders against the reference fixtures (copied from the shared set).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { workedExampleNight } from "../helpers/samples";
import { readOutcome } from "../../companion/http/outcome";
import { readTokenResponse } from "../../companion/auth/oauth-requests";
import { fitbitWeb } from "../../companion/providers/fitbit-web";
import { googleHealth } from "../../companion/providers/google-health";
import { Call, DataProvider } from "../../companion/providers/provider";
import { readCall } from "../../companion/sync/read-call";

const fixture = (provider: string, name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, "..", "fixtures", provider, name), "utf8"));
const google = (name: string) => fixture("google-health", name);
const fitbit = (name: string) => fixture("fitbit-web-api", name);
const manifest = google("manifest.json") as Record<string, { url: string }>;

const readAll = (provider: DataProvider, call: Call, bodies: unknown[], today: number) => {
  const read = readCall(provider, call, bodies, today);
  assert.ok(read.ok, `unexpected rejection: ${read.ok ? "" : read.error.field}`);
  return read.value;
};
const nights = (provider: DataProvider, body: unknown, today = 20261111) =>
  readAll(provider, "sleep", [body], today).nights;

describe("Google Health reading (docs/reference/google-health-api.md §7 worked example)", () => {
  it("reads last night from UTC times and offsets, as live answers come (no civil times)", () => {
    assert.deepEqual(nights(googleHealth, google("sleep-list-last-night.json")), {
      20261111: workedExampleNight(20261111),
    });
  });

  it("reads the same night from the documentation's shape with civil times", () => {
    assert.deepEqual(nights(googleHealth, google("sleep-list-with-civil-times.json")), {
      20261111: workedExampleNight(20261111),
    });
  });

  it("reads a classic night as asleep / restless / awake", () => {
    assert.deepEqual(nights(googleHealth, google("sleep-list-classic-no-stages.json"))[20261111], {
      date: 20261111,
      bedtime: 23 * 60 + 31,
      wake: 5 * 60 + 47,
      minutesAsleep: 349,
      efficiency: 93,
      split: { kind: "classic", asleep: 349, restless: 7, awake: 20 },
      nap: false,
      // 311111111111111111111111: awake, asleep, awake
      hypnogram: [21847, 21845, 21845],
    });
  });

  it("reads an empty list ({}) as no nights, not as zero sleep", () => {
    assert.deepEqual(nights(googleHealth, google("sleep-list-empty.json")), {});
  });

  it("matches rollup windows by civil start date (newest first in the body)", () => {
    assert.deepEqual(readAll(googleHealth, "steps", [google("steps-dailyrollup.json")], 20261111).days, {
      20261111: 6342,
      20261110: 11873,
    });
    assert.deepEqual(readAll(googleHealth, "steps", [google("dailyrollup-empty.json")], 20261111).days, {});
  });

  it("reads resting heart rate per day from int64 strings", () => {
    const read = readAll(googleHealth, "restingHeartRate", [google("daily-resting-heart-rate-list.json")], 20261111);
    assert.deepEqual(read.days, { 20261111: 58, 20261110: 60 });
  });
});

describe("Google Health requests", () => {
  it("filters sleep on the civil end date with the manifest's encoding, 7 nights back", () => {
    const expected = manifest["sleep-list-last-night.json"].url.replace("2026-11-11%22%20AND", "2026-11-05%22%20AND");
    assert.equal(googleHealth.request("sleep", 20261111, "t", null).url, expected);
  });

  it("asks for a later page with the other parameters unchanged", () => {
    const first = googleHealth.request("sleep", 20261111, "t", null).url;
    assert.equal(googleHealth.request("sleep", 20261111, "t", "a b/c").url, `${first}&pageToken=a%20b%2Fc`);
  });

  it("filters resting heart rate by date with the manifest's encoding", () => {
    const expected = manifest["daily-resting-heart-rate-list.json"].url.replace("2026-11-10", "2026-11-05");
    assert.equal(googleHealth.request("restingHeartRate", 20261111, "t", null).url, expected);
  });

  it("asks dailyRollUp for 7 civil days with an exclusive end and plain numbers", () => {
    const req = googleHealth.request("steps", 20261111, "token", null);
    assert.equal(req.method, "POST");
    assert.equal(req.headers.Authorization, "Bearer token");
    assert.deepEqual(JSON.parse(req.body ?? ""), {
      range: { start: { date: { year: 2026, month: 11, day: 5 } }, end: { date: { year: 2026, month: 11, day: 12 } } },
      windowSizeDays: 1,
    });
  });
});

describe("legacy Fitbit reading", () => {
  it("keeps the main sleep and not the nap of the same wake date, with efficiency as given", () => {
    const night = nights(fitbitWeb, fitbit("sleep_by_date_stages_main_and_nap.json"), 20240305)[20240305];
    assert.equal(night.minutesAsleep, 370);
    assert.equal(night.split.kind, "stages");
    assert.equal(night.bedtime, 23 * 60 + 18);
    const body = fitbit("sleep_by_date_stages_main_and_nap.json") as { sleep: Array<Record<string, unknown>> };
    assert.equal(night.efficiency, body.sleep.find((log) => log.isMainSleep === true)?.efficiency);
  });

  it("never lets a longer nap replace the main sleep, whatever the order", () => {
    const body = fitbit("sleep_by_date_stages_main_and_nap.json") as { sleep: Array<Record<string, unknown>> };
    const nap = { ...body.sleep[0], minutesAsleep: 600, timeInBed: 700, duration: 700 * 60000 };
    const reordered = { sleep: [body.sleep[1], nap] };
    assert.equal(nights(fitbitWeb, reordered, 20240305)[20240305].minutesAsleep, 370);
  });

  it("reads a classic day and an empty day", () => {
    assert.equal(nights(fitbitWeb, fitbit("sleep_by_date_classic.json"), 20240312)[20240312].split.kind, "classic");
    assert.deepEqual(nights(fitbitWeb, fitbit("sleep_by_date_empty.json"), 20240312), {});
  });

  it("reads the 7-day steps series and today's resting heart rate", () => {
    const steps = readAll(fitbitWeb, "steps", [fitbit("activity_timeseries_steps_7d.json")], 20240305).days;
    assert.equal(Object.keys(steps).length, 7);
    assert.equal(steps[20240228], 9412);
    const rhr = readAll(fitbitWeb, "restingHeartRate", [fitbit("activity_daily_summary_metric.json")], 20240305);
    assert.deepEqual(rhr.days, { 20240305: 58 });
  });

  it("builds the steps request the manifest shows", () => {
    assert.equal(
      fitbitWeb.request("steps", 20240305, "t", null).url,
      "https://api.fitbit.com/1/user/-/activities/steps/date/2024-03-05/7d.json",
    );
  });
});

describe("token responses", () => {
  it("keeps Google's refresh token when a refresh returns none", () => {
    const first = readTokenResponse("google", google("token-authorization-code.json"), 0, null);
    assert.ok(!("error" in first));
    const next = readTokenResponse("google", google("token-refresh.json"), 1000, first);
    assert.ok(!("error" in next));
    assert.equal(next.refreshToken, first.refreshToken);
    assert.equal(next.expiresAt, 1000 + 3599 * 1000);
  });

  it("requires Fitbit's rotated refresh token", () => {
    assert.deepEqual(readTokenResponse("fitbit", { access_token: "a", expires_in: 28800 }, 0, null), {
      error: "token response has no refresh_token",
    });
    const rotated = readTokenResponse("fitbit", fitbit("token_refresh_success.json"), 0, null);
    assert.ok(!("error" in rotated));
  });
});

describe("error classification by status, then reason, never by message", () => {
  const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(typeof body === "string" ? body : JSON.stringify(body)),
  });
  const cases: Array<[string, ReturnType<typeof respond>, unknown]> = [
    ["Google 401 expired", respond(401, google("error-401-expired-token.json")), { kind: "expired" }],
    ["Google 403 missing scope", respond(403, google("error-403-insufficient-scope.json")), { kind: "missingScope" }],
    [
      "Google 403 legacy Fitbit login",
      respond(403, google("error-403-legacy-fitbit-login.json")),
      { kind: "legacyLogin" },
    ],
    [
      "Google 400 account not linked",
      respond(400, google("error-400-account-not-linked.json")),
      { kind: "accountNotLinked" },
    ],
    [
      "Google 429 with Retry-After",
      respond(429, google("error-429-rate-limited.json"), { "retry-after": "30" }),
      { kind: "rateLimited", retryAfterSeconds: 30 },
    ],
    ["Google invalid_grant", respond(400, google("token-error-invalid-grant.json")), { kind: "invalidGrant" }],
    ["Fitbit 401 expired_token", respond(401, fitbit("error_401_expired_token.json")), { kind: "expired" }],
    [
      "Fitbit 401 invalid_client",
      respond(401, fitbit("error_401_invalid_client.json")),
      { kind: "config", detail: "invalid_client" },
    ],
    ["Fitbit 400 invalid_grant", respond(400, fitbit("error_400_invalid_grant.json")), { kind: "invalidGrant" }],
    [
      "Fitbit 403 insufficient_scope",
      respond(403, fitbit("error_403_insufficient_scope.json")),
      { kind: "missingScope" },
    ],
    [
      "Fitbit 429 with its reset header",
      respond(429, fitbit("error_429_rate_limit.json"), { "fitbit-rate-limit-reset": "2270" }),
      { kind: "rateLimited", retryAfterSeconds: 2270 },
    ],
    ["410 with an HTML body", respond(410, "<html>Gone</html>"), { kind: "retired" }],
    [
      "Google token endpoint without the secret as configuration",
      respond(400, google("token-error-client-secret-missing.json")),
      { kind: "config", detail: "400 invalid_request" },
    ],
    [
      "Google 400 invalid filter as the provider's",
      respond(400, google("error-400-invalid-filter.json")),
      { kind: "provider", status: 400 },
    ],
    [
      "a 404 as the provider's, never configuration",
      respond(404, "<html>Not found</html>"),
      { kind: "provider", status: 404 },
    ],
    ["an unknown status as the provider's", respond(418, "{}"), { kind: "provider", status: 418 }],
    ["503 without a body", respond(503, ""), { kind: "server", status: 503 }],
    ["200 that is not JSON", respond(200, "<html>"), { kind: "malformed", field: "body" }],
    [
      "an answer over 256 KB as malformed",
      respond(200, JSON.stringify({ dataPoints: [], pad: "x".repeat(256 * 1024) })),
      { kind: "malformed", field: "body (too large)" },
    ],
    [
      "a 429 whose Retry-After is an HTTP date",
      respond(429, "", { "retry-after": "Tue, 24 Nov 2026 09:02:30 GMT" }),
      { kind: "rateLimited", retryAfterSeconds: 150 },
    ],
    [
      "a 429 whose Retry-After is huge, clamped to a day",
      respond(429, "", { "retry-after": "99999999" }),
      { kind: "rateLimited", retryAfterSeconds: 86400 },
    ],
    [
      "a 429 whose Retry-After is garbage, as no Retry-After",
      respond(429, "", { "retry-after": "soon" }),
      { kind: "rateLimited", retryAfterSeconds: null },
    ],
  ];
  const now = Date.parse("2026-11-24T09:00:00Z");
  for (const [what, response, failure] of cases) {
    it(`classifies ${what}`, async () => assert.deepEqual(await readOutcome(response, now), { ok: false, failure }));
  }
});
