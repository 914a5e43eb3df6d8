// The layout check: every pair of drawn text and image boxes that intersect, and every box that
// leaves the visible screen, a 336×336 square with rounded corners (sim/README.md: the radius and
// where it comes from). Boxes are ink boxes (fonts.ts), so glyphs that merely share a line height
// do not count; two boxes must keep GAP pixels between them.
import { SCREEN_SIZE } from "../watch/device";
import { Box } from "./fonts";
import { DrawnBox } from "./document-to-svg";

/** The corner radius of the visible screen, in pixels (an estimate: sim/README.md). */
export const CORNER_RADIUS = 72;
/** Pixels two drawn boxes must keep between them. */
const GAP = 1;

/** A pair that collides: two ids, or an id and "screen" for a box that leaves the screen. */
export type Overlap = [string, string];

function intersect(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}

/** Whether a point is on the visible screen (inside the rounded square). */
export function onScreen(x: number, y: number, size = SCREEN_SIZE, radius = CORNER_RADIUS): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function leavesScreen(b: Box): boolean {
  // The visible area is convex, so a box is inside when its four corners are.
  return ![
    [b.x1, b.y1],
    [b.x2, b.y1],
    [b.x1, b.y2],
    [b.x2, b.y2],
  ].every(([x, y]) => onScreen(x, y));
}

/**
 * Every colliding pair, in drawing order, and every box that leaves the visible area (by default
 * the watch's rounded screen; the settings page passes its column).
 */
export function findOverlaps(boxes: DrawnBox[], leaves: (box: Box) => boolean = leavesScreen): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < boxes.length; i++) {
    if (leaves(boxes[i].box)) out.push([boxes[i].id, "screen"]);
    for (let j = i + 1; j < boxes.length; j++)
      if (intersect(boxes[i].box, boxes[j].box)) out.push([boxes[i].id, boxes[j].id]);
  }
  return out;
}
