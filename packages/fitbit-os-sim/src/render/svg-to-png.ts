// SVG → pixels with resvg (a pure npm package with a prebuilt binary). The SVGs hold no text
// elements: text arrives as glyph outlines (fonts.ts), so resvg needs no fonts at all.
import { Resvg } from "@resvg/resvg-js";

/** An SVG drawn once: its PNG bytes and its share of lit pixels come from the same raster. */
export function rasterize(svg: string): { png(): Buffer; litRatio(): number } {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return {
    png: () => image.asPng(),
    // The share of pixels that are lit (not pure black): what an OLED screen burns.
    litRatio: () => {
      const pixels = image.pixels;
      let lit = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 0 || pixels[i + 1] > 0 || pixels[i + 2] > 0) lit++;
      return Math.round((lit / (pixels.length / 4)) * 10000) / 10000;
    },
  };
}

/** Renders an SVG document to PNG bytes at its own size. */
export function svgToPng(svg: string): Buffer {
  return rasterize(svg).png();
}
