// The simulator on clock faces written the way others write them (test/apps/, built here with
// the SDK's own fitbit-build): plain JavaScript with SDK 5 style views, and TypeScript with a
// settings page that signs in through <Oauth requestTokenUrl>; the command line; and, when the
// repository around the package has built it, this project's own face.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, after, describe, it } from "node:test";
import { readFba } from "../src/fba";
import { REDIRECT_URI } from "../src/phone/oauth";
import { serverNetwork } from "../src/phone/network";
import { RunResult } from "../src/report";
import { run } from "../src/run";
import { writeFba } from "../src/write-fba";
import { buildApp } from "./helpers/build-app";

const BIN = join(__dirname, "..", "bin", "fitbit-os-sim.cjs");
const out = mkdtempSync(join(tmpdir(), "fitbit-os-sim-"));

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: out });
}

const face = (result: RunResult, index = 0) => result.screens.filter((s) => s.kind === "watch")[index].text;

describe("a plain JavaScript face with SDK 5 style views", () => {
  let fba = "";
  before(() => {
    fba = buildApp("plain-js-face");
  });

  it("boots and renders one screen without a scenario: sensors, battery, device, time", async () => {
    const result = await run(readFba(fba), {}, { out, png: true });
    assert.equal(result.screens.length, 1);
    const text = face(result);
    assert.equal(text.time, "07:30"); // the first tick comes as the face starts
    assert.equal(text.model, "Versa 3");
    assert.equal(text.heart, "72 bpm");
    assert.equal(text.battery, "80%");
    assert.equal(text.steps, "5234 steps");
    assert.deepEqual(result.problems, []);
    // haptics is not emulated: reported by name, and the face still runs
    assert.deepEqual(result.notEmulated, ["watch: haptics"]);
    assert.ok(existsSync(result.screens[0].png ?? ""));
  });

  it("plays the target's device and the scenario's sensors, and taps at a point", async () => {
    const result = await run(
      readFba(fba),
      {
        target: "vulcan",
        watch: { onWrist: false, batteryLevel: 15, clockDisplay: "12h" },
        steps: [
          { do: "tapAt", x: 168, y: 250 },
          { do: "screen", name: "tapped" },
        ],
      },
      { out, png: false },
    );
    const text = face(result);
    assert.equal(result.target, "vulcan");
    assert.equal(text.model, "Sense");
    assert.equal(text.heart, "-- bpm"); // off the wrist the sensor reads null
    assert.equal(text.battery, "15%");
    assert.equal(text.time, "07:30");
    assert.equal(text.tapped, "tapped");
  });
});

