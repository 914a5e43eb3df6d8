// Draws the face's glyphs (resources/glyphs/*.png) from the vector shapes below as 8-bit greyscale
// PNGs, white shape on black. The build turns a greyscale PNG into an A8 texture whose grey is the
// coverage (@fitbit/sdk convertImageToTXI), which the watch draws in the element's `fill`: one set
// of glyphs serves every theme.
// Run `npm run glyphs` after changing a shape; the PNGs are committed (the build ships them).
import { Resvg } from "@resvg/resvg-js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

/** Each glyph on a 24×24 grid, in white. */
export const GLYPHS: Record<string, string> = {
  // two footprints
  steps:
    '<ellipse cx="7.5" cy="7.5" rx="3.8" ry="5.6"/><ellipse cx="7.5" cy="16.6" rx="2.9" ry="2.3"/>' +
    '<ellipse cx="16.5" cy="10.5" rx="3.8" ry="5.6"/><ellipse cx="16.5" cy="19.6" rx="2.9" ry="2.3"/>',
  // a crescent moon
  sleep: '<path d="M14.5 2.5A9.5 9.5 0 1 0 21.5 16A7.8 7.8 0 0 1 14.5 2.5Z"/>',
  // a small crescent and a "z": a nap, not the night's main sleep
  nap:
    '<path d="M11 6A7.5 7.5 0 1 0 17 17A6 6 0 0 1 11 6Z"/>' +
    '<path d="M15 2.5h6.5v1.8l-4 4.4h4v1.8h-6.5v-1.8l4-4.4h-4Z"/>',
  heart:
    '<path d="M12 21.3l-1.5-1.3C5.2 15.2 2 12.3 2 8.6 2 5.6 4.4 3.3 7.3 3.3c1.8 0 3.5.8 4.7 2.1 1.2-1.3 2.9-2.1 4.7-2.1 3 0 5.3 2.3 5.3 5.3 0 3.7-3.2 6.6-8.5 11.4Z"/>',
  // active zone minutes: a lightning bolt
  azm: '<path d="M13.5 1.5L4 13.5h6.5L9 22.5l11-13.5h-6.8Z"/>',
  calories:
    '<path d="M12.5 1.5c.6 3.4-1.2 5.4-3 7.4C7.7 10.9 6 13 6 15.8 6 19.4 8.7 22.5 12 22.5s6-3 6-6.5c0-3.1-1.6-5-2.8-6.3.1 1.9-.6 3.1-1.7 3.6.4-4.2-.5-8.6-1-11.8Z"/>',
  distance:
    '<path d="M12 1.5a7 7 0 0 0-7 7c0 5.2 7 14 7 14s7-8.8 7-14a7 7 0 0 0-7-7Zm0 4.2a2.8 2.8 0 1 1 0 5.6 2.8 2.8 0 0 1 0-5.6Z"/>',
  floors: '<path d="M2.5 21.5v-4.2h4.8v-4.6h4.8V8.1h4.8V3.5h4.6v4.2h-2.6v4.6h-4.8v4.6H10.1v4.6Z"/>',
};

/** The sizes the view draws them at (px). */
const SIZE = 20;

/** Renders one glyph as its coverage: white on black, written as greyscale (colour type 0). */
export function renderGlyph(shape: string, size = SIZE): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24"><rect width="24" height="24" fill="#000000"/><g fill="#ffffff">${shape}</g></svg>`;
  const rgba = new Resvg(svg).render();
  const png = new PNG({ width: rgba.width, height: rgba.height });
  png.data = Buffer.from(rgba.pixels);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 6 });
}

function main(): void {
  const folder = join(__dirname, "..", "resources", "glyphs");
  mkdirSync(folder, { recursive: true });
  for (const [name, shape] of Object.entries(GLYPHS)) {
    writeFileSync(join(folder, `${name}.png`), renderGlyph(shape));
    console.log(`resources/glyphs/${name}.png`);
  }
}

if (require.main === module) main();
