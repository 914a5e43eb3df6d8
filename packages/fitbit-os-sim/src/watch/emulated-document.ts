// The watch's `document` module: the element tree of resources/index.view with styles.css.
import { parseCss } from "./parse-css";
import { parseView, XmlNode } from "./parse-view";
import { buildElements, collectSymbols, ViewElement } from "./view-element";

/** The `document` default export. */
export interface EmulatedDocument {
  root: ViewElement;
  getElementById(id: string): ViewElement | null;
  getElementsByClassName(name: string): ViewElement[];
  getElementsByTypeName(type: string): ViewElement[];
}

/** Loads the main view; the stylesheet comes from widget.defs' `<link rel="stylesheet">`. */
export function createDocument(
  files: Map<string, Buffer>,
  mainView: string,
  widgets: string,
  screen: { width: number; height: number },
): EmulatedDocument {
  const view = files.get(mainView);
  if (view === undefined) throw new Error(`watch bundle has no ${mainView}`);
  let css = "";
  const symbols = new Map<string, XmlNode>();
  const defs = files.get(widgets);
  if (defs !== undefined) {
    const parsedDefs = parseView(defs.toString("utf8"));
    collectSymbols(parsedDefs, symbols);
    const links = parsedDefs.children.flatMap(function collect(n): string[] {
      const own = n.tag === "link" && n.attributes.rel === "stylesheet" ? [n.attributes.href] : [];
      return [...own, ...n.children.flatMap(collect)];
    });
    for (const href of links) css += files.get(`resources/${href}`)?.toString("utf8") ?? "";
  }
  const parsed = parseView(view.toString("utf8"));
  const svg = parsed.children.find((n) => n.tag === "svg");
  if (svg === undefined) throw new Error(`${mainView} has no root <svg>`);
  collectSymbols(parsed, symbols);
  const root = buildElements(svg, null, parseCss(css), symbols, screen);
  return {
    root,
    getElementById: (id) => (root.id === id ? root : root.getElementById(id)),
    getElementsByClassName: (name) => root.getElementsByClassName(name),
    getElementsByTypeName: (type) => root.getElementsByTypeName(type),
  };
}
