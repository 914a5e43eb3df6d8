// An element of the emulated `document` (docs/reference/fitbit-os.md §2.2). Values resolve as: set from JS,
// else the view's attribute, else the stylesheet (README "What is emulated").
import { textWidth, weightOf } from "../render/fonts";
import { Emitter } from "../runtime/events";
import { computeCss, CssRule } from "./parse-css";
import { XmlNode } from "./parse-view";

const NUMERIC = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2"];
const ARC = { sweepAngle: "sweep-angle", startAngle: "start-angle", arcWidth: "arc-width" } as const;
const STYLE_NAMES = [
  "fill",
  "opacity",
  "display",
  "visibility",
  "fontSize",
  "fontFamily",
  "fontWeight",
  "textAnchor",
  "strokeWidth",
];

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Resolves a Fitbit length: `12`, `50%`, `50%+10`, `100%-20` against the container size. */
export function resolveLength(raw: string | undefined, container: number): number {
  if (raw === undefined || raw.trim() === "") return 0;
  const match = /^\s*(-?[\d.]+)(%?)\s*(?:([+-])\s*([\d.]+))?\s*$/.exec(raw);
  if (match === null) return 0;
  const base = match[2] === "%" ? (Number(match[1]) / 100) * container : Number(match[1]);
  const offset = match[3] === undefined ? 0 : (match[3] === "+" ? 1 : -1) * Number(match[4]);
  return base + offset;
}

/** One element: the properties and methods the platform's typings list. */
export class ViewElement extends Emitter {
  readonly children: ViewElement[] = [];
  readonly overrides: Record<string, string> = {};
  readonly style: Record<string, string | number | undefined>;
  private textValue: string;

  constructor(
    readonly type: string,
    readonly attributes: Record<string, string>,
    text: string,
    readonly parent: ViewElement | null,
    private readonly rules: CssRule[],
    /** The watch's screen, which the outermost lengths resolve against. */
    readonly screen: { width: number; height: number },
  ) {
    super();
    this.textValue = text.trim();
    this.style = this.makeStyle();
  }

  get id(): string {
    return this.attributes.id ?? "";
  }

  get text(): string {
    return this.textValue;
  }

  set text(value: unknown) {
    this.textValue = String(value);
  }

  get class(): string {
    return this.overrides.class ?? this.attributes.class ?? "";
  }

  set class(value: unknown) {
    this.overrides.class = String(value);
  }

  get href(): string {
    return this.value("href") ?? "";
  }

  set href(value: unknown) {
    this.overrides.href = String(value);
  }

  /** The resolved raw value of an attribute or style property (kebab-case name). */
  value(name: string): string | undefined {
    if (this.overrides[name] !== undefined) return this.overrides[name];
    if (this.attributes[name] !== undefined) return this.attributes[name];
    return computeCss(this.rules, this.type, this.class.split(/\s+/), this.id)[name];
  }

  /** Size of the box lengths in this element resolve against (the nearest svg, else the screen). */
  containerSize(axis: "width" | "height"): number {
    for (let node = this.parent; node !== null; node = node.parent) {
      if (node.type === "svg" && node.value(axis) !== undefined) return node.numeric(axis);
    }
    return this.screen[axis];
  }

  numeric(name: string): number {
    const vertical = ["y", "height", "cy", "y1", "y2"].includes(name);
    const raw = this.value(name);
    // SDK 5 relative positions: "$" is where the previous sibling ends ("$+4" four pixels after it).
    const relative = raw === undefined ? null : /^\s*\$\s*(?:([+-])\s*([\d.]+))?\s*$/.exec(raw);
    if (relative !== null && (name === "x" || name === "y")) {
      const offset = relative[1] === undefined ? 0 : (relative[1] === "+" ? 1 : -1) * Number(relative[2]);
      return this.previousEnd(vertical ? "y" : "x") + offset;
    }
    return resolveLength(raw, this.containerSize(vertical ? "height" : "width"));
  }

  /** Where the previous sibling ends along an axis (0 for a first child). */
  private previousEnd(axis: "x" | "y"): number {
    const siblings = this.parent?.children ?? [];
    const previous = siblings[siblings.indexOf(this) - 1];
    if (previous === undefined) return 0;
    const box = previous.getBBox();
    return axis === "x" ? box.right : box.bottom;
  }

  get firstChild(): ViewElement | null {
    return this.children[0] ?? null;
  }

  get nextSibling(): ViewElement | null {
    const siblings = this.parent?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }

