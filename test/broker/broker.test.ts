// The token broker (broker/) in the real Workers runtime (miniflare runs workerd locally, offline),
// between a caller and the project's fake Google: the endpoints, and everything it must refuse.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { importSealingKey, seal } from "../../broker/src/seal";
import { RunningBroker, SIM_BROKER_URL, SIM_SEALING_KEY, startBroker } from "../../sim/broker";
import { FakeServer, startFakeServer } from "../../sim/servers";
import { challengeOf } from "../../sim/servers/google-oauth";

const ROOT = join(__dirname, "..", "..");
const CLIENT = { clientId: "broker-test.apps.googleusercontent.com", clientSecret: "broker-test-secret" };
const CALLBACK = SIM_BROKER_URL + "/callback";
const FITBIT_PAGE = "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html";
const VERIFIER = "a-pkce-verifier-of-enough-length-0123456789-abcdefgh";
const OLD_KEY = Buffer.alloc(32, 9).toString("base64");
const GENEROUS = {
  CALLBACK_LIMITER: { limit: 10000, period: 60 as const },
  TOKEN_LIMITER: { limit: 10000, period: 60 as const },
  REFRESH_LIMITER: { limit: 10000, period: 60 as const },
};

let server: FakeServer;
let broker: RunningBroker;

