// The security review's findings against the companion and the page, each with the fault injected:
// revokes owed until the provider confirms them (a list, across sign-ins and unloads), a sign-out
// that always completes, bounded token lifetimes, answers refused by their declared size, requests
// aborted at their timeout, a page that renders whatever times it is given.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseSyncReport, SettingsKey } from "../../common/settings-keys";
import { readTokenResponse } from "../../companion/auth/oauth-requests";
import { readOwed, revokeSettled, retryLater, owe, MAX_REVOKE_ATTEMPTS } from "../../companion/auth/owed-revokes";
import { readTokens, writeTokens } from "../../companion/auth/token-store";
import { HttpRequest, HttpResponse } from "../../companion/deps";
import { readOutcome } from "../../companion/http/outcome";
import { createHttp } from "../../companion/http/platform-http";
import { start } from "../../companion/start";
import { formatAgo, formatClock } from "../../settings/dates";
import { enUS } from "date-fns/locale";
import { memoryDeps, NOW } from "../helpers/memory-deps";

/** An answer with a raw body and headers. */
function raw(status: number, text: string, headers: Record<string, string> = {}): HttpResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, headers: { get: (name) => lower[name.toLowerCase()] ?? null }, text: () => Promise.resolve(text) };
}

/**
 * A signed-in companion whose revoke endpoint answers `revokeAnswers` in turn (then 200 {}), and
 * whose data calls fail quietly; `signOut()` taps Sign out, `launch()` starts it again.
 */
function companion(revokeAnswers: Array<() => HttpResponse>) {
  let now = NOW;
  const revokes: HttpRequest[] = [];
  const deps = memoryDeps(
    (req) => {
      if (req.url.endsWith("/revoke")) {
        revokes.push(req);
        const next = revokeAnswers.shift();
        return Promise.resolve(next === undefined ? raw(200, "{}") : next());
      }
      return Promise.reject(new TypeError("offline"));
    },
    () => now,
  );
  // Each sign-in epoch must differ from the last (token-store.ts draws until it does): varied numbers.
  let draws = 0;
  deps.random = () => (++draws * 0.618034) % 1;
  const settingsListeners: Array<(key: string | null) => void> = [];
  const events = {
    onWake: () => undefined,
    onSettingsChange: (l: (key: string | null) => void) => void settingsListeners.push(l),
    onPeerOpen: () => undefined,
    onPeerMessage: () => undefined,
    onWatchFile: () => undefined,
  };
  const idle = () => new Promise((resolve) => setTimeout(resolve, 20));
  start(deps, events);
  const c = {
    deps,
    revokes,
    advance: (ms: number) => void (now += ms),
    async signOut() {
      deps.settings.setItem(SettingsKey.signOut, String(now));
      settingsListeners.forEach((l) => l(SettingsKey.signOut));
      await idle();
    },
    async launch() {
      settingsListeners.length = 0;
      start(deps, events);
      await idle();
    },
    signInAgain(token: string) {
      writeTokens(deps.storage, {
        provider: "google",
        accessToken: "a",
        refreshToken: token,
        expiresAt: now + 3600e3,
        scope: "",
      });
      const record = JSON.parse(deps.storage.getItem("signIn") ?? "{}") as { phase?: string };
      deps.storage.setItem("signIn", JSON.stringify({ ...record, phase: "signedIn" }));
    },
    owed: () =>
      (JSON.parse(deps.storage.getItem("signIn") ?? "{}") as { revokes?: Array<{ token: string }> }).revokes ?? [],
    phase: () => (JSON.parse(deps.storage.getItem("signIn") ?? "{}") as { phase?: string }).phase,
    pending: () => deps.settings.getItem(SettingsKey.revokePending),
  };
  return c;
}

