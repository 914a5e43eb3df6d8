// The settings page runtime (docs/reference/fitbit-os.md §6): the JSX factory and components as globals,
// `registerSettingsPage`, and a render after every storage change. The tree is plain data the
// simulator inspects to act as the user (sign in, sign out).
import { runBundle } from "../runtime/run-bundle";

/** A rendered component. */
export interface PageNode {
  type: string;
  props: Record<string, unknown>;
  children: PageNode[];
}

const COMPONENTS = [
  "Page",
  "Section",
  "Text",
  "Link",
  "Button",
  "Toggle",
  "Select",
  "TextInput",
  "Slider",
  "ColorSelect",
  "Oauth",
  "AdditiveList",
  "ImagePicker",
  "TextImageRow",
  "StravaLogin",
];

function flatten(children: unknown[]): PageNode[] {
  const out: PageNode[] = [];
  for (const child of children) {
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === "string" || typeof child === "number")
      out.push({ type: "#text", props: { value: String(child) }, children: [] });
    else if (child !== null && typeof child === "object" && "type" in child) out.push(child as PageNode);
  }
  return out;
}

/** Loads settings.js and returns a render function (null when the page never registered). */
export function loadSettingsPage(
  source: string,
  now: () => number,
  console: Record<string, unknown>,
  language: string,
  notEmulated: (name: string) => void,
) {
  let page: ((props: unknown) => unknown) | null = null;
  const globals: Record<string, unknown> = { console };
  for (const name of COMPONENTS) {
    const marker = (): null => null;
    Object.defineProperty(marker, "name", { value: name });
    globals[name] = marker;
  }
  globals.createComponent = (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown => {
    if (typeof type === "function" && !COMPONENTS.includes(type.name)) {
      return (type as (p: unknown) => unknown)({ ...(props ?? {}), children });
    }
    return {
      type: typeof type === "function" ? type.name : String(type),
      props: props ?? {},
      children: flatten(children),
    };
  };
  globals.registerSettingsPage = (fn: unknown) => {
    if (typeof fn === "function") page = fn as (props: unknown) => unknown;
  };
  // The SDK inlines the page's translations and picks them by the phone's language at load.
  const modules = { "user-settings": { locale: { language } } };
  runBundle(source, "settings.js", { name: "settings", modules, globals, now, notEmulated });
  return (props: { settings: Record<string, string>; settingsStorage: unknown }): PageNode | null => {
    if (page === null) return null;
    const tree = page(props);
    return tree !== null && typeof tree === "object" ? (tree as PageNode) : null;
  };
}

/** Finds nodes of a type anywhere in the tree, including inside props such as `title`. */
export function findNodes(node: PageNode | null, type: string): PageNode[] {
  if (node === null) return [];
  const own = node.type === type ? [node] : [];
  const inProps = Object.values(node.props).filter(
    (v): v is PageNode => v !== null && typeof v === "object" && "type" in v,
  );
  return [...own, ...[...node.children, ...inProps].flatMap((child) => findNodes(child, type))];
}

/** The page as text lines, for the report (Text contents, input labels, an Oauth's status). */
export function describePage(node: PageNode | null): string[] {
  if (node === null) return [];
  if (node.type === "#text") return [String(node.props.value)];
  // An input's label; an <Oauth>'s status (what the app shows beside it) after its label.
  const status = node.type === "Oauth" && typeof node.props.status === "string" ? ` · ${node.props.status}` : "";
  const label = typeof node.props.label === "string" ? [`[${node.type}: ${node.props.label}${status}]`] : [];
  const texts = node.children.flatMap(describePage);
  return node.type === "Text" ? [texts.join("")] : [...label, ...texts];
}
