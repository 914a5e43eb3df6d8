// A small XML parser for Fitbit SVG view files (index.view, widget.defs): elements, attributes
// and text. No DTDs or namespaces are needed there.

/** A parsed XML element. */
export interface XmlNode {
  tag: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (match, _n, dec, hex) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(String(hex), 16));
    return ENTITIES[match] ?? match;
  });
}

/** Parses a view file; throws with the offset of the first syntax error. */
export function parseView(source: string): XmlNode {
  const root: XmlNode = { tag: "#root", attributes: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const pattern =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(source)) !== null) {
    if (match.index !== consumed) throw new Error(`view: syntax error at offset ${consumed}`);
    consumed = pattern.lastIndex;
    const [whole, closing, opening, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) top.text += decodeEntities(text);
    else if (closing !== undefined) {
      if (top.tag !== closing) throw new Error(`view: </${closing}> closes <${top.tag}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const node: XmlNode = { tag: opening, attributes: parseAttributes(attributeText ?? ""), children: [], text: "" };
      top.children.push(node);
      if (selfClosing !== "/") stack.push(node);
    } else if (!whole.startsWith("<!--") && !whole.startsWith("<?")) {
      throw new Error(`view: unexpected ${whole}`);
    }
  }
  if (consumed !== source.length) throw new Error(`view: syntax error at offset ${consumed}`);
  if (stack.length !== 1) throw new Error(`view: <${stack[stack.length - 1].tag}> is never closed`);
  return root;
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) attributes[match[1]] = decodeEntities(match[2] ?? match[3] ?? "");
  return attributes;
}