describe("revokes are owed until the provider confirms them (finding 2)", () => {
  const unconfirmed: Array<[string, () => HttpResponse]> = [
    ["a 429", () => raw(429, '{"error":"rate_limit_exceeded"}', { "Retry-After": "60" })],
    ["a captive portal's 200 HTML page", () => raw(200, "<html><body>Log in to the Wi-Fi</body></html>")],
    ["a 302", () => raw(302, "", { Location: "https://portal.example/" })],
    ["a 401 HTML page", () => raw(401, "<html>Unauthorized</html>")],
    ["a 401 invalid_client", () => raw(401, '{"error":"invalid_client"}')],
    ["a 503", () => raw(503, '{"error":"backend_error"}')],
  ];
  for (const [what, answer] of unconfirmed) {
    it(`keeps the revoke owed after ${what}, says so on the page, and settles it at a later launch`, async () => {
      const c = companion([answer]);
      await c.signOut();
      assert.equal(readTokens(c.deps.storage), null, "the phone holds no tokens at once");
      assert.equal(c.phase(), "awaitingReturn", "the sign-out completed");
      assert.equal(c.owed().length, 1);
      assert.equal(c.pending(), "1");
      c.advance(60_000);
      await c.launch();
      assert.equal(c.revokes.length, 2);
      assert.deepEqual(c.owed(), []);
      assert.equal(c.pending(), null);
    });
  }

  const settled: Array<[string, number, string]> = [
    ["a 200 {}", 200, "{}"],
    ["a 200 with no body", 200, ""],
    ["a 400 invalid_token", 400, '{"error":"invalid_token"}'],
    ["a 400 invalid_grant", 400, '{"error":"invalid_grant"}'],
    ["a 410", 410, "<html>Gone</html>"],
  ];
  for (const [what, status, text] of settled) {
    it(`counts the revoke as done on ${what}`, () => {
      assert.equal(revokeSettled({ ok: true, status, headers: { get: () => null }, text }), true);
    });
  }

  it("settles only what the provider confirmed, whatever the answer (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(
          fc.constant(""),
          fc.constant("{}"),
          fc.constant('{"error":"invalid_token"}'),
          fc.constant('{"error":"invalid_grant"}'),
          fc.constant('{"error":"invalid_request"}'),
          fc.string(),
        ),
        async (status, text) => {
          const done = revokeSettled({ ok: true, status, headers: { get: () => null }, text });
          let json: unknown = undefined;
          try {
            json = text.trim() === "" ? {} : JSON.parse(text);
          } catch {
            json = undefined;
          }
          const error = typeof json === "object" && json !== null ? (json as { error?: unknown }).error : undefined;
          const expected =
            status === 410 ||
            (status >= 200 && status < 300 && typeof json === "object" && json !== null) ||
            (status === 400 && (error === "invalid_token" || error === "invalid_grant"));
          assert.equal(done, expected, `${status} ${text}`);
          await Promise.resolve();
        },
      ),
    );
    for (const kind of ["network", "timeout", "tooLarge"] as const)
      assert.equal(revokeSettled({ ok: false, kind }), false);
  });

  it("waits longer after each failed try, and gives up after many tries or weeks", () => {
    let owed = owe("google", "1//r", NOW);
    const gaps: number[] = [];
    for (let i = 0; i < MAX_REVOKE_ATTEMPTS - 1; i++) {
      const next = retryLater(owed, NOW);
      assert.ok(next !== null);
      gaps.push(next.nextAt - NOW);
      owed = next;
    }
    assert.deepEqual(gaps.slice(0, 4), [60_000, 120_000, 240_000, 480_000]);
    assert.ok(gaps.every((g) => g <= 24 * 3600e3));
    assert.equal(retryLater(owed, NOW), null);
    assert.equal(retryLater(owe("google", "x", NOW), NOW + 31 * 24 * 3600e3), null);
  });

  it("reads an older record's single revoke into the list, and plans no try beyond a day", () => {
    const list = readOwed(
      [{ provider: "google", token: "a", attempts: 2, nextAt: NOW + 400 * 86400e3, since: NOW }],
      { provider: "fitbit", token: "b" },
      NOW,
    );
    assert.deepEqual(
      list.map((r) => [r.provider, r.token]),
      [
        ["google", "a"],
        ["fitbit", "b"],
      ],
    );
    assert.ok(list[0].nextAt <= NOW + 24 * 3600e3);
  });
});

