import { providerChoice } from "../../sim/choices";
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { parseClientConfigured, parseOauthRequest, parseSyncReport, SettingsKey } from "../../common/settings-keys";
import { Problem, SyncStatus } from "../../common/sync-status";
import { readTokens } from "../../companion/auth/token-store";
import { Harness, startHarness } from "../helpers/companion-harness";

const harnesses: Harness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

async function signedIn(
  start = "2026-11-24T09:00:00",
  timeZone = "Europe/Berlin",
  provider: "google" | "fitbit" = "google",
): Promise<Harness> {
  const h = await startHarness({ start, timeZone, provider });
  harnesses.push(h);
  await h.signIn();
  return h;
}

describe("companion sign-in", () => {
  it("says sign-in is unavailable on a phone without secure random numbers, and does not crash", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "UTC", noCrypto: true });
    harnesses.push(h);
    assert.equal(h.settings.getItem(SettingsKey.oauthRequest), null);
    assert.equal(h.settings.getItem(SettingsKey.signInUnavailable), "noSecureRandom");
    assert.ok(h.logs.some((l) => /no crypto.getRandomValues/.test(l)));
    await h.wake();
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
  });

  it("completes a sign-in whose return arrived while the companion was unloaded, at the next launch", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "Europe/Berlin" });
    harnesses.push(h);
    await h.returnWhileUnloaded();
    await h.relaunch();
    assert.notEqual(readTokens(h.storage), null);
    assert.equal(h.settings.getItem(SettingsKey.oauthReturn), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
  });

  it("signs out at the next launch when Sign out was tapped while the companion was unloaded", async () => {
    const h = await signedIn();
    h.settings.setItem(SettingsKey.signOut, "1795500000000"); // no change event: unloaded
    await h.relaunch();
    assert.equal(readTokens(h.storage), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
    assert.ok(h.requests.some((r) => r.url === "https://oauth2.googleapis.com/revoke"));
    assert.notEqual(h.settings.getItem(SettingsKey.oauthRequest), null, "a fresh sign-in is offered");
    const requests = h.requests.length;
    await h.relaunch();
    assert.equal(h.requests.filter((r, i) => i >= requests && r.url.endsWith("/revoke")).length, 0);
  });

  it("offers the newly picked provider at the next launch when it was picked while unloaded", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "UTC" });
    harnesses.push(h);
    h.settings.setItem(SettingsKey.provider, providerChoice("fitbit"));
    await h.relaunch();
    assert.equal(parseOauthRequest(h.settings.getItem(SettingsKey.oauthRequest))?.provider, "fitbit");
  });

  it("never brings the tokens or the data back when a refresh answer lands after a sign-out", async () => {
    const h = await signedIn();
    h.clock.now += 4 * 3600e3; // the token has expired and a sleep check is due: the run refreshes first
    h.server.setFault({ name: "slow", count: 1, delayMs: 300 });
    const wake = h.wake();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the refresh is on its way
    await h.pageWrite(SettingsKey.signOut, "2");
    await new Promise((resolve) => setTimeout(resolve, 500)); // its answer lands
    await wake;
    await h.wake();
    assert.equal(readTokens(h.storage), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
    assert.equal(h.lastSnapshot()?.night, null);
    assert.equal(h.report()?.signedIn, false);
  });

  it("signs out at once without network, and sends the revoke it owes at a later launch", async () => {
    const h = await signedIn();
    h.offline = true;
    await h.pageWrite(SettingsKey.signOut, "1");
    assert.equal(readTokens(h.storage), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
    assert.notEqual(h.settings.getItem(SettingsKey.oauthRequest), null, "a fresh sign-in is offered");
    h.offline = false;
    h.clock.now += 60000; // the owed revoke waits a minute after a failed try (owed-revokes.ts)
    const before = h.requests.length;
    await h.relaunch();
    assert.ok(h.requests.slice(before).some((r) => r.url === "https://oauth2.googleapis.com/revoke"));
    const after = h.requests.length;
    await h.relaunch();
    assert.ok(!h.requests.slice(after).some((r) => r.url.endsWith("/revoke")), "revoked once, not again");
  });

  it("publishes a PKCE challenge and state, and says the build has a Google client", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "Europe/Berlin" });
    harnesses.push(h);
    const request = JSON.parse(h.settings.getItem(SettingsKey.oauthRequest) ?? "{}") as {
      challenge: string;
      state: string;
    };
    assert.match(request.challenge, /^[\w-]{43}$/);
    assert.match(request.state, /^[\w-]{22}$/);
    assert.deepEqual(parseClientConfigured(h.settings.getItem(SettingsKey.clientConfigured)), {
      google: true,
      fitbit: true,
    });
  });

  it("exchanges the code on the phone and keeps tokens only in local storage", async () => {
    const h = await signedIn();
    assert.notEqual(readTokens(h.storage), null);
    for (const [key, value] of h.settings.items)
      assert.doesNotMatch(value, /ya29|1\/\/0/, `token leaked into settings key ${key}`);
    assert.equal(h.settings.getItem(SettingsKey.oauthRequest), null);
  });

  it("ignores a return whose state this phone did not issue", async () => {
    const h = await startHarness({ start: "2026-11-24T09:00:00", timeZone: "Europe/Berlin" });
    harnesses.push(h);
    await h.pageWrite(SettingsKey.oauthReturn, JSON.stringify({ code: "4/0Aforged", state: "not-ours" }));
    assert.equal(readTokens(h.storage), null);
    assert.equal(h.requests.length, 0);
  });

  it("syncs right after sign-in and sends last night to the watch", async () => {
    const h = await signedIn();
    const snapshot = h.lastSnapshot();
    assert.equal(snapshot?.status, SyncStatus.Ok);
    assert.equal(snapshot?.night?.date, 20261124);
    assert.deepEqual(
      h.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`),
      [
        "POST /token",
        "GET /v4/users/me/dataTypes/sleep/dataPoints",
        "POST /v4/users/me/dataTypes/steps/dataPoints:dailyRollUp",
        "GET /v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints",
      ],
    );
  });
});

describe("companion token lifecycle and failures", () => {
  it("refreshes the expired access token and keeps Google's non-rotating refresh token", async () => {
    const h = await signedIn();
    const before = readTokens(h.storage);
    await h.advance(6 * 60); // the next recheck of an arrived night
    const afterRefresh = readTokens(h.storage);
    assert.ok(h.requests.filter((r) => r.url.endsWith("/token")).length >= 2);
    assert.equal(afterRefresh?.refreshToken, before?.refreshToken);
    assert.notEqual(afterRefresh?.accessToken, before?.accessToken);
  });

  it("refreshes once after a 401 and retries the call", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "expiredToken", count: 1 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    const lastSleep = h.requests.map((r) => r.url.includes("/sleep/")).lastIndexOf(true);
    const last = h.requests.slice(lastSleep - 2, lastSleep + 1).map((r) => `${r.status} ${new URL(r.url).pathname}`);
    assert.deepEqual(last, [
      "401 /v4/users/me/dataTypes/sleep/dataPoints",
      "200 /token",
      "200 /v4/users/me/dataTypes/sleep/dataPoints",
    ]);
  });

  it("backs off, signed in, when a 401 survives the refresh (a captive portal, a hiccup)", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "expiredToken", count: 2 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    const last = h.requests.slice(-3).map((r) => `${r.status} ${new URL(r.url).pathname}`);
    assert.deepEqual(last, [
      "401 /v4/users/me/dataTypes/sleep/dataPoints",
      "200 /token",
      "401 /v4/users/me/dataTypes/sleep/dataPoints",
    ]);
    assert.notEqual(readTokens(h.storage), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Retrying);
    assert.equal(h.report()?.signedIn, true);
  });

  it("signs out on invalid_grant but keeps the last data on the watch", async () => {
    const h = await signedIn();
    h.server.setFault({ name: "invalidGrant" });
    await h.advance(6 * 60); // the next recheck of an arrived night
    const snapshot = h.lastSnapshot();
    assert.equal(snapshot?.status, SyncStatus.Reauth);
    assert.equal(h.report()?.problem, Problem.InvalidGrant);
    assert.notEqual(snapshot?.night, null);
    assert.equal(readTokens(h.storage), null);
    assert.equal(parseSyncReport(h.settings.getItem(SettingsKey.status))?.signedIn, false);
    // The page can offer a sign-in at once instead of waiting on "Preparing sign-in…".
    assert.notEqual(parseOauthRequest(h.settings.getItem(SettingsKey.oauthRequest)), null);
  });

  it("waits for Retry-After on a 429 and makes no call before it", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "rateLimit", count: 1, retryAfterSeconds: 3600 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    const limitedAt = h.requests.length;
    assert.equal(h.requests[limitedAt - 1].status, 429);
    await h.advance(45);
    assert.equal(h.requests.length, limitedAt, "no call during the Retry-After hour");
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Retrying);
    await h.advance(30);
    assert.ok(h.requests.length > limitedAt);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Ok);
  });

  it("backs off on server errors and keeps the tokens", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "serverError", count: 1 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    assert.equal(h.report()?.problem, Problem.Server);
    assert.notEqual(readTokens(h.storage), null);
  });

  it("backs off when the phone has no network, keeping tokens and data", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    const realHttp = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new TypeError("Network request failed"));
    try {
      await h.advance(6 * 60); // the next recheck of the arrived night
    } finally {
      globalThis.fetch = realHttp;
    }
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Offline);
    assert.equal(h.report()?.problem, Problem.Network);
    assert.notEqual(readTokens(h.storage), null);
  });

  it("keeps the last good data and names the field when the JSON is malformed", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "malformedJson", count: 1 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    assert.equal(h.report()?.problem, Problem.Malformed);
    assert.ok(h.logs.some((l) => /malformed at body|malformed/.test(l)));
  });

  it("asks to sign in again when a scope is missing", async () => {
    const h = await signedIn("2026-11-24T09:00:00");
    h.server.setFault({ name: "missingScope", count: 1 });
    await h.advance(6 * 60); // the next recheck of the arrived night
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Reauth);
    assert.equal(h.report()?.problem, Problem.MissingScope);
  });

  it("treats a 410 from the legacy Fitbit API as retired and never retries", async () => {
    const h = await signedIn("2026-11-24T09:00:00", "Europe/Berlin", "fitbit");
    h.server.setFault({ name: "retired" });
    await h.advance(6 * 60 + 15); // the next planned call (sleep recheck) meets the 410
    const calls = h.requests.length;
    assert.equal(h.requests[calls - 1].status, 410);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.Retired);
    await h.advance(6 * 60);
    assert.equal(h.requests.length, calls);
  });

  it("revokes at the provider and sends a signed-out snapshot on sign-out", async () => {
    const h = await signedIn();
    await h.pageWrite(SettingsKey.signOut, "1");
    assert.equal(h.requests[h.requests.length - 1].url, "https://oauth2.googleapis.com/revoke");
    assert.equal(readTokens(h.storage), null);
    assert.equal(h.lastSnapshot()?.status, SyncStatus.SignedOut);
    assert.equal(h.lastSnapshot()?.night, null);
  });
});