/** A provider for the TypeScript face: authorize, token (checks PKCE and the secret), one API. */
function startProvider(): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  let challenge = "";
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    seen.push(`${req.method} ${url.pathname}`);
    if (url.pathname === "/authorize") {
      challenge = url.searchParams.get("code_challenge") ?? "";
      const ok =
        url.searchParams.get("redirect_uri") === REDIRECT_URI && url.searchParams.get("client_id") === "test-client";
      res.writeHead(302, { location: `${REDIRECT_URI}?${ok ? "code=c0de" : "error=bad_request"}&state=s` }).end();
      return;
    }
    if (url.pathname === "/token") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const verifier = form.get("code_verifier") ?? "";
        const hashed = createHash("sha256").update(verifier).digest("base64url");
        const ok =
          form.get("grant_type") === "authorization_code" &&
          form.get("code") === "c0de" &&
          form.get("client_secret") === "test-secret" &&
          hashed === challenge;
        res.writeHead(ok ? 200 : 400, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            ok ? { access_token: "t0ken", token_type: "Bearer", expires_in: 3600 } : { error: "invalid_grant" },
          ),
        );
      });
      return;
    }
    if (url.pathname === "/v1/greeting") {
      const ok = req.headers.authorization === "Bearer t0ken";
      res
        .writeHead(ok ? 200 : 401, { "content-type": "application/json" })
        .end(JSON.stringify({ text: ok ? "Hello, Ada" : "who?" }));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

describe("a TypeScript face that signs in with <Oauth requestTokenUrl>", () => {
  let fba = "";
  let provider: Awaited<ReturnType<typeof startProvider>>;
  before(async () => {
    fba = buildApp("oauth-ts-face");
    provider = await startProvider();
  });
  after(() => provider.server.close());

  it("lets the component exchange the code (PKCE), store the token answer and call onAccessToken", async () => {
    const result = await run(
      readFba(fba),
      {
        steps: [
          { do: "screen", name: "before" },
          { do: "page", name: "before" },
          { do: "signIn" },
          { do: "advance", minutes: 1 },
          { do: "screen", name: "after" },
          { do: "page", name: "after" },
        ],
      },
      { out, png: false, network: serverNetwork(provider.url) },
    );
    assert.deepEqual(result.problems, []);
    assert.equal(face(result, 0).greeting, "Sign in on the phone");
    assert.equal(face(result, 0).weather, "12° Berlin"); // the phone's weather (access_location)
    assert.equal(face(result, 1).greeting, "Hello, Ada");
    assert.deepEqual(provider.seen.slice(0, 2), ["GET /authorize", "POST /token"]);
    const [pageBefore, pageAfter] = result.screens.filter((s) => s.kind === "settings").map((s) => s.page.join("\n"));
    assert.match(pageBefore, /Signed out/);
    assert.match(pageBefore, /No token yet/);
    assert.match(pageAfter, /Signed in/);
    assert.match(pageAfter, /Token received/);
    // the companion's own request, with the stored token
    assert.deepEqual(
      result.requests.map((r) => [r.url, r.status]),
      [["https://api.example.test/v1/greeting", 200]],
    );
  });
});

describe("the command line", () => {
  it("runs an .fba and prints the report as JSON", () => {
    const fba = buildApp("plain-js-face");
    const result = cli(["run", fba, "--json", "--out", join(out, "cli"), "--locale", "en-US"]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      screens: Array<{ text: Record<string, string>; png: string }>;
      notEmulated: string[];
    };
    assert.equal(report.screens[0].text.model, "Versa 3");
    assert.deepEqual(report.notEmulated, ["watch: haptics"]);
    assert.ok(existsSync(report.screens[0].png));
  });

  it("refuses bad arguments (exit 2) and an .fba with an unauthorized restricted permission (exit 3)", () => {
    assert.equal(cli([]).status, 2);
    assert.match(cli(["run"]).stderr, /needs the \.fba/);
    assert.equal(cli(["run", "missing.fba"]).status, 2);
    const restricted = join(out, "restricted.fba");
    writeFileSync(restricted, writeFba({ atlas: "" }, '"use strict"\n', ["access_aod"]));
    const refused = cli(["run", restricted]);
    assert.equal(refused.status, 3);
    assert.match(refused.stderr, /access_aod is restricted/);
    const scenario = join(out, "authorized.json");
    writeFileSync(scenario, JSON.stringify({ authorizedPermissions: ["access_aod"], steps: [] }));
    assert.equal(cli(["run", restricted, "--scenario", scenario]).status, 0);
    writeFileSync(scenario, JSON.stringify({ steps: [{ do: "fly" }] }));
    assert.match(cli(["run", restricted, "--scenario", scenario]).stderr, /steps\[0\]\.do "fly" is not a known action/);
  });
});

// This package lives in the Sleep & Steps repository, whose `npm run test:e2e` builds the face
// first; run alone, the package skips this.
const FACE = process.env.FITBIT_OS_SIM_FACE ?? join(__dirname, "..", "..", "..", "build", "sim", "app.fba");

describe("the face of the repository around the package", () => {
  it("boots and shows its sign-in screen", { skip: existsSync(FACE) ? false : `no ${FACE}` }, async () => {
    const result = await run(readFba(FACE), {}, { out, png: false });
    const text = face(result);
    assert.match(text.time ?? "", /^\d{1,2}:\d{2}$/);
    assert.ok(
      Object.values(text).some((t) => /sign in/i.test(t)),
      JSON.stringify(text),
    );
    assert.deepEqual(result.notEmulated, []);
    assert.ok(readFileSync(FACE).length > 0);
  });
});
