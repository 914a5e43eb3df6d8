// The platform as documented, not as assumed (issue: installs on a real watch and tells the truth):
// each scenario under sim/scenarios/ for a defect or a platform behaviour, run in-process on the
// built .fba (default build, or the authorized always-on build).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { InstallRefused, readFba, refusedPermissions, requestedPermissions, RunResult } from "fitbit-os-sim";
import { runScenario } from "../../sim/run-scenario";
import { ensureBuild, simulatorCredentials } from "../../sim/ensure-build";
import { checkFba, DEVICE_JS_BUDGET } from "../../scripts/device-guard";
import { demoNight } from "../../sim/servers/demo-user";

const ROOT = join(__dirname, "..", "..");

function scenario(name: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, "sim", "scenarios", `${name}.json`), "utf8")) as unknown;
}

function run(raw: unknown): Promise<RunResult> {
  return runScenario(raw, { root: ROOT, provider: null, server: null, out: "", png: false, log: () => undefined });
}

function screen(r: RunResult, name: string) {
  const found = r.screens.find((s) => s.name === name);
  assert.ok(found !== undefined, `no screen ${name}`);
  return found;
}

const at = (iso: string) => Date.parse(iso);
const dataCalls = (r: RunResult, from: number, to: number) =>
  r.requests.filter((q) => q.at >= from && q.at < to && q.url.includes("/v4/"));

describe("the two builds", () => {
  const watchFiles = (variant: "default" | "aod") => {
    const fba = readFba(ensureBuild(ROOT, simulatorCredentials(ROOT), () => undefined, variant));
    const device = fba.devices[0];
    // Installable (with the authorization the variant needs), ES5 and within the watch JS budget.
    assert.deepEqual(checkFba(fba, DEVICE_JS_BUDGET, variant === "aod" ? ["access_aod"] : []).problems, []);
    return {
      permissions: requestedPermissions(fba.manifest),
      view: device.files.get("resources/index.view")?.toString("utf8") ?? "",
      js: device.files.get("app/index.js")?.toString("utf8") ?? "",
    };
  };

  it("the default build requests no restricted permission and carries no always-on layout or code", () => {
    const build = watchFiles("default");
    assert.deepEqual(refusedPermissions(build.permissions, []), []);
    assert.ok(build.permissions.includes("access_sleep"));
    assert.doesNotMatch(build.view, /face-aod/);
    assert.doesNotMatch(build.js, /aod-time|aodAllowed/);
  });

  it("only the authorized always-on build requests access_aod and carries the layout", () => {
    const build = watchFiles("aod");
    assert.deepEqual(
      refusedPermissions(build.permissions, []).map((p) => p.key),
      ["access_aod"],
    );
    assert.match(build.view, /<svg id="face-aod"/);
    assert.match(build.js, /aod-time/);
  });
});

describe("installing (sim/scenarios/install-restricted-refused.json)", () => {
  it("refuses a build that requests a restricted permission Fitbit did not authorize", async () => {
    await assert.rejects(run(scenario("install-restricted-refused")), (error: unknown) => {
      assert.ok(error instanceof InstallRefused);
      assert.match(error.message, /access_aod is restricted/);
      assert.match(error.message, /"authorizedPermissions": \["access_aod"\]/);
      return true;
    });
  });
});

describe("always-on display", () => {
  it("draws the authorized build's always-on layout where display.on is false while aodActive", async () => {
    const r = await run(scenario("aod-authorized-display-off"));
    const aod = screen(r, "always-on-with-display-on-false");
    assert.equal(aod.aod, true);
    assert.equal(aod.text["aod-time"], "09:05");
    assert.match(aod.text["aod-sleep"] ?? "", /^\d+h \d\dm$/);
    assert.equal(screen(r, "wrist-up").text.time, "09:06");
    assert.deepEqual(r.problems, []);
  });

  it("leaves always-on to the watch's own clock in the default build", async () => {
    const r = await run(scenario("aod-default-build"));
    const down = screen(r, "wrist-down-platform-clock");
    assert.equal(down.aod, false);
    assert.deepEqual(down.text, {}, "the face's screen is off: the platform shows its clock");
    assert.equal(screen(r, "wrist-up").text.time, "09:06");
    assert.deepEqual(r.problems, []);
  });
});

describe("clocks that jump (sim/scenarios/phone-clock-jump-back.json)", () => {
  it("plans from the present within one wake interval after the phone's clock was a year ahead", async () => {
    const r = await run(scenario("phone-clock-jump-back"));
    const back = at("2026-11-24T06:15:00+01:00");
    assert.ok(dataCalls(r, back, back + 16 * 60000).length > 0, "a call within one interval of the return");
    const morning = screen(r, "morning-after-the-jump");
    assert.match(morning.text.sleep ?? "", /^\d+h \d\dm$/);
    assert.notEqual(morning.text.status, "No sleep data yet");
  });
});

