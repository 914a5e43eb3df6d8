// Serializes the live emulated document to standard SVG, converting Fitbit-only elements:
// `arc` (0° = 12 o'clock, clockwise: fitbit-os.md §2.2) becomes a stroked path, `line` takes its
// colour from `fill`, System-* fonts map to the bundled font.
import { ViewElement } from "../watch/view-element";

export const SCREEN_SIZE = 336;

const FONTS: Record<string, { family: string; weight: string }> = {
  "System-Regular": { family: "DejaVu Sans Condensed", weight: "normal" },
  "System-Bold": { family: "DejaVu Sans Condensed", weight: "bold" },
  "System-Light": { family: "DejaVu Sans", weight: "200" },
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

function paint(el: ViewElement): Record<string, string | undefined> {
  return { fill: el.value("fill") ?? "black", opacity: el.value("opacity") ?? el.value("fill-opacity") };
}

function point(cx: number, cy: number, r: number, degrees: number): string {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return `${(cx + r * Math.cos(radians)).toFixed(2)} ${(cy + r * Math.sin(radians)).toFixed(2)}`;
}

/** An arc as a stroked SVG path inside its x/y/width/height box. */
export function arcToPath(el: ViewElement): string {
  const width = el.numeric("width");
  const height = el.numeric("height");
  const arcWidth = Number(el.value("arc-width") ?? 1);
  const start = Number(el.value("start-angle") ?? 0);
  const sweep = Math.max(-360, Math.min(360, Number(el.value("sweep-angle") ?? 0)));
  if (sweep === 0 || width <= 0) return "";
  const cx = el.numeric("x") + width / 2;
  const cy = el.numeric("y") + height / 2;
  const r = Math.min(width, height) / 2 - arcWidth / 2;
  const stroke = {
    stroke: el.value("fill") ?? "black",
    "stroke-width": arcWidth,
    fill: "none",
    opacity: el.value("opacity"),
  };
  if (Math.abs(sweep) >= 360) return `<circle${attrs({ cx, cy, r, ...stroke })}/>`;
  const large = Math.abs(sweep) > 180 ? 1 : 0;
  const clockwise = sweep > 0 ? 1 : 0;
  const d = `M ${point(cx, cy, r, start)} A ${r} ${r} 0 ${large} ${clockwise} ${point(cx, cy, r, start + sweep)}`;
  return `<path${attrs({ d, ...stroke, "stroke-linecap": el.value("arc-cap") === "round" ? "round" : "butt" })}/>`;
}

function textToSvg(el: ViewElement): string {
  const font = FONTS[el.value("font-family") ?? "System-Regular"] ?? FONTS["System-Regular"];
  const weight = el.value("font-weight") === "bold" ? "bold" : font.weight;
  const anchor = el.value("text-anchor") ?? "start";
  return `<text${attrs({
    x: el.numeric("x"),
    y: el.numeric("y"),
    "font-family": font.family,
    "font-weight": weight,
    "font-size": el.value("font-size") ?? 24,
    "text-anchor": anchor,
    "letter-spacing": el.value("letter-spacing"),
    ...paint(el),
  })}>${escapeXml(el.text)}</text>`;
}

function elementToSvg(el: ViewElement): string {
  if (el.value("display") === "none" || el.value("visibility") === "hidden") return "";
  const inner = (): string => el.children.map(elementToSvg).join("");
  switch (el.type) {
    case "svg": {
      const box = {
        x: el.numeric("x"),
        y: el.numeric("y"),
        width: el.value("width") === undefined ? SCREEN_SIZE : el.numeric("width"),
        height: el.value("height") === undefined ? SCREEN_SIZE : el.numeric("height"),
      };
      const fill = el.value("viewport-fill");
      const background = fill === undefined ? "" : `<rect${attrs({ width: "100%", height: "100%", fill })}/>`;
      return `<svg${attrs({ ...box, overflow: "hidden" })}>${background}${inner()}</svg>`;
    }
    case "g":
    case "section":
      return `<g${attrs({ opacity: el.value("opacity") })}>${inner()}</g>`;
    case "rect":
      return `<rect${attrs({ x: el.numeric("x"), y: el.numeric("y"), width: el.numeric("width"), height: el.numeric("height"), rx: el.value("rx"), ...paint(el) })}/>`;
    case "circle":
      return `<circle${attrs({ cx: el.numeric("cx"), cy: el.numeric("cy"), r: el.numeric("r"), ...paint(el) })}/>`;
    case "line":
      return `<line${attrs({ x1: el.numeric("x1"), y1: el.numeric("y1"), x2: el.numeric("x2"), y2: el.numeric("y2"), stroke: el.value("fill") ?? "black", "stroke-width": el.value("stroke-width") ?? 1, opacity: el.value("opacity") })}/>`;
    case "arc":
      return arcToPath(el);
    case "text":
    case "textarea":
      return textToSvg(el);
    default:
      return inner();
  }
}

/** The whole screen as an SVG document of 336×336. */
export function documentToSvg(root: ViewElement): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SCREEN_SIZE}" height="${SCREEN_SIZE}" viewBox="0 0 ${SCREEN_SIZE} ${SCREEN_SIZE}"><rect width="100%" height="100%" fill="black"/>${elementToSvg(root)}</svg>`;
}
