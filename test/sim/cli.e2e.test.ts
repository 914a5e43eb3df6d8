// End-to-end: the simulator CLI on the built .fba (built on demand), through its --json contract.
import { optionChoice, providerChoice } from "../../sim/choices";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { SIM_BROKER_URL } from "../../sim/broker";
import { DEMO_CREDENTIALS } from "../../sim/ensure-build";
import { startFakeServer } from "../../sim/servers";
import { GoogleClientConfig } from "../../sim/servers/google-oauth";

/** The status line when all is as planned: it says nothing (app/status-line.ts). */
const SYNCED = "";
import { demoAsleep, demoNight } from "../../sim/servers/demo-user";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "sim-e2e-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  screens: Array<{ name: string; at: string; text: Record<string, string>; png: string | null }>;
  requests: Array<{ at: string; method: string; url: string; status: number | null }>;
  transfers: Array<{ at: string; via: string; bytes: number; delivered: string | null }>;
  problems: string[];
}

function simulate(scenario: unknown, extra: string[] = []): Report {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "sim", "cli.ts"), "--json", "--scenario", file, "--out", join(dir, "png"), ...extra],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, GOOGLE_CLIENT_ID: "", GOOGLE_CLIENT_SECRET: "", FITBIT_CLIENT_ID: "" },
    },
  );
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

