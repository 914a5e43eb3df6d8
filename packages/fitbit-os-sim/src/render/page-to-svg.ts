// The settings page as the Fitbit app draws it, roughly: a phone-width column on a light grey
// ground, each Section a bold title over a white card, one row per component (Select: label left,
// chosen value right; Button and Oauth: a row in the accent colour; ColorSelect: a row of
// swatches, the picked one ringed; Text: wrapped paragraphs).
// Text is laid out with the same outlines as the watch screens, and the same layout check runs
// on the result (rows whose parts collide, text that leaves the column).
import { PageNode } from "../phone/settings-page";
import { Box, outlineText, textWidth, Weight } from "./fonts";
import { DrawnBox } from "./document-to-svg";
import { findOverlaps, Overlap } from "./layout-check";

export const PAGE_WIDTH = 360;
const MARGIN = 16;
const PAD = 14;
const BODY = 15;
const LINE = 21;
const ACCENT = "#00a3ad";
const INK = "#1d1d1f";
const GREY = "#6e6e73";

interface Layout {
  y: number;
  parts: string[];
  boxes: DrawnBox[];
  counter: number;
}

/** All text inside a node, as the component would show it. */
function textOf(node: PageNode | null | undefined): string {
  if (node === null || node === undefined) return "";
  if (node.type === "#text") return String(node.props.value);
  return node.children.map(textOf).join("");
}

function isNode(value: unknown): value is PageNode {
  return value !== null && typeof value === "object" && "type" in value;
}

