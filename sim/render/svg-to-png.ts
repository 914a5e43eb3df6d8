// SVG → PNG with resvg (a pure npm package with a prebuilt binary) and the DejaVu fonts shipped
// by the dejavu-fonts-ttf package (Noto Sans JP for Japanese), so no browser or system font is needed.
import { Resvg } from "@resvg/resvg-js";
import { dirname, join } from "node:path";

function fontFiles(): string[] {
  const folder = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const dejavu = [
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-ExtraLight.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
  ].map((f) => join(folder, f));
  // Noto Sans JP is the fallback for the Japanese glyphs DejaVu lacks (ja-JP screens).
  const noto = dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));
  return [
    ...dejavu,
    join(noto, "400Regular", "NotoSansJP_400Regular.ttf"),
    join(noto, "700Bold", "NotoSansJP_700Bold.ttf"),
  ];
}

/** Renders an SVG document to PNG bytes at its own size. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans Condensed" },
  });
  return resvg.render().asPng();
}
