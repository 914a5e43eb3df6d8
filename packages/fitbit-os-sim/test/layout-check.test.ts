// The layout check: it finds the boxes that collide or leave the screen, and only those.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode, TXIOutputFormat } from "@fitbit/image-codec-txi";
import { deviceOf } from "../src/devices";
import { jpegSize, renderDocument } from "../src/render/document-to-svg";
import { findOverlaps, leavesScreen, onScreen } from "../src/render/layout-check";
import { renderPage } from "../src/render/page-to-svg";
import { createDocument } from "../src/watch/emulated-document";
import { colourAt, contrastRatio, parseColour, Region } from "../src/render/contrast";
import { rasterize } from "../src/render/svg-to-png";

const ROUNDED = deviceOf("atlas").screen;

function documentOf(view: string, css = "", extra: Array<[string, Buffer]> = []) {
  const files = new Map<string, Buffer>([
    ["resources/index.view", Buffer.from(view)],
    ["resources/widget.defs", Buffer.from('<svg><defs><link rel="stylesheet" href="styles.css" /></defs></svg>')],
    ["resources/styles.css", Buffer.from(css)],
    ...extra,
  ]);
  return {
    doc: createDocument(files, "resources/index.view", "resources/widget.defs", { width: 336, height: 336 }),
    files,
  };
}

describe("layout check", () => {
  it("treats the rounded corners as off screen and the middle as on", () => {
    assert.equal(onScreen(168, 168, ROUNDED), true);
    assert.equal(onScreen(2, 168, ROUNDED), true);
    assert.equal(onScreen(2, 2, ROUNDED), false);
    // just inside and just outside the corner arc along the diagonal
    const d = ROUNDED.cornerRadius - ROUNDED.cornerRadius / Math.SQRT2;
    assert.equal(onScreen(d + 1, d + 1, ROUNDED), true);
    assert.equal(onScreen(d - 1, d - 1, ROUNDED), false);
    assert.equal(onScreen(337, 100, ROUNDED), false);
  });

  it("reports texts that collide, and only those", () => {
    const { doc, files } = documentOf(`<svg>
      <text id="a" x="40" y="100" font-size="30">7h 10m</text>
      <text id="b" x="120" y="100" font-size="30">22:53–06:31</text>
      <text id="c" x="40" y="200" font-size="30">apart</text>
      <text id="d" x="40" y="260" font-size="30" display="none">hidden 22:53–06:31</text>
    </svg>`);
    const drawn = renderDocument(doc.root, files);
    assert.deepEqual(findOverlaps(drawn.boxes, leavesScreen(ROUNDED)), [["a", "b"]]);
  });

  it("reports a text that runs off the screen or into a corner", () => {
    const { doc, files } = documentOf(`<svg>
      <text id="wide" x="50%" y="200" font-size="30" text-anchor="middle">Fitbit Web API retired — sign in with Google</text>
      <text id="corner" x="4" y="20" font-size="16">12:00</text>
    </svg>`);
    const overlaps = findOverlaps(renderDocument(doc.root, files).boxes, leavesScreen(ROUNDED));
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
    assert.deepEqual(findOverlaps(drawn.boxes, leavesScreen(ROUNDED)), [["icon", "t"]]);
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

describe("JPEG images", () => {
  it("reads a JPEG's size from its start-of-frame marker", () => {
    // SOI, an APP0 segment of 4 bytes, SOF0 with height 200 and width 120
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 200, 0, 120, 3, 0, 0, 0]);
    assert.deepEqual(jpegSize(jpeg), { width: 120, height: 200 });
    assert.equal(jpegSize(Buffer.from([0xff, 0xd8, 0, 0])), null);
  });
});

describe("contrast, smallest text and lit pixels", () => {
  it("measures contrast as WCAG does", () => {
    assert.equal(Math.round(contrastRatio([255, 255, 255], [0, 0, 0]) * 10) / 10, 21);
    assert.equal(contrastRatio([119, 119, 119], [255, 255, 255]) > 4.47, true);
    assert.equal(contrastRatio([119, 119, 119], [255, 255, 255]) < 4.5, true);
    assert.deepEqual(parseColour("#0f0"), [0, 255, 0]);
    assert.equal(parseColour("fb-cyan"), null);
  });

  it("finds what is behind a point: the topmost painted rect, circle or arc stroke", () => {
    const regions: Region[] = [
      { kind: "rect", x1: 0, y1: 0, x2: 100, y2: 100, colour: [10, 10, 10] },
      { kind: "arc", cx: 50, cy: 50, r: 40, width: 6, start: 0, sweep: 90, colour: [200, 0, 0] },
    ];
    assert.deepEqual(colourAt(regions, 50 + 40 * Math.SQRT1_2, 50 - 40 * Math.SQRT1_2), [200, 0, 0]); // 45°
    assert.deepEqual(colourAt(regions, 10, 50), [10, 10, 10]); // 270°: not on the arc
    assert.deepEqual(colourAt(regions, 150, 50), [0, 0, 0]); // off everything: the black screen
  });

  it("reports text and data marks under their floor against what is actually behind them, and the smallest text", () => {
    const { doc, files } = documentOf(`<svg viewport-fill="#202020">
      <text id="ok" x="10" y="40" font-size="20" fill="#ffffff">bright</text>
      <text id="dim" x="10" y="80" font-size="16" fill="#ffffff" opacity="0.3">dim</text>
      <rect id="card" x="0" y="100" width="200" height="60" fill="#c0c0c0" />
      <text id="on-card" x="10" y="140" font-size="18" fill="#ffffff">white on light grey</text>
      <arc id="track" x="20" y="170" width="120" height="120" arc-width="8" start-angle="0" sweep-angle="360" fill="#262626" />
      <arc id="value" x="20" y="170" width="120" height="120" arc-width="8" start-angle="0" sweep-angle="90" fill="#ffffff" />
      <rect id="hit" x="0" y="0" width="50" height="50" fill="#000000" opacity="0" />
    </svg>`);
    const drawn = renderDocument(doc.root, files);
    const under = drawn.marks.filter((m) => m.ratio < m.floor).map((m) => m.id);
    assert.deepEqual(under, ["dim", "on-card", "track"]);
    assert.ok((drawn.marks.find((m) => m.id === "value")?.ratio ?? 0) > 3); // measured against the track
    assert.equal(drawn.minTextPx, 16);
  });

  it("counts lit pixels: none on a black screen, all on a white one", () => {
    const svg = (fill: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="${fill}"/></svg>`;
    assert.equal(rasterize(svg("black")).litRatio(), 0);
    assert.equal(rasterize(svg("#010101")).litRatio(), 1);
  });
});