describe("two sign-outs offline revoke both grants (finding 4)", () => {
  it("keeps every owed revoke, across a new sign-in, until each is confirmed", async () => {
    const offline = () => {
      throw new TypeError("offline");
    };
    const c = companion([offline, offline]);
    await c.signOut();
    c.signInAgain("1//second");
    await c.signOut();
    assert.deepEqual(
      c.owed().map((r) => r.token),
      ["r", "1//second"],
    );
    assert.equal(c.pending(), "2");
    c.advance(10 * 60_000);
    await c.launch();
    assert.deepEqual(c.owed(), []);
    assert.deepEqual(
      c.revokes.slice(-2).map((r) => r.body),
      ["token=r", "token=1%2F%2Fsecond"],
    );
  });
});

describe("a sign-out always completes (finding 8)", () => {
  it("goes from signing out to a new sign-in offer even when nothing is owed", async () => {
    const c = companion([]);
    c.deps.storage.removeItem("tokens"); // a grant that was already gone
    const record = JSON.parse(c.deps.storage.getItem("signIn") ?? "{}") as Record<string, unknown>;
    c.deps.storage.setItem("signIn", JSON.stringify({ ...record, phase: "signedIn" }));
    await c.signOut();
    assert.equal(c.phase(), "awaitingReturn");
    assert.notEqual(c.deps.settings.getItem(SettingsKey.oauthRequest), null);
  });

  for (const expires of [1e306, Infinity, 0, -1, 0.5, 86401, NaN])
    it(`refuses a token answer with expires_in ${expires}`, () => {
      const tokens = readTokenResponse(
        "google",
        { access_token: "a", refresh_token: "r", expires_in: expires },
        NOW,
        null,
      );
      assert.ok("error" in tokens);
    });
});

describe("answers refused by size, requests aborted at their timeout (finding 9)", () => {
  it("refuses an answer by its Content-Length without reading it", async () => {
    let read = false;
    const huge: HttpResponse = {
      status: 200,
      headers: { get: (name) => (name.toLowerCase() === "content-length" ? String(64 * 1024 * 1024) : null) },
      text: () => {
        read = true;
        return Promise.resolve("{}");
      },
    };
    const outcome = await readOutcome(huge, NOW);
    assert.deepEqual(outcome, { ok: false, failure: { kind: "malformed", field: "body (too large)" } });
    assert.equal(read, false);
  });

  it("aborts a request at the companion's timeout where the runtime has AbortController", () => {
    const timers: Array<{ ms: number; run: () => void }> = [];
    let aborted = 0;
    const signals: unknown[] = [];
    const http = createHttp(
      (_url, init) => {
        signals.push(init.signal);
        return new Promise<HttpResponse>(() => undefined);
      },
      () => ({
        signal: "the-signal",
        abort: () => {
          aborted++;
        },
      }),
      (run, ms) => void timers.push({ ms, run }),
    );
    void http({ method: "GET", url: "https://health.googleapis.com/x", headers: {} }, 30000);
    assert.deepEqual(signals, ["the-signal"]);
    assert.deepEqual(
      timers.map((t) => t.ms),
      [30000],
    );
    timers[0].run();
    assert.equal(aborted, 1);
    const plainSignals: unknown[] = [];
    const plain = createHttp(
      (_url, init) => {
        plainSignals.push(init.signal);
        return new Promise<HttpResponse>(() => undefined);
      },
      null,
      () => assert.fail("no timer without AbortController"),
    );
    void plain({ method: "GET", url: "https://health.googleapis.com/x", headers: {} }, 30000);
    assert.deepEqual(plainSignals, [undefined]);
  });
});

describe("the page renders whatever times it is given (finding 10)", () => {
  it("reads a status whose times no date has as no time", () => {
    for (const bad of [1e300, -1, 1.5, 4102444800, NaN, "1795500000"]) {
      const report = parseSyncReport(
        JSON.stringify({ signedIn: true, provider: "google", lastSyncAt: bad, problem: 3, retryAt: bad }),
      );
      assert.deepEqual([report?.lastSyncAt, report?.retryAt], [null, null], String(bad));
    }
    const good = parseSyncReport(
      JSON.stringify({ signedIn: true, provider: "google", lastSyncAt: 1795500000, problem: 0, retryAt: null }),
    );
    assert.equal(good?.lastSyncAt, 1795500000);
  });

  it("formats no time at all rather than throwing", () => {
    assert.equal(formatAgo(1e300, Date.now(), enUS), "");
    assert.equal(formatClock(Infinity, enUS), "");
    assert.match(formatClock(1795500000, enUS), /\d/);
  });
});
