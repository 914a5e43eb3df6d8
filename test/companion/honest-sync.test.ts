// Freshness is earned, no clock stalls the plan, the user's internet permission is honoured, and
// the watch's wake signal brings last night sooner (issue: installs and tells the truth).
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { SyncStatus, Problem } from "../../common/sync-status";
import { wakeMessage } from "../../common/messages";
import { SettingsKey } from "../../common/settings-keys";
import { forgetFutureInstants } from "../../companion/sync/clock-sanity";
import { nextCallAt, planCalls } from "../../companion/sync/plan-calls";
import { emptyState, SyncState } from "../../companion/sync/sync-state";
import { Harness, startHarness } from "../helpers/companion-harness";

const harnesses: Harness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

async function signedIn(start: string): Promise<Harness> {
  const h = await startHarness({ start, timeZone: "Europe/Berlin" });
  harnesses.push(h);
  await h.signIn();
  return h;
}

const apiCalls = (h: Harness, from = 0) =>
  h.requests.slice(from).filter((r) => !r.url.includes("/token") && !r.url.includes("/revoke"));

describe("freshness is earned", () => {
  it("keeps the time of the last provider answer through runs that had nothing to call", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    const synced = h.lastSnapshot()?.lastSyncAt;
    assert.equal(synced, Math.floor(h.clock.now / 1000));
    const before = h.requests.length;
    await h.advance(60); // four wake-ups, nothing due (the night is in, the recheck is at 15:00)
    assert.equal(apiCalls(h, before).length, 0);
    assert.equal(h.lastSnapshot()?.lastSyncAt, synced, "no run claims freshness it did not fetch");
    assert.equal(h.report()?.lastSyncAt, synced);
    const next = h.lastSnapshot()?.nextCallAt ?? 0;
    assert.ok(next * 1000 > h.clock.now, "the plan's next call is announced, in the future");
  });

  it("says the phone is offline once a planned call fails, and keeps the real age", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    const synced = h.lastSnapshot()?.lastSyncAt;
    h.offline = true;
    await h.advance(4 * 60); // nothing due for 6 h: nothing is known about the network yet
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
    await h.advance(3 * 60); // the 15:00 recheck fails
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Offline);
    assert.equal(h.report()?.problem, Problem.Network);
    assert.equal(h.lastSnapshot()?.lastSyncAt, synced);
    h.offline = false;
    await h.advance(90);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
    assert.ok((h.lastSnapshot()?.lastSyncAt ?? 0) > (synced ?? 0));
  });
});

describe("the <Oauth> component's own result", () => {
  it("is ignored and cleared: no run, no request, nothing of a sign-in left in shared storage", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    const before = h.requests.length;
    await h.pageWrite(SettingsKey.oauthComponent, JSON.stringify({ code: "4/abc", state: "s" }));
    assert.equal(h.settings.getItem(SettingsKey.oauthComponent), null);
    assert.equal(h.requests.length, before);
  });
});

describe("internet permission", () => {
  it("calls nothing and says so while access_internet is revoked; resumes when it is granted", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.internet = false;
    const before = h.requests.length;
    await h.advance(24 * 60);
    assert.equal(h.requests.length, before, "no request without the permission");
    assert.equal(h.lastSnapshot()?.status, SyncStatus.NoInternet);
    assert.equal(h.report()?.problem, Problem.NoInternetPermission);
    h.internet = true;
    await h.advance(15);
    assert.ok(apiCalls(h, before).length > 0, "the overdue calls go at the next run");
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
  });
});

describe("the watch's wake signal", () => {
  it("polls for last night from 10 min after the wearer woke, every interval, instead of hourly", async () => {
    // Signed in the evening before: the next night ends about 06:31 and appears 25 min later.
    const h = await signedIn("2026-11-23T22:00:00");
    await h.advance(8 * 60 + 30); // 06:30
    const before = h.requests.length;
    await h.watchFile(wakeMessage(Math.floor(h.clock.now / 1000)));
    await h.advance(45);
    const sleepCalls = h.requests.slice(before).filter((r) => r.url.includes("/sleep"));
    assert.ok(sleepCalls.length >= 2 && sleepCalls.length <= 4, `sleep calls: ${sleepCalls.length}`);
    assert.equal(h.lastSnapshot()?.night?.date, 20261124, "last night is in within 45 min of waking");
  });

  it("ignores a wake signal from a watch clock hours away from the phone's", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    await h.watchFile(wakeMessage(Math.floor(h.clock.now / 1000) - 6 * 3600));
    assert.ok(!h.logs.some((l) => /failed/.test(l)));
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
  });
});

describe("no clock stalls the plan (property)", () => {
  const NOW = Date.UTC(2026, 10, 24, 8, 0);
  const TODAY = 20261124;
  const instant = fc.oneof(
    fc.constant(0),
    fc.integer({ min: NOW - 30 * 86400e3, max: NOW }),
    fc.integer({ min: NOW, max: NOW + 3 * 365 * 86400e3 }),
  );
  const state = fc
    .record({
      sleep: instant,
      steps: instant,
      rhr: instant,
      retryAt: fc.option(instant),
      lastSyncAt: fc.option(instant),
      nextCallAt: fc.option(instant),
      refreshAskedAt: instant,
      stepsDay: fc.option(fc.constantFrom(20261123, 20261124, 20271124)),
      wokeDay: fc.option(fc.constantFrom(20261123, 20261124, 20271124)),
      wokeAt: fc.option(instant),
    })
    .map((r): SyncState => {
      const s = emptyState(SyncStatus.Ok);
      s.fetchedAt = { sleep: r.sleep, steps: r.steps, restingHeartRate: r.rhr };
      s.retryAt = r.retryAt;
      s.lastSyncAt = r.lastSyncAt;
      s.nextCallAt = r.nextCallAt;
      s.refreshAskedAt = r.refreshAskedAt;
      s.stepsDay = r.stepsDay;
      s.wokeDay = r.wokeDay;
      s.wokeAt = r.wokeAt;
      return s;
    });

  it("after forgetting what a clock ahead wrote, the next call is at most a day and a bit away", () => {
    fc.assert(
      fc.property(state, fc.integer({ min: 0, max: 1439 }), (s, minuteOfDay) => {
        forgetFutureInstants(s, NOW, TODAY);
        const input = { state: s, now: NOW, today: TODAY, minuteOfDay, intervalMs: 15 * 60000 };
        const next = nextCallAt(input);
        assert.ok(next > NOW && next <= NOW + 26 * 3600e3, `next call in ${(next - NOW) / 3600e3} h`);
        for (const t of [s.fetchedAt.sleep, s.fetchedAt.steps, s.fetchedAt.restingHeartRate, s.lastSyncAt ?? 0])
          assert.ok(t <= NOW + 5 * 60000, "no past event lies in the future");
        // a plan with nothing fetched yet and no wait calls at once
        if (s.fetchedAt.sleep === 0 && (s.retryAt === null || s.retryAt <= NOW))
          assert.ok(planCalls(input).indexOf("sleep") >= 0);
      }),
    );
  });
});
