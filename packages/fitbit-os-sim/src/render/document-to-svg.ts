// Serializes the live emulated document to standard SVG, converting Fitbit-only elements:
// `arc` (0° = 12 o'clock, clockwise: docs/reference/fitbit-os.md §2.2) becomes a stroked path, `line` takes its
// colour from `fill`, text is drawn as glyph outlines (fonts.ts) and `image` from the
// bundle's own `.png.txi` (txi.ts; A8 textures take the element's fill). Along the way
// it records the drawn box of every visible text and image, for the layout check, and measures
// each mark's contrast against what is painted behind it (contrast.ts).
import { PNG } from "pngjs";
import { ViewElement } from "../watch/view-element";
import { Box, outlineText, weightOf } from "./fonts";
import { decodeTxi } from "./txi";
import { Mark, measure, parseColour, Region, blend, colourAt } from "./contrast";

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

/** An arc's centre, stroke radius and width, and angles (null when it draws nothing). */
function arcGeometry(el: ViewElement) {
  const width = el.numeric("width");
  const height = el.numeric("height");
  const sweep = Math.max(-360, Math.min(360, Number(el.value("sweep-angle") ?? 0)));
  if (sweep === 0 || width <= 0) return null;
  const arcWidth = Number(el.value("arc-width") ?? 1);
  return {
    cx: el.numeric("x") + width / 2,
    cy: el.numeric("y") + height / 2,
    r: Math.min(width, height) / 2 - arcWidth / 2,
    arcWidth,
    start: Number(el.value("start-angle") ?? 0),
    sweep,
  };
}

