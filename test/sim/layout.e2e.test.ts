// The layout check (fitbit-os-sim; its own tests show that it finds what it should): no
// documented screen and no worst case collides, falls under its contrast floor or has text under 16 px, in every language, target, theme and
// complication, on the watch, in always-on display and on the settings page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RunResult, textWidth } from "fitbit-os-sim";
import { runScenario } from "../../sim/run-scenario";
import {
  COMPLICATION_COUNT,
  documentedScenario,
  LOCALES,
  noClientScenario,
  TARGETS,
  THEME_COUNT,
  worstCaseScenario,
} from "../../sim/screen-scenarios";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function run(raw: unknown): Promise<RunResult> {
  return runScenario(raw, { root: ROOT, provider: null, server: null, out: "", png: false, log: () => undefined });
}

/** No collisions, and on the watch every mark above its contrast floor and no text under 16 px. */
function assertNoOverlaps(result: RunResult): void {
  const bad = result.screens
    .filter((s) => s.overlaps.length > 0)
    .map((s) => `${s.name}: ${s.overlaps.map((o) => o.join(" × ")).join(", ")} ${JSON.stringify(s.text)}`);
  assert.deepEqual(bad, []);
  const faint = result.screens
    .filter((s) => s.contrast.length > 0)
    .map((s) => `${s.name}: ${s.contrast.map((m) => `${m.id} ${m.ratio}:1 < ${m.floor}:1`).join(", ")}`);
  assert.deepEqual(faint, []);
  const small = result.screens
    .filter((s) => s.kind === "watch" && s.minTextPx !== null && s.minTextPx < 16)
    .map((s) => `${s.name}: ${s.minTextPx} px`);
  assert.deepEqual(small, []);
  // Always-on: pure black around a few grey lines (issue 20: under 10 % of the pixels lit).
  const bright = result.screens.filter((s) => s.aod && (s.litRatio ?? 1) >= 0.1).map((s) => `${s.name}: ${s.litRatio}`);
  assert.deepEqual(bright, []);
  assert.deepEqual(result.problems, []);
}

describe("no screen collides", () => {
  for (const locale of LOCALES) {
    for (const target of TARGETS) {
      it(`worst cases in ${locale} on ${target}: every status, theme and complication, and always-on`, async () => {
        const result = await run(worstCaseScenario(locale, target));
        assertNoOverlaps(result);
        const watch = result.screens.filter((s) => !s.aod);
        // every case in every theme and complication, and its minutes per stage (a tap on the sleep block)
        assert.equal(watch.length, 11 * THEME_COUNT * COMPLICATION_COUNT + 11);
        assert.ok(result.screens.filter((s) => s.aod).every((s) => s.text["aod-time"] === "10:58"));
        // the worst cases are really on screen
        const updated = result.screens.find((s) => s.name === "updated-theme0-c0")?.text ?? {};
        if (locale === "en-US") {
          assert.equal(updated.status, "Updated 59 min ago");
          const status = (name: string) => result.screens.find((s) => s.name === `${name}-theme0-c0`)?.text.status;
          assert.equal(status("updated-hours"), "Updated 23 h ago");
          assert.equal(status("offline"), "Phone has no internet");
          assert.equal(status("no-internet"), "Allow internet in the Fitbit app");
          assert.equal(status("not-connected"), "Phone not connected");
          assert.equal(status("nap"), "");
          assert.equal(updated.bedtime, "10:58 PM–11:58 AM");
          const stages = result.screens.find((s) => s.name === "updated-stages")?.text ?? {};
          assert.deepEqual(
            [stages["stage-0"], stages["stage-1"], stages["stage-2"], stages["stage-3"]],
            ["Deep  2h 00m", "Light  8h 20m", "REM  2h 39m", "Awake  0h 01m"],
          );
          assert.equal(updated.sleep, "12h 59m");
          assert.equal(updated.steps, "23,456");
          assert.equal(updated.battery, "80%");
          assert.equal(updated.rhr, "188 at rest");
        }
        if (locale === "ja-JP") assert.equal(updated.sleep, "12時間59分");
        if (locale === "fr-FR") assert.equal(updated.sleep, "12 h 59 min");
        if (locale === "fr-FR") assert.equal(updated.battery, "80 %");
        if (locale === "es-ES") assert.equal(updated.complication, "123/150");
        // A margin for the watch's own font (Raiju, not redistributable: docs/reference/fitbit-os.md
        // §2.8), which may run wider than the simulator's: every status line keeps about 8 % of the
        // roughly 300 px the rounded screen leaves it at its size (17 px): at most 276 px here.
        const tooWide = [...new Set(watch.map((s) => s.text.status ?? ""))]
          .map((text) => [text, Math.round(textWidth(text, 17, "regular"))] as const)
          .filter(([, width]) => width > 276);
        assert.deepEqual(tooWide, []);
        const complications = new Set(watch.map((s) => s.text.complication));
        assert.ok(complications.size >= COMPLICATION_COUNT, [...complications].join(" | "));
      });

      it(`documented screens in ${locale} on ${target}, the synced one in every theme and complication`, async () => {
        const result = await run(documentedScenario(locale, target, true));
        assertNoOverlaps(result);
        const names = result.screens.map((s) => `${s.kind}:${s.name}`);
        for (const expected of ["watch:synced", "watch:always-on", "settings:signed-in", "settings:rate-limit"])
          assert.ok(names.includes(expected), expected);
        assert.equal(result.screens.find((s) => s.name === "always-on")?.aod, true);
      });
    }

    it(`the settings page of a build without OAuth clients in ${locale}`, async () => {
      const result = await run(noClientScenario(locale));
      assertNoOverlaps(result);
      assert.ok(result.screens[0].page.some((line) => line.length > 40));
    });
  }
});