  getElementById(id: string): ViewElement | null {
    for (const child of this.children) {
      if (child.id === id) return child;
      const found = child.getElementById(id);
      if (found !== null) return found;
    }
    return null;
  }

  getElementsByClassName(name: string): ViewElement[] {
    return this.descendants().filter((el) => el.class.split(/\s+/).includes(name));
  }

  getElementsByTypeName(type: string): ViewElement[] {
    return this.descendants().filter((el) => el.type === type);
  }

  descendants(): ViewElement[] {
    return this.children.flatMap((child) => [child, ...child.descendants()]);
  }

  /** Visible unless it or an ancestor has display none or visibility hidden. */
  isVisible(): boolean {
    for (let node: ViewElement | null = this; node !== null; node = node.parent) {
      if (node.value("display") === "none" || node.value("visibility") === "hidden") return false;
    }
    return true;
  }

  /**
   * The element's box (DOMRect-like). A text's box is its advance width from its anchor and the
   * font size's height above the baseline, measured with the simulator's fonts (README "What is emulated").
   */
  getBBox(): {
    x: number;
    y: number;
    width: number;
    height: number;
    left: number;
    top: number;
    right: number;
    bottom: number;
  } {
    let x = this.numeric("x");
    let y = this.numeric("y");
    let width = this.numeric("width");
    let height = this.numeric("height");
    if (this.type === "text" || this.type === "textarea") {
      const size = Number(this.value("font-size") ?? 24);
      width = textWidth(this.text, size, weightOf(this.value("font-family"), this.value("font-weight")));
      const anchor = this.value("text-anchor");
      x -= anchor === "middle" ? width / 2 : anchor === "end" ? width : 0;
      height = size;
      y -= size * 0.8;
    }
    return { x, y, width, height, left: x, top: y, right: x + width, bottom: y + height };
  }

  animate(): void {
    // Animations are not emulated: the end state is what JS sets.
  }

  private makeStyle(): Record<string, string | number | undefined> {
    const style: Record<string, string | number | undefined> = {};
    for (const name of STYLE_NAMES) {
      Object.defineProperty(style, name, {
        enumerable: true,
        get: () => this.value(toKebab(name)),
        set: (v: unknown) => (this.overrides[toKebab(name)] = String(v)),
      });
    }
    return style;
  }

  static defineGeometry(): void {
    for (const name of NUMERIC) {
      Object.defineProperty(ViewElement.prototype, name, {
        get(this: ViewElement) {
          return this.numeric(name);
        },
        set(this: ViewElement, v: unknown) {
          this.overrides[name] = String(v);
        },
      });
    }
    for (const [prop, attr] of Object.entries(ARC)) {
      Object.defineProperty(ViewElement.prototype, prop, {
        get(this: ViewElement) {
          return Number(this.value(attr) ?? 0);
        },
        set(this: ViewElement, v: unknown) {
          this.overrides[attr] = String(v);
        },
      });
    }
  }
}
ViewElement.defineGeometry();

/**
 * Builds the element tree of a view. `defs`, `symbol` and `link` are not drawn; a `use` whose
 * href names a symbol gets a copy of the symbol's children (its own attributes, such as x and y,
 * stay on the `use` element, which acts as their container).
 */
export function buildElements(
  node: XmlNode,
  parent: ViewElement | null,
  rules: CssRule[],
  symbols: Map<string, XmlNode>,
  screen: { width: number; height: number },
  depth = 0,
): ViewElement {
  const element = new ViewElement(node.tag, node.attributes, node.text, parent, rules, screen);
  const children = [...node.children];
  const href = node.attributes.href ?? node.attributes["xlink:href"];
  if (node.tag === "use" && href !== undefined && href.startsWith("#") && depth < 8) {
    children.push(...(symbols.get(href.slice(1))?.children ?? []));
  }
  for (const child of children) {
    if (child.tag === "defs" || child.tag === "link" || child.tag === "symbol") continue;
    element.children.push(buildElements(child, element, rules, symbols, screen, depth + 1));
  }
  return element;
}

/** Collects every `symbol` with an id in a parsed view, at any depth. */
export function collectSymbols(node: XmlNode, into: Map<string, XmlNode>): Map<string, XmlNode> {
  if (node.tag === "symbol" && node.attributes.id !== undefined) into.set(node.attributes.id, node);
  for (const child of node.children) collectSymbols(child, into);
  return into;
}