describe("freshness is earned", () => {
  it("claims no freshness after four offline hours and says the phone is offline past the planned call", async () => {
    const r = await run(scenario("offline-for-hours"));
    const four = screen(r, "offline-four-hours");
    assert.equal(four.text.status, "", "nothing was due: no claim either way");
    assert.ok(screen(r, "offline-four-hours").page.some((l) => /Last sync: about 4 hours ago/.test(l)));
    assert.equal(screen(r, "offline-past-the-planned-call").text.status, "Phone has no internet");
    assert.ok(screen(r, "offline-past-the-planned-call").page.some((l) => /No network/.test(l)));
    assert.equal(screen(r, "online-again").text.status, "");
  });

  it("never says Updated minutes ago in the afternoon when the last provider answer is hours old", async () => {
    const r = await run(scenario("afternoon-freshness"));
    const afternoon = screen(r, "afternoon");
    assert.doesNotMatch(afternoon.text.status ?? "", /Updated/);
    assert.ok(
      afternoon.page.some((l) => /Last sync: about 5 hours ago/.test(l)),
      afternoon.page.join(" | "),
    );
  });
});

describe("permissions the user revokes and grants (sim/scenarios/permissions-revoked.json)", () => {
  it("degrades honestly without crashing and resumes when granted again", async () => {
    const r = await run(scenario("permissions-revoked"));
    const revoked = screen(r, "revoked");
    assert.equal(revoked.text.steps, "--", "no activity without access_activity");
    assert.equal(revoked.text.status, "Allow internet in the Fitbit app");
    assert.ok(revoked.page.some((l) => /Internet access for this clock face is turned off/.test(l)));
    const revokedAt = at("2026-11-24T09:05:00+01:00");
    assert.deepEqual(dataCalls(r, revokedAt + 60000, screen(r, "revoked").at), [], "no call without access_internet");
    const granted = screen(r, "granted-again");
    assert.notEqual(granted.text.steps, "--");
    assert.equal(granted.text.status, "");
    // Without run_background no wake-up comes; coming back to the clock launches the companion.
    const quiet = dataCalls(r, granted.at + 60000, screen(r, "no-background").at);
    assert.deepEqual(quiet, []);
    assert.ok(dataCalls(r, screen(r, "no-background").at, screen(r, "back-to-the-clock").at + 1).length > 0);
    assert.deepEqual(r.problems, []);
  });
});

describe("the companion's life (sim/scenarios/return-to-clock.json)", () => {
  it("a wrist raise launches nothing; coming back to the clock launches the companion", async () => {
    const r = await run(scenario("return-to-clock"));
    const raise = screen(r, "wrist-raise-launches-nothing");
    // The 15:00 recheck is due, but wake-ups are dropped and the companion is unloaded.
    assert.deepEqual(dataCalls(r, at("2026-11-24T09:01:00+01:00"), raise.at), []);
    assert.equal(raise.text.status, "", "not yet late: nothing to say");
    const back = screen(r, "back-to-the-clock");
    assert.ok(dataCalls(r, raise.at, back.at + 1).length > 0);
    assert.equal(back.text.status, "");
  });
});

describe("messaging with a slow watch (sim/scenarios/watch-busy.json)", () => {
  it("keeps the newest data on the watch through files while messages back up", async () => {
    const r = await run(scenario("watch-busy"));
    const busy = screen(r, "busy-watch-gets-files");
    assert.match(busy.text.sleep ?? "", /^\d+h \d\dm$/);
    assert.equal(busy.text.status, "");
    assert.equal(
      screen(r, "buffered-messages-arrive-late").text.sleep,
      busy.text.sleep,
      "older messages change nothing",
    );
    assert.deepEqual(r.problems, []);
  });
});

describe("the morning on the wrist (sim/scenarios/morning-wake-signal.json)", () => {
  it("brings last night within 15 minutes of its arrival, the watch driving a real phone", async () => {
    const r = await run(scenario("morning-wake-signal"));
    const night = demoNight(1, 20261124, "Europe/Berlin");
    const sleepCalls = r.requests.filter((q) => q.url.includes("/sleep/") && q.at >= night.visibleAt);
    assert.ok(sleepCalls.length > 0);
    assert.ok(sleepCalls[0].at - night.visibleAt <= 15 * 60000, "the first call after it appeared");
    const fromWatch = r.transfers.filter((t) => t.via === "watch-file");
    assert.ok(fromWatch.length >= 1 && fromWatch.length <= 6, `${fromWatch.length} files from the watch`);
    assert.equal(screen(r, "morning").text.status, "");
  });
});
