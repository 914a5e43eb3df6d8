// Every main scenario both ways: signing in directly and through the token broker (run under
// miniflare between the companion and the fake Google) must look the same on the watch and on
// the settings page; only where the OAuth requests go differs.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SIM_BROKER_URL } from "../../sim/broker";
import { RunResult } from "fitbit-os-sim";
import { runScenario } from "../../sim/run-scenario";

const ROOT = join(__dirname, "..", "..");
const SCENARIOS = readdirSync(join(ROOT, "sim", "scenarios"))
  .filter((f) => f === "demo.json" || f.startsWith("phone-"))
  .sort();

function run(file: string, broker: boolean): Promise<RunResult> {
  const raw: unknown = JSON.parse(readFileSync(join(ROOT, "sim", "scenarios", file), "utf8"));
  return runScenario(raw, {
    root: ROOT,
    provider: null,
    server: null,
    broker,
    out: "",
    png: false,
    log: () => undefined,
  });
}

const seen = (r: RunResult) => r.screens.map((s) => ({ name: s.name, text: s.text, page: s.page }));

describe("broker mode runs every main scenario as direct mode does", () => {
  it("covers the demo and the phone scenarios", () => assert.ok(SCENARIOS.length >= 9, SCENARIOS.join(", ")));
  for (const file of SCENARIOS) {
    it(file, async () => {
      const direct = await run(file, false);
      const brokered = await run(file, true);
      assert.deepEqual(brokered.problems, []);
      assert.deepEqual(seen(brokered), seen(direct));
      const oauth = (r: RunResult) =>
        r.requests.filter((q) => /\/(token|refresh|revoke)$/.test(new URL(q.url).pathname));
      assert.ok(
        oauth(brokered).every((q) => q.url.startsWith(SIM_BROKER_URL + "/")),
        "OAuth calls go to the broker",
      );
      assert.equal(oauth(brokered).length, oauth(direct).length, "the same OAuth calls, to another place");
      assert.ok(!brokered.requests.some((q) => q.url.startsWith("https://oauth2.googleapis.com/")));
    });
  }
});
