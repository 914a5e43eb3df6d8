// The contrast check: each visible mark's colour against what is actually behind it, as WCAG 2
// measures contrast (relative luminance, (L1 + 0.05) / (L2 + 0.05)). Floors: 4.5:1 for text,
// 3:1 for data marks (arcs, glyph images, and rects, circles and lines that have an id and are not
// a background). "Behind" is worked out the way the screen is painted: the topmost earlier filled
// rect, circle, arc or svg viewport that covers the mark's sample point, each blended by its
// opacity over what was behind it; the screen is black below everything.

export type Rgb = [number, number, number];

const NAMED: { [name: string]: Rgb } = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
};

/** `#rgb`, `#rrggbb` or a basic colour name; null for what the check cannot know (fb-* names, none). */
export function parseColour(value: string | undefined): Rgb | null {
  if (value === undefined) return null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  return NAMED[value.trim().toLowerCase()] ?? null;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` at `opacity` over `below`. */
export function blend(top: Rgb, opacity: number, below: Rgb): Rgb {
  return top.map((c, i) => Math.round(c * opacity + below[i] * (1 - opacity))) as Rgb;
}

/** A painted area that can be behind a mark. */
export type Region =
  | { kind: "rect"; x1: number; y1: number; x2: number; y2: number; colour: Rgb }
  | { kind: "circle"; cx: number; cy: number; r: number; colour: Rgb }
  | { kind: "arc"; cx: number; cy: number; r: number; width: number; start: number; sweep: number; colour: Rgb };

function angleOf(cx: number, cy: number, x: number, y: number): number {
  // 0° = 12 o'clock, clockwise, as Fitbit arcs
  return ((Math.atan2(y - cy, x - cx) * 180) / Math.PI + 90 + 360) % 360;
}

function covers(region: Region, x: number, y: number): boolean {
  if (region.kind === "rect") return x >= region.x1 && x <= region.x2 && y >= region.y1 && y <= region.y2;
  const distance = Math.hypot(x - region.cx, y - region.cy);
  if (region.kind === "circle") return distance <= region.r;
  if (Math.abs(distance - region.r) > region.width / 2) return false;
  if (Math.abs(region.sweep) >= 360) return true;
  const from = region.sweep >= 0 ? region.start : region.start + region.sweep;
  const along = (angleOf(region.cx, region.cy, x, y) - from + 720) % 360;
  return along <= Math.abs(region.sweep);
}

/** The colour painted at a point so far (black below everything). */
export function colourAt(regions: Region[], x: number, y: number): Rgb {
  for (let i = regions.length - 1; i >= 0; i--) if (covers(regions[i], x, y)) return regions[i].colour;
  return [0, 0, 0];
}

/** One checked mark: its id, the floor it must meet, and what it measured. */
export interface Mark {
  id: string;
  kind: "text" | "mark";
  ratio: number;
  floor: number;
}

export const TEXT_FLOOR = 4.5;
export const MARK_FLOOR = 3;

/** Measures a mark of `colour` at `opacity` whose sample point is (x, y); none at opacity 0 (unseen). */
export function measure(
  regions: Region[],
  id: string,
  kind: "text" | "mark",
  colour: Rgb,
  opacity: number,
  x: number,
  y: number,
): Mark | null {
  if (opacity <= 0) return null;
  const behind = colourAt(regions, x, y);
  const shown = blend(colour, opacity, behind);
  return {
    id,
    kind,
    ratio: Math.round(contrastRatio(shown, behind) * 100) / 100,
    floor: kind === "text" ? TEXT_FLOOR : MARK_FLOOR,
  };
}