before(async () => {
  server = await startFakeServer({
    now: () => Date.now(),
    timeZone: "UTC",
    google: { ...CLIENT, redirectUris: [CALLBACK] },
    fitbit: { clientId: "X" },
  });
  broker = await startBroker({
    root: ROOT,
    ...CLIENT,
    previousSealingKey: OLD_KEY,
    googleBase: () => server.url,
    rateLimits: GENEROUS, // these tests make many requests from one address; the limits have their own
  });
});
after(async () => {
  await broker.dispose();
  await server.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  broker.fetch(SIM_BROKER_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Google's consent (auto-approved by the fake) and the broker's callback: the sealed code and state. */
async function consent(
  state = "state-1",
  through: RunningBroker = broker,
): Promise<{ sealed: string; state: string | null; location: URL }> {
  const authorize = new URL("/o/oauth2/v2/auth", server.url);
  const params = {
    client_id: CLIENT.clientId,
    redirect_uri: CALLBACK,
    response_type: "code",
    scope: "https://www.googleapis.com/auth/googlehealth.sleep.readonly",
    state,
    code_challenge: challengeOf(VERIFIER),
    code_challenge_method: "S256",
  };
  for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
  const toBroker = (await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "";
  assert.ok(toBroker.startsWith(CALLBACK + "?"), toBroker);
  const back = await through.fetch(toBroker);
  assert.equal(back.status, 302);
  const location = new URL(back.headers.get("location") ?? "");
  return { sealed: location.searchParams.get("code") ?? "", state: location.searchParams.get("state"), location };
}

async function signedIn(): Promise<{ access_token: string; expires_in: number; refresh: string }> {
  const { sealed } = await consent();
  const answer = await post("/token", { code: sealed, code_verifier: VERIFIER, client_id: CLIENT.clientId });
  assert.equal(answer.status, 200);
  return (await answer.json()) as { access_token: string; expires_in: number; refresh: string };
}

async function currentKey() {
  const key = await importSealingKey(SIM_SEALING_KEY);
  if (key === null) throw new Error("the simulator's sealing key does not import");
  return key;
}

function flipBit(sealed: string, bit: number): string {
  const bytes = Buffer.from(sealed.slice(3), "base64url");
  bytes[Math.floor(bit / 8) % bytes.length] ^= 1 << (bit % 8);
  return sealed.slice(0, 3) + bytes.toString("base64url");
}

describe("token broker: sign-in, refresh and revoke through the Worker", () => {
  it("seals Google's code on /callback and sends the user to the Fitbit page with the state unchanged", async () => {
    const { sealed, state, location } = await consent("x/y+z=");
    assert.equal(location.origin + location.pathname, FITBIT_PAGE);
    assert.equal(state, "x/y+z=");
    assert.match(sealed, /^s2\.[A-Za-z0-9_-]+$/);
    assert.ok(!sealed.includes("4/0Afake"), "the code itself never leaves the broker");
  });

  it("exchanges a sealed code with the PKCE verifier: an access token and a sealed refresh token", async () => {
    const tokens = await signedIn();
    assert.match(tokens.access_token, /^ya29\./);
    assert.equal(tokens.expires_in, 3599);
    assert.match(tokens.refresh, /^s2\./);
    assert.ok(!("refresh_token" in tokens));
  });

  it("refreshes with the sealed refresh token, and revokes it at Google", async () => {
    const { refresh } = await signedIn();
    const fresh = await post("/refresh", { refresh, client_id: CLIENT.clientId });
    assert.equal(fresh.status, 200);
    const body = (await fresh.json()) as Record<string, unknown>;
    assert.match(String(body.access_token), /^ya29\./);
    assert.equal(body.refresh, undefined, "Google keeps the refresh token, so no new seal is needed");
    assert.equal((await post("/revoke", { refresh, client_id: CLIENT.clientId })).status, 200);
    const after = await post("/refresh", { refresh, client_id: CLIENT.clientId });
    assert.equal(after.status, 400);
    assert.equal(((await after.json()) as { error: string }).error, "invalid_grant");
  });

  it("passes an error from Google's consent page on to the settings page", async () => {
    const back = await broker.fetch(`${CALLBACK}?error=access_denied&state=s9`);
    const location = new URL(back.headers.get("location") ?? "");
    assert.equal(location.searchParams.get("error"), "access_denied");
    assert.equal(location.searchParams.get("state"), "s9");
    assert.equal(location.searchParams.get("code"), null);
  });

  it("keeps Google's error classes: invalid_grant stays 400 invalid_grant, 429 keeps Retry-After, 5xx is 502", async () => {
    const { refresh } = await signedIn();
    server.setFault({ name: "invalidGrant", count: 1 });
    const grant = await post("/refresh", { refresh, client_id: CLIENT.clientId });
    assert.deepEqual([grant.status, ((await grant.json()) as { error: string }).error], [400, "invalid_grant"]);
    // Google's token endpoint answering 429 and 503 (the fake server's faults cover its data API only)
    const answers = [
      { status: 429, headers: { "Retry-After": "120" }, body: { error: "rate_limit_exceeded" } },
      { status: 503, headers: {}, body: { error: "backend_error" } },
      { status: 200, headers: {}, body: "<html>not json</html>" },
    ];
    const google = createServer((_req, res) => {
      const next = answers.shift();
      res.writeHead(next?.status ?? 500, { "Content-Type": "application/json", ...next?.headers });
      res.end(typeof next?.body === "string" ? next.body : JSON.stringify(next?.body ?? {}));
    });
    await new Promise<void>((resolve) => google.listen(0, "127.0.0.1", resolve));
    const port = (google.address() as AddressInfo).port;
    const stubbed = await startBroker({ root: ROOT, ...CLIENT, googleBase: () => `http://127.0.0.1:${port}` });
    try {
      const ask = () =>
        stubbed.fetch(SIM_BROKER_URL + "/refresh", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh, client_id: CLIENT.clientId }),
        });
      const limited = await ask();
      assert.deepEqual([limited.status, limited.headers.get("retry-after")], [429, "120"]);
      assert.equal(((await limited.json()) as { error: string }).error, "rate_limit_exceeded");
      assert.equal((await ask()).status, 502);
      const garbled = await ask();
      assert.deepEqual(
        [garbled.status, ((await garbled.json()) as { error: string }).error],
        [502, "temporarily_unavailable"],
      );
    } finally {
      await stubbed.dispose();
      google.close();
    }
  });

  it("opens values sealed with the previous key during a rotation, and hands out a fresh seal", async () => {
    // before the rotation: the broker sealed with OLD_KEY, and a phone stored that refresh token
    const before = await startBroker({ root: ROOT, ...CLIENT, sealingKey: OLD_KEY, googleBase: () => server.url });
    let stored: string;
    try {
      const { sealed } = await consent("state-1", before);
      const answer = await before.fetch(SIM_BROKER_URL + "/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: sealed, code_verifier: VERIFIER, client_id: CLIENT.clientId }),
      });
      stored = ((await answer.json()) as { refresh: string }).refresh;
    } finally {
      await before.dispose();
    }
    // after it: SEALING_KEY is new, SEALING_KEY_PREVIOUS the old one
    const fresh = await post("/refresh", { refresh: stored, client_id: CLIENT.clientId });
    assert.equal(fresh.status, 200);
    const resealed = ((await fresh.json()) as { refresh?: string }).refresh;
    assert.match(resealed ?? "", /^s2\./);
    assert.notEqual(resealed, stored);
    assert.equal((await post("/refresh", { refresh: resealed, client_id: CLIENT.clientId })).status, 200);
  });
});