/** Words, spaces, and each CJK character on its own (Japanese breaks between any two). */
const TOKENS = /\s+|[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+/g;

/** Greedy word wrap; Japanese wraps between characters. */
export function wrap(text: string, width: number, size: number, weight: Weight): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = paragraph.match(TOKENS) ?? [];
    let line = "";
    for (const word of words) {
      const next = line + word;
      if (line.trim() !== "" && textWidth(next.trimEnd(), size, weight) > width) {
        lines.push(line.trimEnd());
        line = word.trimStart();
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

function drawText(
  l: Layout,
  text: string,
  x: number,
  baseline: number,
  options: { size?: number; weight?: Weight; fill?: string; anchor?: "start" | "end" | "middle" } = {},
): void {
  const outline = outlineText(
    text,
    x,
    baseline,
    options.size ?? BODY,
    options.weight ?? "regular",
    options.anchor ?? "start",
  );
  l.counter += 1;
  if (outline.box === null) return;
  l.boxes.push({ id: `${text.slice(0, 24)}#${l.counter}`, box: outline.box });
  l.parts.push(`<path d="${outline.d}" fill="${options.fill ?? INK}"/>`);
}

function separator(l: Layout): void {
  l.parts.push(
    `<rect x="${MARGIN + PAD}" y="${l.y}" width="${PAGE_WIDTH - 2 * MARGIN - PAD}" height="1" fill="#e5e5ea"/>`,
  );
}

/** Display name of a Select's stored choice (the first option when nothing is stored yet). */
function chosen(node: PageNode, settings: Record<string, string>): string {
  const options = Array.isArray(node.props.options) ? (node.props.options as Array<{ name?: unknown }>) : [];
  const key = typeof node.props.settingsKey === "string" ? node.props.settingsKey : "";
  try {
    const stored = JSON.parse(settings[key] ?? "null") as {
      selected?: number[];
      values?: Array<{ name?: unknown }>;
    } | null;
    const name = stored?.values?.[0]?.name ?? options[stored?.selected?.[0] ?? -1]?.name;
    if (typeof name === "string") return name;
  } catch {
    // an unreadable stored value shows like an unset one
  }
  return typeof options[0]?.name === "string" ? options[0].name : "";
}

/** Which swatch of a ColorSelect is picked: the stored JSON string is a swatch's value or colour (else the first). */
function pickedSwatch(
  node: PageNode,
  settings: Record<string, string>,
  colors: Array<{ color?: unknown; value?: unknown }>,
): number {
  const key = typeof node.props.settingsKey === "string" ? node.props.settingsKey : "";
  try {
    const stored: unknown = JSON.parse(settings[key] ?? "null");
    const index = colors.findIndex((c) => c.value === stored || c.color === stored);
    return Math.max(0, index);
  } catch {
    return 0;
  }
}

function row(l: Layout, node: PageNode, settings: Record<string, string>): void {
  const left = MARGIN + PAD;
  const right = PAGE_WIDTH - MARGIN - PAD;
  switch (node.type) {
    case "Text":
    case "#text": {
      const bold = node.props.bold === true;
      const lines = wrap(textOf(node), right - left, BODY, bold ? "bold" : "regular");
      l.y += 12;
      for (const line of lines) {
        l.y += LINE;
        drawText(l, line, left, l.y - 5, { weight: bold ? "bold" : "regular" });
      }
      l.y += 12;
      return;
    }
    case "Select":
    case "Toggle":
    case "TextInput": {
      l.y += 46;
      drawText(l, typeof node.props.label === "string" ? node.props.label : "", left, l.y - 18);
      const value = node.type === "Select" ? chosen(node, settings) : "";
      drawText(l, value, right, l.y - 18, { fill: GREY, anchor: "end" });
      return;
    }
    case "ColorSelect": {
      // A row of swatches; the picked one is ringed.
      const colors = Array.isArray(node.props.colors)
        ? (node.props.colors as Array<{ color?: unknown; value?: unknown }>)
        : [];
      const picked = pickedSwatch(node, settings, colors);
      l.y += 52;
      colors.forEach((c, i) => {
        const [cx, cy] = [left + 18 + i * 44, l.y - 26];
        const fill = typeof c.color === "string" ? c.color.replace(/[^#\w]/g, "") : "#000000";
        if (i === picked)
          l.parts.push(`<circle cx="${cx}" cy="${cy}" r="19" fill="none" stroke="${GREY}" stroke-width="2"/>`);
        l.parts.push(`<circle cx="${cx}" cy="${cy}" r="15" fill="${fill}"/>`);
      });
      return;
    }
    case "Button":
    case "Oauth":
    case "Link": {
      const label = typeof node.props.label === "string" ? node.props.label : textOf(node);
      l.y += 46;
      drawText(l, label, left, l.y - 18, { fill: ACCENT, weight: "bold" });
      return;
    }
    default:
      for (const child of node.children) row(l, child, settings);
  }
}

function section(l: Layout, node: PageNode, settings: Record<string, string>): void {
  const title = isNode(node.props.title)
    ? textOf(node.props.title)
    : typeof node.props.title === "string"
      ? node.props.title
      : "";
  if (title !== "") {
    l.y += 30;
    drawText(l, title.toUpperCase(), MARGIN + 4, l.y - 8, { size: 13, weight: "bold", fill: GREY });
  }
  const top = l.y;
  const card = l.parts.length;
  node.children.forEach((child, i) => {
    if (i > 0) separator(l);
    row(l, child, settings);
  });
  l.parts.splice(
    card,
    0,
    `<rect x="${MARGIN}" y="${top}" width="${PAGE_WIDTH - 2 * MARGIN}" height="${l.y - top}" rx="10" fill="#ffffff"/>`,
  );
  l.y += 8;
}

/** A text box outside the card column, between the page's margins. */
function leavesColumn(b: Box): boolean {
  return b.x1 < MARGIN || b.x2 > PAGE_WIDTH - MARGIN;
}

/** The page as an SVG PAGE_WIDTH wide, as tall as its content, with its layout check. */
export function renderPage(
  tree: PageNode | null,
  settings: Record<string, string>,
): { svg: string; overlaps: Overlap[] } {
  const l: Layout = { y: 8, parts: [], boxes: [], counter: 0 };
  for (const node of tree?.children ?? []) {
    if (node.type === "Section") section(l, node, settings);
    else row(l, node, settings);
  }
  const height = Math.ceil(l.y + 16);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${height}" viewBox="0 0 ${PAGE_WIDTH} ${height}"><rect width="100%" height="100%" fill="#f2f2f7"/>${l.parts.join("")}</svg>`;
  return { svg, overlaps: findOverlaps(l.boxes, leavesColumn) };
}