/** A sign-in and a sync against a fake server started here, as an independent `--server`. */
async function simulateAgainstServer(google: GoogleClientConfig, extra: string[]): Promise<Report> {
  const file = join(dir, `server-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      start: "2026-11-24T09:00:00",
      timeZone: "UTC",
      steps: [{ do: "signIn" }, { do: "advance", minutes: 1 }, { do: "screen", name: "s" }],
    }),
  );
  const start = Date.parse("2026-11-24T09:00:00Z");
  const server = await startFakeServer({
    now: () => start,
    timeZone: "UTC",
    seed: 5,
    google,
    fitbit: DEMO_CREDENTIALS.fitbit,
  });
  try {
    // spawn, not spawnSync: this process must stay free to answer as the server
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "sim", "cli.ts"), "--json", "--server", server.url, "--scenario", file, ...extra],
      { cwd: ROOT, env: { ...process.env, GOOGLE_CLIENT_ID: "", GOOGLE_CLIENT_SECRET: "", FITBIT_CLIENT_ID: "" } },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 0);
    return JSON.parse(out) as Report;
  } finally {
    await server.close();
  }
}

const screen = (r: Report, name: string) => r.screens.find((s) => s.name === name)?.text ?? {};

describe("simulator end to end (Google Health)", () => {
  const report = simulate({
    start: "2026-11-24T06:00:00",
    timeZone: "Europe/Berlin",
    watch: { steps: 5234 },
    steps: [
      { do: "screen", name: "before" },
      { do: "signIn" },
      { do: "advance", minutes: 180 },
      { do: "screen", name: "morning" },
      { do: "disconnectWatch" },
      { do: "advance", minutes: 60 },
      // Two changes while out of range queue two files: only the newest may arrive.
      { do: "setting", key: "theme", value: optionChoice("theme", "1") },
      { do: "advance", minutes: 60 },
      { do: "setting", key: "theme", value: optionChoice("theme", "2") },
      // past the companion's next planned call (the 6-hourly recheck) and its grace
      { do: "advance", minutes: 300 },
      { do: "screen", name: "away" },
      { do: "connectWatch" },
      { do: "advance", minutes: 1 },
      { do: "screen", name: "back" },
    ],
  });

  it("follows the --json contract", () => {
    assert.deepEqual(Object.keys(report), ["screens", "requests", "transfers", "problems", "notEmulated", "target"]);
    assert.match(report.screens[0].at, /^2026-11-24T06:00:00\+01:00$/);
    assert.ok(report.screens.every((s) => s.png !== null && s.png.endsWith(".png")));
    assert.ok(report.requests.every((r) => r.url.startsWith("https://")));
    assert.deepEqual(report.problems, []);
  });

  it("shows sign-in first, then last night's sleep after sign-in and sync", () => {
    assert.equal(screen(report, "before").status, "Sign in on your phone");
    assert.match(screen(report, "morning").sleep, /^\d+h \d\dm$/);
    assert.equal(screen(report, "morning").steps, "5,234");
  });

  it("says the phone is not connected after hours out of range, and delivers one newest file on return", () => {
    assert.equal(screen(report, "away").status, "Phone not connected");
    const queued = report.transfers.filter(
      (t) => t.via === "file" && t.at > "2026-11-24T09:00:00+01:00" && t.at <= "2026-11-24T16:01:00+01:00",
    );
    const delivered = queued.filter((t) => t.delivered !== null);
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0], queued[queued.length - 1]);
    assert.equal(screen(report, "back").status, SYNCED);
  });
});

describe("simulator end to end (live-shaped answers: sim/scenarios/live-answers.json)", () => {
  const scenario = JSON.parse(readFileSync(join(ROOT, "sim", "scenarios", "live-answers.json"), "utf8")) as {
    seed: number;
    timeZone: string;
  };
  const report = simulate(scenario);
  const night = demoNight(scenario.seed, 20261124, scenario.timeZone);
  const clock = (ms: number) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: scenario.timeZone, hour: "2-digit", minute: "2-digit" }).format(ms);
  const asleep = demoAsleep(night);

  it("shows last night's duration and bedtime from answers without civil times", () => {
    const morning = screen(report, "morning");
    assert.equal(morning.sleep, `${Math.floor(asleep / 60)}h ${String(asleep % 60).padStart(2, "0")}m`);
    assert.equal(morning.bedtime, `${clock(night.start)}–${clock(night.end)}`);
    assert.equal(morning.status, SYNCED);
  });

  it("keeps showing the last good data, updated, when some values are out of range", () => {
    assert.equal(screen(report, "after-out-of-range-values").sleep, screen(report, "morning").sleep);
    assert.equal(screen(report, "after-out-of-range-values").status, SYNCED);
    assert.deepEqual(report.problems, []);
  });
});

describe("simulator end to end (failures)", () => {
  it("gives up on a request that never answers after the companion's timeout, and syncs again", () => {
    const r = simulate({
      start: "2026-11-24T09:00:00",
      timeZone: "UTC",
      steps: [
        { do: "signIn" },
        { do: "advance", minutes: 60 },
        { do: "fault", name: "hang", count: 1 },
        { do: "advance", minutes: 420 }, // the recheck at 15:00 hangs; the retry after it goes through
        { do: "screen", name: "after" },
      ],
    });
    const hung = r.requests.find((q) => q.status === null);
    assert.ok(hung !== undefined, "one request never got an answer");
    assert.ok(
      r.requests.some((q) => q.at > hung.at && q.status === 200),
      "later requests went through",
    );
    assert.equal(screen(r, "after").status, SYNCED);
  });

  it("learns that the legacy Fitbit API is retired as soon as the user picks it, without a sign-in", () => {
    const r = simulate({
      start: "2026-11-24T09:00:00",
      timeZone: "UTC",
      steps: [
        { do: "fault", name: "retired" },
        {
          do: "setting",
          key: "provider",
          value: providerChoice("fitbit"),
        },
        { do: "advance", minutes: 1 },
        { do: "screen", name: "s" },
        { do: "signIn" },
      ],
    });
    const probe = r.requests.find((q) => q.url.startsWith("https://api.fitbit.com/"));
    assert.equal(probe?.status, 410);
    assert.equal(screen(r, "s").status, "Sign in with Google on your phone");
    assert.equal(r.requests.filter((q) => q.url.includes("/oauth2/token")).length, 0);
  });

  it("asks to sign in again after invalid_grant", () => {
    const r = simulate({
      start: "2026-11-24T09:00:00",
      timeZone: "UTC",
      steps: [
        { do: "signIn" },
        { do: "fault", name: "invalidGrant" },
        { do: "advance", minutes: 380 }, // the next recheck of the arrived night meets it
        { do: "screen", name: "s" },
      ],
    });
    assert.equal(screen(r, "s").status, "Sign in again on your phone");
  });

  it("keeps data flowing through a whole day of hourly access-token expiry", () => {
    const r = simulate({
      start: "2026-11-24T00:30:00",
      timeZone: "America/Los_Angeles",
      steps: [{ do: "signIn" }, { do: "advance", minutes: 23 * 60 }, { do: "screen", name: "s" }],
    });
    const refreshes = r.requests.filter((q) => q.url === "https://oauth2.googleapis.com/token").length;
    assert.ok(refreshes >= 3, `${refreshes} token requests`);
    assert.ok(r.requests.every((q) => q.status === 200));
    assert.equal(screen(r, "s").status, SYNCED);
    assert.deepEqual(r.problems, []);
  });

  it("waits out a 429 with Retry-After and then syncs again", () => {
    const r = simulate({
      start: "2026-11-24T09:00:00",
      timeZone: "UTC",
      steps: [
        { do: "signIn" },
        { do: "fault", name: "rateLimit", count: 1, retryAfterSeconds: 1800 },
        { do: "advance", minutes: 365 }, // the recheck of the arrived night at 15:00 meets the 429
        { do: "screen", name: "limited" },
        { do: "advance", minutes: 60 },
        { do: "screen", name: "after" },
      ],
    });
    const limited = r.requests.findIndex((q) => q.status === 429);
    assert.ok(limited >= 0);
    const next = r.requests[limited + 1];
    assert.ok(Date.parse(next.at) - Date.parse(r.requests[limited].at) >= 1800 * 1000, "no call before Retry-After");
    assert.equal(screen(r, "limited").status, "Sync problem — retrying");
    assert.match(screen(r, "after").status, /^$|^No sleep data yet$/);
  });

  it("exits non-zero and names the field for an invalid scenario", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ steps: [{ do: "advance", minutes: -1 }] }));
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "sim", "cli.ts"), "--scenario", file], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /steps\[0\]\.minutes/);
  });
});

describe("simulator with --server", () => {
  it("routes every provider request to an independent server, authorize redirect included", async () => {
    const r = await simulateAgainstServer(DEMO_CREDENTIALS.google, ["--out", join(dir, "png")]);
    assert.ok(r.requests.length >= 4);
    assert.ok(r.requests.every((q) => q.status === 200));
    assert.match(screen(r, "s").sleep, /^\d+h \d\dm$/);
  });
});

describe("simulator in broker mode (sim/scenarios/broker-demo.json)", () => {
  it("shows a signed-in day, with every OAuth call going to the token broker", () => {
    const r = simulate(JSON.parse(readFileSync(join(ROOT, "sim", "scenarios", "broker-demo.json"), "utf8")) as unknown);
    assert.equal(screen(r, "morning").status, SYNCED);
    assert.match(screen(r, "morning").sleep, /^\d+h \d\dm$/);
    assert.equal(screen(r, "signed-out").status, "Sign in on your phone");
    const oauth = r.requests.filter((q) => /\/(token|refresh|revoke)$/.test(q.url));
    assert.deepEqual([...new Set(oauth.map((q) => new URL(q.url).pathname))].sort(), ["/refresh", "/revoke", "/token"]);
    assert.ok(oauth.every((q) => q.url.startsWith(SIM_BROKER_URL) && q.status === 200));
    assert.deepEqual(r.problems, []);
  });

  it("sends the broker's own requests to --server", async () => {
    const r = await simulateAgainstServer(
      { ...DEMO_CREDENTIALS.google, redirectUris: [SIM_BROKER_URL + "/callback"] },
      ["--broker"],
    );
    assert.ok(r.requests.some((q) => q.url === SIM_BROKER_URL + "/token" && q.status === 200));
    assert.match(screen(r, "s").sleep, /^\d+h \d\dm$/);
  });
});

describe("simulator end to end (watch face)", () => {
  const signedInMorning = [{ do: "signIn" }, { do: "advance", minutes: 30 }, { do: "screen", name: "synced" }];

  it("keeps the shown data when a malformed snapshot file arrives", () => {
    const r = simulate({
      start: "2026-11-24T08:00:00",
      timeZone: "UTC",
      steps: [
        ...signedInMorning,
        { do: "sendFile", name: "snapshot.cbor", base64: "/////w==" },
        { do: "sendFile", name: "snapshot.cbor", value: { v: 1, t: "x" } },
        { do: "advance", minutes: 1 },
        { do: "screen", name: "after" },
      ],
    });
    assert.equal(screen(r, "after").sleep, screen(r, "synced").sleep);
    assert.match(screen(r, "after").sleep, /^\d+h \d\dm$/);
  });

  it("ignores an older snapshot that arrives after a newer one", () => {
    const old = {
      v: 1,
      t: 1000,
      u: 1000,
      d: 20261124,
      s: 1,
      p: 0,
      n: null,
      w: [null, null, null, null, null, null, null],
      q: [null, null, null, null, null, null, null],
      r: null,
      o: [15, 0, 0, 0],
    };
    const r = simulate({
      start: "2026-11-24T08:00:00",
      timeZone: "UTC",
      steps: [
        ...signedInMorning,
        { do: "sendFile", name: "snapshot.cbor", value: old },
        { do: "advance", minutes: 1 },
        { do: "screen", name: "after" },
      ],
    });
    assert.equal(screen(r, "after").status, SYNCED);
  });

  it("shows the persisted snapshot at once when the face restarts out of range", () => {
    const r = simulate({
      start: "2026-11-24T08:00:00",
      timeZone: "UTC",
      steps: [
        ...signedInMorning,
        { do: "disconnectWatch" },
        { do: "restartWatchApp" },
        { do: "screen", name: "restarted" },
        { do: "advance", minutes: 60 },
        { do: "screen", name: "an-hour-later" },
        { do: "advance", minutes: 7 * 60 },
        { do: "screen", name: "later" },
      ],
    });
    assert.equal(screen(r, "restarted").sleep, screen(r, "synced").sleep);
    // Nothing new was due within the hour: nothing to say; past the planned call it says why.
    assert.equal(screen(r, "an-hour-later").status, SYNCED);
    assert.equal(screen(r, "later").status, "Phone not connected");
  });

  it("speaks German on the Sense and cycles the complication on tap", () => {
    const r = simulate({
      start: "2026-11-24T08:00:00",
      timeZone: "Europe/Berlin",
      locale: "de-DE",
      target: "vulcan",
      watch: { steps: 8421, distanceMeters: 6100 },
      steps: [
        { do: "screen", name: "out" },
        ...signedInMorning,
        { do: "tap", id: "complication-hit" },
        { do: "tap", id: "complication-hit" },
        { do: "screen", name: "tapped" },
      ],
    });
    assert.deepEqual(
      [screen(r, "out").status, screen(r, "out").date, screen(r, "out").steps],
      ["Am Handy anmelden", "Di, 24. Nov", "8.421"],
    );
    assert.equal(screen(r, "tapped").complication, "6,1 km");
    assert.equal(screen(r, "synced").status, SYNCED);
  });
});

describe("simulator end to end (midnight)", () => {
  it("resets the live activity at midnight and keeps the night, named by its day, until a newer one arrives", () => {
    const r = simulate({
      start: "2026-11-24T22:00:00",
      timeZone: "Europe/Berlin",
      watch: { steps: 9120 },
      steps: [
        { do: "signIn" },
        { do: "advance", minutes: 119 },
        { do: "screen", name: "before" },
        { do: "advance", minutes: 2 },
        { do: "screen", name: "after" },
        // asleep until 06:48, when the demo user's night ends (the watch's sleep detection says so)
        { do: "sleepState", state: "asleep" },
        { do: "advance", minutes: 407 },
        { do: "sleepState", state: "awake" },
        { do: "advance", minutes: 73 },
        { do: "screen", name: "morning" },
      ],
    });
    const [before, after, morning] = ["before", "after", "morning"].map((n) => screen(r, n));
    assert.deepEqual([before.date, before.steps], ["Tue, Nov 24", "9,120"]);
    assert.deepEqual([after.date, after.steps], ["Wed, Nov 25", "0"]);
    assert.equal(after.sleep, `Tue ${before.sleep}`, "the night stays after midnight, named by the day it ended");
    assert.equal(after.status, "No sleep data yet");
    assert.equal(morning.status, SYNCED);
    assert.notEqual(morning.bedtime, before.bedtime, "the newer night replaced it");
  });
});

describe("simulator end to end (the phone as it is: sim/scenarios/phone-*.json)", () => {
  const run = (name: string) =>
    simulate(JSON.parse(readFileSync(join(ROOT, "sim", "scenarios", `phone-${name}.json`), "utf8")) as unknown);

  it("completes a sign-in whose return arrives while the companion is unloaded", () => {
    const r = run("return-while-unloaded");
    assert.equal(screen(r, "after-sign-in").status, SYNCED);
    assert.ok(r.requests.some((q) => q.url.endsWith("/token") && q.status === 200));
  });

  it("signs out for good when Sign out is tapped while the companion is unloaded", () => {
    const r = run("sign-out-while-unloaded");
    assert.equal(screen(r, "signed-out").status, "Sign in on your phone");
    assert.equal(screen(r, "an-hour-later").status, "Sign in on your phone");
    assert.ok(r.requests.some((q) => q.url === "https://oauth2.googleapis.com/revoke"));
    const signedOutAt = r.screens.find((s) => s.name === "signed-out")?.at ?? "";
    assert.ok(!r.requests.some((q) => q.at > signedOutAt && q.url.includes("/v4/")), "no sync after sign-out");
  });

  it("gives up on a request that never answers and keeps syncing, the companion unloaded between runs", () => {
    const r = run("request-hangs");
    const hung = r.requests.find((q) => q.status === null);
    assert.ok(hung !== undefined);
    assert.ok(
      r.requests.some((q) => q.at > hung.at && q.status === 200),
      "later requests went through",
    );
    assert.equal(screen(r, "after").status, SYNCED);
  });

  it("keeps taking snapshots after the phone's clock jumped a year ahead and back", () => {
    const r = run("clock-jump");
    // A watch frozen by a future instant would say "Updated just now" all along. Here: nothing
    // while the plan holds (no call is due within 3 h), then plainly that the phone is away.
    assert.equal(screen(r, "three-hours-out-of-range").status, SYNCED);
    assert.equal(screen(r, "seven-hours-out-of-range").status, "Phone not connected");
  });

  it("stays signed in when a 401 survives the refresh, and syncs again later", () => {
    const r = run("401-after-refresh");
    assert.equal(screen(r, "after-two-401s").status, "Sync problem — retrying");
    assert.equal(screen(r, "later").status, SYNCED);
  });

  it("syncs when the watch face comes back to the screen, with wake-ups dropped and the companion unloaded", () => {
    const r = run("wake-ups-dropped");
    const s = screen(r, "display-on-at-eight");
    assert.equal(s.status, SYNCED);
    assert.match(s.sleep, /^\d+h \d\dm$/);
    assert.ok(r.requests.some((q) => q.at.startsWith("2026-11-24T08:00") && q.url.includes("/sleep/")));
  });

  it("shows the watch's own time and date when the watch is in another zone than the phone", () => {
    const r = run("watch-in-another-zone");
    const s = screen(r, "morning-in-berlin");
    assert.equal(s.time, "03:01"); // 09:01 in Berlin is 03:01 in New York
    assert.equal(s.date, "Tue, Nov 24");
    assert.equal(s.status, SYNCED);
  });

  it("makes no call before Retry-After, not even for the sync a provider choice asks for", () => {
    const r = run("retry-after-forced");
    const limited = r.requests.find((q) => q.status === 429);
    assert.ok(limited !== undefined);
    const until = new Date(Date.parse(limited.at) + 3600e3).toISOString();
    const during = r.requests.filter((q) => q.at > limited.at && new Date(Date.parse(q.at)).toISOString() < until);
    assert.deepEqual(during, []);
  });
});
