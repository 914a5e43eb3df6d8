// SVG → PNG with resvg (a pure npm package with a prebuilt binary). The SVGs hold no text
// elements: text arrives as glyph outlines (fonts.ts), so resvg needs no fonts at all.
import { Resvg } from "@resvg/resvg-js";

/** Renders an SVG document to PNG bytes at its own size. */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