/** An arc as a stroked SVG path inside its x/y/width/height box. */
export function arcToPath(el: ViewElement): string {
  const arc = arcGeometry(el);
  if (arc === null) return "";
  const { cx, cy, r, arcWidth, start, sweep } = arc;
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

/** A drawn text or image: its id (or type and position in the tree) and its box on screen. */
export interface DrawnBox {
  id: string;
  box: Box;
}

/** What drawing needs besides the tree: the bundle's files, and where boxes and problems go. */
interface Drawing {
  files: Map<string, Buffer>;
  boxes: DrawnBox[];
  problems: string[];
  /** The offset of the current nested svg. */
  dx: number;
  dy: number;
  counter: number;
  /** What is painted so far, for the contrast check. */
  regions: Region[];
  marks: Mark[];
  /** The font sizes of the texts drawn. */
  textSizes: number[];
}

/** The element's opacity times its ancestors'. */
function opacityOf(el: ViewElement): number {
  let result = 1;
  for (let node: ViewElement | null = el; node !== null; node = node.parent) {
    const own = Number(node.value("opacity") ?? 1);
    if (Number.isFinite(own)) result *= Math.max(0, Math.min(1, own));
  }
  return result;
}

/** Adds a painted area (its colour blended over what was behind its middle). */
function paintRegion(d: Drawing, el: ViewElement, region: Region, x: number, y: number): void {
  const colour = region.colour;
  d.regions.push({ ...region, colour: blend(colour, opacityOf(el), colourAt(d.regions, x, y)) });
}

/** Records a measured mark (measure gives none for one drawn at opacity 0: a hit area is not seen). */
function addMark(d: Drawing, mark: Mark | null): void {
  if (mark !== null) d.marks.push(mark);
}

/** Whether a rect, circle or line is a data mark: it has an id and is not a background. */
function isDataMark(el: ViewElement, width: number, height: number): boolean {
  return el.id !== "" && width * height < (el.screen.width * el.screen.height) / 4;
}

function label(el: ViewElement, d: Drawing): string {
  d.counter += 1;
  return el.id !== "" ? el.id : `${el.type}#${d.counter}`;
}

function textToSvg(el: ViewElement, d: Drawing): string {
  const anchor = el.value("text-anchor");
  const outline = outlineText(
    el.text,
    el.numeric("x"),
    el.numeric("y"),
    Number(el.value("font-size") ?? 24),
    weightOf(el.value("font-family"), el.value("font-weight")),
    anchor === "middle" || anchor === "end" ? anchor : "start",
  );
  const id = label(el, d);
  if (outline.box === null) return "";
  const b = outline.box;
  d.boxes.push({ id, box: { x1: b.x1 + d.dx, y1: b.y1 + d.dy, x2: b.x2 + d.dx, y2: b.y2 + d.dy } });
  d.textSizes.push(Number(el.value("font-size") ?? 24));
  const colour = parseColour(el.value("fill") ?? "black");
  if (colour !== null)
    addMark(
      d,
      measure(d.regions, id, "text", colour, opacityOf(el), (b.x1 + b.x2) / 2 + d.dx, (b.y1 + b.y2) / 2 + d.dy),
    );
  return `<path${attrs({ d: outline.d, ...paint(el) })}/>`;
}

function imageToSvg(el: ViewElement, d: Drawing): string {
  const id = label(el, d);
  const href = el.href;
  const file = d.files.get(`resources/${href}.txi`) ?? d.files.get(`resources/${href.replace(/\.png$/, "")}.png.txi`);
  // An image without an href draws nothing, as on the watch.
  if (href === "") return "";
  // JPEGs stay JPEGs in the bundle (the watch decodes them).
  const jpeg = /\.jpe?g$/i.test(href) ? d.files.get(`resources/${href}`) : undefined;
  if (jpeg !== undefined) return jpegToSvg(el, id, jpeg, d);
  if (file === undefined) {
    d.problems.push(`watch: <image id="${id}"> names ${href}, which the bundle does not have`);
    return "";
  }
  let texture;
  try {
    texture = decodeTxi(file);
  } catch (error) {
    d.problems.push(`watch: <image id="${id}"> ${href}: ${error instanceof Error ? error.message : String(error)}`);
    return "";
  }
  const png = new PNG({ width: texture.width, height: texture.height });
  // A glyph takes its fill as texts do (contrast.ts reads colours); one it cannot read draws white.
  const tint = parseColour(el.value("fill")) ?? [255, 255, 255];
  for (let i = 0; i < texture.width * texture.height; i++) {
    const px = texture.rgba.subarray(i * 4, i * 4 + 4);
    png.data.set(texture.mask ? [...tint, px[3]] : px, i * 4);
  }
  const box = placeImage(el, id, texture, d);
  // A glyph (a greyscale image drawn in its fill) is a data mark.
  if (texture.mask)
    addMark(
      d,
      measure(d.regions, id, "mark", tint, opacityOf(el), box.x + box.width / 2 + d.dx, box.y + box.height / 2 + d.dy),
    );
  const data = `data:image/png;base64,${PNG.sync.write(png).toString("base64")}`;
  return `<image${attrs({ ...box, href: data, opacity: el.value("opacity") })}/>`;
}

/** An image's box (its natural size unless the view gives one), recorded for the layout check. */
function placeImage(
  el: ViewElement,
  id: string,
  natural: { width: number; height: number },
  d: Drawing,
): { x: number; y: number; width: number; height: number } {
  const box = {
    x: el.numeric("x"),
    y: el.numeric("y"),
    width: el.value("width") === undefined ? natural.width : el.numeric("width"),
    height: el.value("height") === undefined ? natural.height : el.numeric("height"),
  };
  d.boxes.push({
    id,
    box: { x1: box.x + d.dx, y1: box.y + d.dy, x2: box.x + box.width + d.dx, y2: box.y + box.height + d.dy },
  });
  return box;
}

/** A JPEG's size from its first start-of-frame marker, or null when it has none. */
export function jpegSize(data: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < data.length && data[at] === 0xff) {
    const marker = data[at + 1];
    const length = data.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

function jpegToSvg(el: ViewElement, id: string, data: Buffer, d: Drawing): string {
  const size = jpegSize(data);
  if (size === null) {
    d.problems.push(`watch: <image id="${id}"> ${el.href}: not a JPEG the simulator can read`);
    return "";
  }
  const box = placeImage(el, id, size, d);
  const href = `data:image/jpeg;base64,${data.toString("base64")}`;
  return `<image${attrs({ ...box, href, opacity: el.value("opacity") })}/>`;
}

function noteRect(el: ViewElement, d: Drawing): void {
  const colour = parseColour(el.value("fill") ?? "black");
  const [w, h] = [el.numeric("width"), el.numeric("height")];
  if (colour === null || w <= 0 || h <= 0) return;
  const [x1, y1] = [el.numeric("x") + d.dx, el.numeric("y") + d.dy];
  if (isDataMark(el, w, h))
    addMark(d, measure(d.regions, el.id, "mark", colour, opacityOf(el), x1 + w / 2, y1 + h / 2));
  paintRegion(d, el, { kind: "rect", x1, y1, x2: x1 + w, y2: y1 + h, colour }, x1 + w / 2, y1 + h / 2);
}

function noteCircle(el: ViewElement, d: Drawing): void {
  const colour = parseColour(el.value("fill") ?? "black");
  const r = el.numeric("r");
  if (colour === null || r <= 0) return;
  const [cx, cy] = [el.numeric("cx") + d.dx, el.numeric("cy") + d.dy];
  if (isDataMark(el, 2 * r, 2 * r)) addMark(d, measure(d.regions, el.id, "mark", colour, opacityOf(el), cx, cy));
  paintRegion(d, el, { kind: "circle", cx, cy, r, colour }, cx, cy);
}

function noteLine(el: ViewElement, d: Drawing): void {
  const colour = parseColour(el.value("fill") ?? "black");
  if (colour === null || el.id === "") return;
  const x = (el.numeric("x1") + el.numeric("x2")) / 2 + d.dx;
  const y = (el.numeric("y1") + el.numeric("y2")) / 2 + d.dy;
  addMark(d, measure(d.regions, el.id, "mark", colour, opacityOf(el), x, y));
}

/** An arc is a data mark (a gauge, its track): measured at the middle of its stroke. */
function noteArc(el: ViewElement, d: Drawing): void {
  const colour = parseColour(el.value("fill") ?? "black");
  const arc = arcGeometry(el);
  if (colour === null || arc === null) return;
  const { r, arcWidth, start, sweep } = arc;
  const [cx, cy] = [arc.cx + d.dx, arc.cy + d.dy];
  const middle = ((start + sweep / 2 - 90) * Math.PI) / 180;
  const [x, y] = [cx + r * Math.cos(middle), cy + r * Math.sin(middle)];
  addMark(
    d,
    measure(
      d.regions,
      el.id !== "" ? el.id : `arc@${Math.round(x)},${Math.round(y)}`,
      "mark",
      colour,
      opacityOf(el),
      x,
      y,
    ),
  );
  paintRegion(d, el, { kind: "arc", cx, cy, r, width: arcWidth, start, sweep, colour }, x, y);
}

function elementToSvg(el: ViewElement, d: Drawing): string {
  if (el.value("display") === "none" || el.value("visibility") === "hidden") return "";
  const inner = (): string => el.children.map((child) => elementToSvg(child, d)).join("");
  switch (el.type) {
    case "svg": {
      const box = {
        x: el.numeric("x"),
        y: el.numeric("y"),
        width: el.value("width") === undefined ? el.screen.width : el.numeric("width"),
        height: el.value("height") === undefined ? el.screen.height : el.numeric("height"),
      };
      const fill = el.value("viewport-fill");
      const background = fill === undefined ? "" : `<rect${attrs({ width: "100%", height: "100%", fill })}/>`;
      const viewport = parseColour(fill);
      if (viewport !== null) {
        const [x1, y1] = [box.x + d.dx, box.y + d.dy];
        const region: Region = { kind: "rect", x1, y1, x2: x1 + box.width, y2: y1 + box.height, colour: viewport };
        paintRegion(d, el, region, x1 + box.width / 2, y1 + box.height / 2);
      }
      d.dx += box.x;
      d.dy += box.y;
      const content = inner();
      d.dx -= box.x;
      d.dy -= box.y;
      // A nested svg does not clip what it holds (a gallery face draws 125 px digits on its y=0 baseline).
      return `<svg${attrs({ ...box, overflow: "visible" })}>${background}${content}</svg>`;
    }
    case "g":
    case "section":
      return `<g${attrs({ opacity: el.value("opacity") })}>${inner()}</g>`;
    case "rect":
      noteRect(el, d);
      return `<rect${attrs({ x: el.numeric("x"), y: el.numeric("y"), width: el.numeric("width"), height: el.numeric("height"), rx: el.value("rx"), ...paint(el) })}/>`;
    case "circle":
      noteCircle(el, d);
      return `<circle${attrs({ cx: el.numeric("cx"), cy: el.numeric("cy"), r: el.numeric("r"), ...paint(el) })}/>`;
    case "line":
      noteLine(el, d);
      return `<line${attrs({ x1: el.numeric("x1"), y1: el.numeric("y1"), x2: el.numeric("x2"), y2: el.numeric("y2"), stroke: el.value("fill") ?? "black", "stroke-width": el.value("stroke-width") ?? 1, opacity: el.value("opacity") })}/>`;
    case "arc":
      noteArc(el, d);
      return arcToPath(el);
    case "image":
      return imageToSvg(el, d);
    case "text":
    case "textarea":
      return textToSvg(el, d);
    default:
      return inner();
  }
}

/** The drawn screen: the SVG, the boxes of visible texts and images, and drawing problems. */
export interface RenderedScreen {
  svg: string;
  boxes: DrawnBox[];
  problems: string[];
  /** Every measured mark (text and data marks), in drawing order. */
  marks: Mark[];
  /** The smallest font size drawn (null when no text is). */
  minTextPx: number | null;
}

/** The whole screen as an SVG document of the watch's size, drawn with the bundle's resources. */
export function renderDocument(root: ViewElement, files: Map<string, Buffer>): RenderedScreen {
  const d: Drawing = {
    files,
    boxes: [],
    problems: [],
    dx: 0,
    dy: 0,
    counter: 0,
    regions: [],
    marks: [],
    textSizes: [],
  };
  const content = elementToSvg(root, d);
  const { width, height } = root.screen;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="black"/>${content}</svg>`;
  const minTextPx = d.textSizes.length === 0 ? null : Math.min(...d.textSizes);
  return { svg, boxes: d.boxes, problems: d.problems, marks: d.marks, minTextPx };
}