describe("token broker: what it refuses", () => {
  it("refuses other methods and paths", async () => {
    const wrongMethod = await broker.fetch(SIM_BROKER_URL + "/token");
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get("allow"), "POST");
    assert.equal((await post("/callback", {})).status, 405);
    assert.equal((await broker.fetch(SIM_BROKER_URL + "/")).status, 404);
    assert.equal((await post("/token/../admin", {})).status, 404);
    assert.equal((await broker.fetch(SIM_BROKER_URL + "/callback")).status, 400, "a callback without a code");
  });

  it("refuses bodies over the cap, bodies that are not a JSON object, and missing fields", async () => {
    const big = JSON.stringify({ refresh: "s1." + "A".repeat(5000), client_id: CLIENT.clientId });
    assert.equal((await post("/refresh", big)).status, 413);
    assert.equal((await post("/refresh", "not json")).status, 400);
    assert.equal((await post("/refresh", "[1, 2]")).status, 400);
    const none = await post("/refresh", { client_id: CLIENT.clientId });
    assert.deepEqual([none.status, ((await none.json()) as { error: string }).error], [400, "invalid_request"]);
    const noVerifier = await post("/token", { code: (await consent()).sealed, client_id: CLIENT.clientId });
    assert.equal(noVerifier.status, 400);
  });

  it("refuses a client id that is not this app's", async () => {
    const { refresh } = await signedIn();
    const other = await post("/refresh", { refresh, client_id: "someone-else.apps.googleusercontent.com" });
    assert.deepEqual([other.status, ((await other.json()) as { error: string }).error], [401, "invalid_client"]);
    const sealedForOther = await seal(
      await currentKey(),
      "refresh",
      "someone-else.apps.googleusercontent.com",
      "1//token",
      0,
    );
    const answer = await post("/refresh", { refresh: sealedForOther, client_id: CLIENT.clientId });
    assert.match(((await answer.json()) as { error_description: string }).error_description, /tampered/);
  });

  it("refuses a sealed value with any one bit changed, as invalid_grant", async () => {
    const { refresh } = await signedIn();
    const length = Buffer.from(refresh.slice(3), "base64url").length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: length * 8 - 1 }), async (bit) => {
        const answer = await post("/refresh", { refresh: flipBit(refresh, bit), client_id: CLIENT.clientId });
        assert.equal(answer.status, 400);
        assert.equal(((await answer.json()) as { error: string }).error, "invalid_grant");
      }),
      { numRuns: 40 },
    );
  });

  it("refuses an expired sealed code, a code sealed as a refresh token, and the reverse", async () => {
    const key = await currentKey();
    const expired = await seal(key, "code", CLIENT.clientId, "4/0Afake", Math.floor(Date.now() / 1000) - 1);
    const answer = await post("/token", { code: expired, code_verifier: VERIFIER, client_id: CLIENT.clientId });
    assert.match(((await answer.json()) as { error_description: string }).error_description, /expired/);
    const { sealed } = await consent();
    const asRefresh = await post("/refresh", { refresh: sealed, client_id: CLIENT.clientId });
    assert.equal(((await asRefresh.json()) as { error: string }).error, "invalid_grant");
    const { refresh } = await signedIn();
    const asCode = await post("/token", { code: refresh, code_verifier: VERIFIER, client_id: CLIENT.clientId });
    assert.equal(((await asCode.json()) as { error: string }).error, "invalid_grant");
  });

  it("answers no-store and never echoes a code or token in an error", async () => {
    const { refresh } = await signedIn();
    const tampered = flipBit(refresh, 99);
    const answer = await post("/refresh", { refresh: tampered, client_id: CLIENT.clientId });
    assert.equal(answer.headers.get("cache-control"), "no-store");
    const text = await answer.text();
    assert.ok(!text.includes(tampered) && !text.includes(refresh.slice(3, 40)));
  });

  it("logs nothing: the Worker's source has no console call", () => {
    const folder = join(ROOT, "broker", "src");
    for (const file of readdirSync(folder))
      assert.doesNotMatch(readFileSync(join(folder, file), "utf8"), /console\./, file);
  });
});
