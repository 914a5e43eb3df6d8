// The layout check: every pair of drawn text and image boxes that intersect, and every box that
// leaves the visible screen, a rectangle with rounded corners as the target's device says
// (devices.ts; README "Devices": the radius and where it comes from). Boxes are ink boxes (fonts.ts), so glyphs that merely share a line height
// do not count; two boxes must keep GAP pixels between them.
import { Screen } from "../devices";
import { Box } from "./fonts";
import { DrawnBox } from "./document-to-svg";

/** Pixels two drawn boxes must keep between them. */
const GAP = 1;

/** A pair that collides: two ids, or an id and "screen" for a box that leaves the screen. */
export type Overlap = [string, string];

function intersect(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}

/** Whether a point is on the visible screen (inside the rounded square). */
export function onScreen(x: number, y: number, screen: Screen): boolean {
  const { width, height, cornerRadius: radius } = screen;
  if (x < 0 || y < 0 || x > width || y > height) return false;
  const cx = Math.min(Math.max(x, radius), width - radius);
  const cy = Math.min(Math.max(y, radius), height - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Whether a box leaves the visible screen (convex, so a box is inside when its four corners are). */
export function leavesScreen(screen: Screen): (b: Box) => boolean {
  return (b) =>
    ![
      [b.x1, b.y1],
      [b.x2, b.y1],
      [b.x1, b.y2],
      [b.x2, b.y2],
    ].every(([x, y]) => onScreen(x, y, screen));
}

/**
 * Every colliding pair, in drawing order, and every box that leaves the visible area (the watch's
 * screen: `leavesScreen(screen)`; the settings page passes its column).
 */
export function findOverlaps(boxes: DrawnBox[], leaves: (box: Box) => boolean): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < boxes.length; i++) {
    if (leaves(boxes[i].box)) out.push([boxes[i].id, "screen"]);
    for (let j = i + 1; j < boxes.length; j++)
      if (intersect(boxes[i].box, boxes[j].box)) out.push([boxes[i].id, boxes[j].id]);
  }
  return out;
}
