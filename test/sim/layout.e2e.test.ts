// The layout check (sim/render/layout-check.ts): first that it finds what it should, then that
// no documented screen and no worst case collides, in every language, target, theme and
// complication, on the watch, in always-on display and on the settings page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode, TXIOutputFormat } from "@fitbit/image-codec-txi";
import { renderDocument } from "../../sim/render/document-to-svg";
import { CORNER_RADIUS, findOverlaps, onScreen } from "../../sim/render/layout-check";
import { renderPage } from "../../sim/render/page-to-svg";
import { RunResult } from "../../sim/report";
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
import { createDocument } from "../../sim/watch/emulated-document";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function documentOf(view: string, css = "", extra: Array<[string, Buffer]> = []) {
  const files = new Map<string, Buffer>([
    ["resources/index.view", Buffer.from(view)],
    ["resources/widget.defs", Buffer.from('<svg><defs><link rel="stylesheet" href="styles.css" /></defs></svg>')],
    ["resources/styles.css", Buffer.from(css)],
    ...extra,
  ]);
  return { doc: createDocument(files, "resources/index.view", "resources/widget.defs"), files };
}

describe("layout check", () => {
  it("treats the rounded corners as off screen and the middle as on", () => {
    assert.equal(onScreen(168, 168), true);
    assert.equal(onScreen(2, 168), true);
    assert.equal(onScreen(2, 2), false);
    // just inside and just outside the corner arc along the diagonal
    const d = CORNER_RADIUS - CORNER_RADIUS / Math.SQRT2;
    assert.equal(onScreen(d + 1, d + 1), true);
    assert.equal(onScreen(d - 1, d - 1), false);
    assert.equal(onScreen(337, 100), false);
  });

  it("reports texts that collide, and only those", () => {
    const { doc, files } = documentOf(`<svg>
      <text id="a" x="40" y="100" font-size="30">7h 10m</text>
      <text id="b" x="120" y="100" font-size="30">22:53–06:31</text>
      <text id="c" x="40" y="200" font-size="30">apart</text>
      <text id="d" x="40" y="260" font-size="30" display="none">hidden 22:53–06:31</text>
    </svg>`);
    const drawn = renderDocument(doc.root, files);
    assert.deepEqual(findOverlaps(drawn.boxes), [["a", "b"]]);
  });

  it("reports a text that runs off the screen or into a corner", () => {
    const { doc, files } = documentOf(`<svg>
      <text id="wide" x="50%" y="200" font-size="30" text-anchor="middle">Fitbit Web API retired — sign in with Google</text>
      <text id="corner" x="4" y="20" font-size="16">12:00</text>
    </svg>`);
    const overlaps = findOverlaps(renderDocument(doc.root, files).boxes);
    assert.deepEqual(overlaps, [
      ["wide", "screen"],
      ["corner", "screen"],
    ]);
  });

  it("draws images from the bundle's txi in their fill, with their box in the check", () => {
    const pixels = new Uint8ClampedArray(4 * 4 * 4).fill(255);
    const txi = Buffer.from(encode({ width: 4, height: 4, data: pixels }, { outputFormat: TXIOutputFormat.A8 }));
    const { doc, files } = documentOf(
      `<svg><image id="icon" x="100" y="100" width="20" height="20" href="glyphs/x.png" fill="#ff0000" />
        <text id="t" x="110" y="125" font-size="20">over</text><image id="gone" x="0" y="0" href="glyphs/none.png" /></svg>`,
      "",
      [["resources/glyphs/x.png.txi", txi]],
    );
    const drawn = renderDocument(doc.root, files);
    assert.match(drawn.svg, /<image [^>]*href="data:image\/png;base64,/);
    assert.deepEqual(findOverlaps(drawn.boxes), [["icon", "t"]]);
    assert.deepEqual(drawn.problems, [
      'watch: <image id="gone"> names glyphs/none.png, which the bundle does not have',
    ]);
  });

  it("finds a settings row whose label and value collide", () => {
    const page = {
      type: "Page",
      props: {},
      children: [
        {
          type: "Section",
          props: {},
          children: [
            {
              type: "Select",
              props: {
                label: "A label far too long for one row of the settings page",
                settingsKey: "k",
                options: [{ name: "and a long value", value: "v" }],
              },
              children: [],
            },
          ],
        },
      ],
    };
    assert.ok(renderPage(page, {}).overlaps.length > 0);
    page.children[0].children[0].props.label = "Short";
    assert.deepEqual(renderPage(page, {}).overlaps, []);
  });
});

function run(raw: unknown): Promise<RunResult> {
  return runScenario(raw, { root: ROOT, provider: null, server: null, out: "", png: false, log: () => undefined });
}

function assertNoOverlaps(result: RunResult): void {
  const bad = result.screens
    .filter((s) => s.overlaps.length > 0)
    .map((s) => `${s.name}: ${s.overlaps.map((o) => o.join(" × ")).join(", ")} ${JSON.stringify(s.text)}`);
  assert.deepEqual(bad, []);
  assert.deepEqual(result.problems, []);
}

describe("no screen collides", () => {
  for (const locale of LOCALES) {
    for (const target of TARGETS) {
      it(`worst cases in ${locale} on ${target}: every status, theme and complication, and always-on`, async () => {
        const result = await run(worstCaseScenario(locale, target));
        assertNoOverlaps(result);
        const watch = result.screens.filter((s) => !s.aod);
        assert.equal(watch.length, 11 * THEME_COUNT * COMPLICATION_COUNT);
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
          assert.equal(updated.sleep, "12h 59m");
          assert.equal(updated.steps, "23,456");
        }
        if (locale === "ja-JP") assert.equal(updated.sleep, "12時間59分");
        if (locale === "fr-FR") assert.equal(updated.sleep, "12 h 59 min");
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
