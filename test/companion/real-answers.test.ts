// The companion against the fake server shaped like live answers (sim/servers/answer-style.ts):
// no civil times, zeros left out, a day without data, paging, spoiled values, garbage all day.
import { providerChoice } from "../../sim/choices";
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { parseSyncReport, SettingsKey } from "../../common/settings-keys";
import { Problem, SyncStatus } from "../../common/sync-status";
import { toCivil } from "../../sim/servers/civil-time";
import { demoNight } from "../../sim/servers/demo-user";
import { Harness, startHarness } from "../helpers/companion-harness";

const harnesses: Harness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

async function signedIn(options: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  await h.signIn();
  return h;
}

const FITBIT = providerChoice("fitbit");
const GOOGLE = providerChoice("google");

describe("companion on live-shaped Google answers", () => {
  it("shows last night's duration and bedtime from UTC times and offsets, with a day left out", async () => {
    const tz = "Europe/Berlin";
    const h = await signedIn({ start: "2026-11-24T09:00:00", timeZone: tz, answers: "live" });
    const snapshot = h.lastSnapshot();
    const expected = demoNight(1, 20261124, tz);
    const minute = (ms: number) => toCivil(ms, tz).hours * 60 + toCivil(ms, tz).minutes;
    assert.equal(snapshot?.status, SyncStatus.Ok);
    assert.equal(h.report()?.problem, Problem.None);
    assert.equal(snapshot?.night?.date, 20261124);
    assert.equal(snapshot?.night?.bedtime, minute(expected.start));
    assert.equal(snapshot?.night?.wake, minute(expected.end));
    // 21 Nov had no data: no steps window, no night. It stays unknown, never 0.
    assert.equal(snapshot?.steps[3], null);
    assert.equal(snapshot?.nights[3], null);
    assert.notEqual(snapshot?.steps[2], null);
  });

  it("follows nextPageToken through an empty page to the last page", async () => {
    // 7 nights in pages of 3, with an empty page after the first: 4 pages.
    const h = await signedIn({ start: "2026-11-24T09:00:00", timeZone: "UTC", sleepPageSize: 3 });
    const pages = h.requests.filter((r) => r.url.includes("/sleep/dataPoints"));
    assert.deepEqual(
      pages.map((r) => /pageToken=(\w+)/.exec(r.url)?.[1] ?? "first"),
      ["first", "p1", "p2", "p3"],
    );
    assert.deepEqual(
      h.lastSnapshot()?.nights.map((n) => n !== null),
      [true, true, true, true, true, true, true],
    );
  });

  it("stops after 4 pages and keeps what those pages held", async () => {
    const h = await signedIn({ start: "2026-11-24T09:00:00", timeZone: "UTC", sleepPageSize: 1 });
    assert.equal(h.requests.filter((r) => r.url.includes("/sleep/dataPoints")).length, 4);
    assert.ok(h.logs.some((l) => /stopped after 4 pages/.test(l)));
    // Pages: 24th, (empty), 23rd, 22nd — newest first, so the nights that matter most arrive.
    assert.equal(h.lastSnapshot()?.night?.date, 20261124);
    assert.deepEqual(
      h.lastSnapshot()?.nights.map((n) => n !== null),
      [false, false, false, false, true, true, true],
    );
  });

  it("keeps the valid rest of an answer with impossible values and names the problem on the page", async () => {
    const h = await signedIn({ start: "2026-11-24T09:00:00", timeZone: "UTC" });
    h.server.setFault({ name: "outOfRange" });
    await h.pageWrite(SettingsKey.signOut, "1");
    await h.signIn();
    const snapshot = h.lastSnapshot();
    assert.equal(snapshot?.status, SyncStatus.Ok);
    assert.equal(h.report()?.problem, Problem.PartlyUnreadable);
    assert.equal(snapshot?.night?.date, 20261123, "last night's record was refused: the night before stays");
    assert.equal(snapshot?.steps[6], null, "today's window was refused");
    assert.notEqual(snapshot?.steps[5], null);
    assert.equal(parseSyncReport(h.settings.getItem(SettingsKey.status))?.problem, Problem.PartlyUnreadable);
  });

  it("backs off when every answer is garbage all day, as after a server error", async () => {
    const h = await signedIn({ start: "2026-11-24T00:30:00", timeZone: "UTC" });
    h.server.setFault({ name: "malformedJson" });
    const before = h.requests.length;
    await h.advance(24 * 60);
    const calls = h.requests.length - before;
    assert.equal(h.report()?.problem, Problem.Malformed);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Retrying);
    // Backoff with full jitter up to an hour (as after a 5xx): a try about every 30–45 minutes,
    // each a data call and often a token refresh; never the 96 wakes × 3 calls of a retry storm.
    assert.ok(calls <= 60, `${calls} calls in a day of garbage`);
  });
});

describe("legacy Fitbit retired", () => {
  it("is learned when the user picks the legacy provider, before any sign-in, and cleared on Google", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "UTC" });
    harnesses.push(h);
    h.server.setFault({ name: "retired" });
    await h.pageWrite(SettingsKey.provider, FITBIT);
    const probe = h.requests.find((r) => r.url.startsWith("https://api.fitbit.com/"));
    assert.equal(probe?.status, 410);
    assert.equal(h.requests.filter((r) => r.url.includes("/oauth2/token")).length, 0);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Retired);
    const report = parseSyncReport(h.settings.getItem(SettingsKey.status));
    assert.equal(report?.problem, Problem.Retired);
    assert.equal(report?.provider, "fitbit");
    await h.pageWrite(SettingsKey.provider, GOOGLE);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
    assert.equal(parseSyncReport(h.settings.getItem(SettingsKey.status))?.problem, Problem.None);
  });
});
