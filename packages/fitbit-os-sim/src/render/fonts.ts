// Text as outlines: the simulator lays text out itself with opentype.js and draws it as SVG paths,
// so the PNGs and the layout check (layout-check.ts) use exactly the same glyphs and
// the same boxes. System-* fonts map to DejaVu Sans Condensed (the device font is a narrow sans,
// docs/reference/fitbit-os.md §2.2); a character DejaVu lacks (Japanese) falls back to Noto Sans JP.
import { dirname, join } from "node:path";
import { Font, loadSync } from "opentype.js";

export type Weight = "regular" | "bold" | "light";

/** A box in screen pixels: left, top, right, bottom. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const cache = new Map<string, Font>();

function load(file: string): Font {
  let font = cache.get(file);
  if (font === undefined) {
    font = loadSync(file);
    cache.set(file, font);
  }
  return font;
}

/** The fonts of a weight, best first; each loaded only when a character needs it (Noto is large). */
function fontsFor(weight: Weight): Array<() => Font> {
  const dejavu = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const noto = dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));
  const primary = {
    regular: "DejaVuSansCondensed.ttf",
    bold: "DejaVuSansCondensed-Bold.ttf",
    light: "DejaVuSans-ExtraLight.ttf",
  }[weight];
  const fallback =
    weight === "bold"
      ? join(noto, "700Bold", "NotoSansJP_700Bold.ttf")
      : join(noto, "400Regular", "NotoSansJP_400Regular.ttf");
  return [() => load(join(dejavu, primary)), () => load(fallback)];
}

/** The font weight a Fitbit font family and weight stand for. */
export function weightOf(family: string | undefined, weight: string | undefined): Weight {
  if (weight === "bold" || family === "System-Bold") return "bold";
  if (family === "System-Light") return "light";
  return "regular";
}

interface Run {
  font: Font;
  text: string;
}

function fontFor(char: string, fonts: Array<() => Font>): Font {
  for (const load of fonts) {
    const font = load();
    if (font.charToGlyphIndex(char) > 0) return font;
  }
  return fonts[0]();
}

/** Splits text into runs of one font: the first font that has each character's glyph. */
function runs(text: string, fonts: Array<() => Font>): Run[] {
  const out: Run[] = [];
  for (const char of Array.from(text)) {
    const font = fontFor(char, fonts);
    const last = out[out.length - 1];
    if (last !== undefined && last.font === font) last.text += char;
    else out.push({ font, text: char });
  }
  return out;
}

/** The advance width of a line of text. */
export function textWidth(text: string, size: number, weight: Weight): number {
  return runs(text, fontsFor(weight)).reduce((sum, r) => sum + r.font.getAdvanceWidth(r.text, size), 0);
}

export interface TextOutline {
  /** SVG path data of every glyph. */
  d: string;
  /** The ink box of the glyphs; null when nothing is drawn (empty or blank text). */
  box: Box | null;
}

/** Lays out one line at (x, y) with the baseline at y and the given anchor. */
export function outlineText(
  text: string,
  x: number,
  y: number,
  size: number,
  weight: Weight,
  anchor: "start" | "middle" | "end",
): TextOutline {
  const parts = runs(text, fontsFor(weight));
  const width = parts.reduce((sum, r) => sum + r.font.getAdvanceWidth(r.text, size), 0);
  let pen = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  const paths: string[] = [];
  let box: Box | null = null;
  for (const part of parts) {
    const path = part.font.getPath(part.text, pen, y, size);
    const data = path.toPathData(2);
    if (data !== "") {
      paths.push(data);
      const b = path.getBoundingBox();
      const ink = { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      if (Number.isFinite(ink.x1) && ink.x2 > ink.x1) box = box === null ? ink : union(box, ink);
    }
    pen += part.font.getAdvanceWidth(part.text, size);
  }
  return { d: paths.join(""), box };
}

export function union(a: Box, b: Box): Box {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}
