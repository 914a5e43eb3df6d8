import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { readOutcome } from "../../companion/http/outcome";
import { buildCodeExchange, readTokenResponse } from "../../companion/auth/oauth-requests";
import { TokenKeeper } from "../../companion/auth/token-keeper";
import { readTokens, writeTokens } from "../../companion/auth/token-store";
import { CompanionDeps, HttpRequest } from "../../companion/deps";
import { pkceChallenge } from "../../common/sha256";
import { routeUrl } from "../../sim/routes";
import { FakeServer, startFakeServer } from "../../sim/servers";
import { CREDENTIALS, MemoryStore } from "../helpers/companion-harness";

const servers: FakeServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

/** Signs in to the fake Fitbit server and returns deps whose http can be made to lose answers. */
async function signedInFitbit() {
  const clock = { now: Date.parse("2024-03-05T12:00:00Z") };
  const server = await startFakeServer({
    now: () => clock.now,
    timeZone: "UTC",
    google: CREDENTIALS.google,
    fitbit: CREDENTIALS.fitbit,
  });
  servers.push(server);
  const storage = new MemoryStore();
  const sent: HttpRequest[] = [];
  const faults = { loseNextAnswer: false };
  const deps = {
    storage,
    credentials: CREDENTIALS,
    now: () => clock.now,
    wait: () => new Promise<void>(() => undefined), // answers here come at once
    log: () => undefined,
    async http(req: HttpRequest) {
      sent.push(req);
      const response = await fetch(routeUrl(req.url, server.url), {
        method: req.method,
        headers: req.headers,
        body: req.body,
      });
      if (faults.loseNextAnswer) {
        faults.loseNextAnswer = false;
        throw new TypeError("the companion was unloaded before the answer was stored");
      }
      return response;
    },
  } as unknown as CompanionDeps;
  const authorize = `https://www.fitbit.com/oauth2/authorize?client_id=TEST&response_type=code&redirect_uri=${encodeURIComponent("https://app-settings.fitbitdevelopercontent.com/simple-redirect.html")}&scope=sleep&code_challenge=${pkceChallenge(VERIFIER)}&code_challenge_method=S256&state=s`;
  const redirect = await fetch(routeUrl(authorize, server.url), { redirect: "manual" });
  const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const outcome = await readOutcome(
    await deps.http(buildCodeExchange("fitbit", CREDENTIALS, code, VERIFIER), 30000),
    clock.now,
  );
  assert.ok(outcome.ok);
  const tokens = readTokenResponse("fitbit", outcome.body, clock.now, null);
  assert.ok(!("error" in tokens));
  writeTokens(storage, { ...tokens, expiresAt: clock.now + 60000 }); // due for refresh
  return { deps, storage, sent, clock, faults };
}

describe("token keeper", () => {
  it("recovers a lost Fitbit refresh answer by replaying the identical request within 2 minutes", async () => {
    const { deps, storage, clock, faults } = await signedInFitbit();
    const before = readTokens(storage);
    faults.loseNextAnswer = true;
    const lost = await new TokenKeeper(deps).fresh();
    assert.equal(lost.ok, false);
    assert.equal(readTokens(storage)?.refreshToken, before?.refreshToken, "the old token is still stored");
    clock.now += 60000; // relaunched a minute later
    const replayed = await new TokenKeeper(deps).fresh();
    assert.ok(replayed.ok);
    assert.notEqual(replayed.tokens.refreshToken, before?.refreshToken);
    assert.equal(readTokens(storage)?.refreshToken, replayed.tokens.refreshToken, "persisted before use");
  });

  it("makes one refresh request for concurrent callers", async () => {
    const { deps, sent } = await signedInFitbit();
    const keeper = new TokenKeeper(deps);
    const count = sent.length;
    const [a, b] = await Promise.all([keeper.fresh(), keeper.fresh()]);
    assert.ok(a.ok && b.ok);
    assert.equal(a.tokens.accessToken, b.tokens.accessToken);
    assert.equal(sent.length - count, 1);
  });

  it("refuses a spent Fitbit refresh token after the replay window", async () => {
    const { deps, storage, clock } = await signedInFitbit();
    const spent = readTokens(storage);
    assert.ok(spent !== null);
    const first = await new TokenKeeper(deps).fresh();
    assert.ok(first.ok);
    clock.now += 3 * 60000;
    writeTokens(storage, spent); // as if the rotation had been lost for good
    const again = await new TokenKeeper(deps).refresh(spent);
    assert.deepEqual(again, { ok: false, failure: { kind: "invalidGrant" } });
  });
});
