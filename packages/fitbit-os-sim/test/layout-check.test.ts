// The layout check: it finds the boxes that collide or leave the screen, and only those.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode, TXIOutputFormat } from "@fitbit/image-codec-txi";
import { deviceOf } from "../src/devices";
import { jpegSize, renderDocument } from "../src/render/document-to-svg";
import { findOverlaps, leavesScreen, onScreen } from "../src/render/layout-check";
import { renderPage } from "../src/render/page-to-svg";
import { createDocument } from "../src/watch/emulated-document";

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
