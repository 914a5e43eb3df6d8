// Fitbit view CSS: type, class and id selectors (docs/reference/fitbit-os.md §2.2), declarations `name: value;`.

/** One rule with the specificity the cascade orders by. */
export interface CssRule {
  selector: { kind: "type" | "class" | "id"; name: string };
  specificity: number;
  order: number;
  declarations: Record<string, string>;
}

const SPECIFICITY = { type: 1, class: 10, id: 100 } as const;

/** Parses a stylesheet; selectors it cannot represent (descendant, pseudo) are skipped. */
export function parseCss(source: string): CssRule[] {
  const rules: CssRule[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "");
  const pattern = /([^{}]+)\{([^}]*)\}/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const declarations = parseDeclarations(match[2]);
    for (const raw of match[1].split(",")) {
      const selector = parseSelector(raw.trim());
      if (selector === null) continue;
      rules.push({ selector, specificity: SPECIFICITY[selector.kind], order: rules.length, declarations });
    }
  }
  return rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
}

function parseSelector(raw: string): CssRule["selector"] | null {
  if (/^#[\w-]+$/.test(raw)) return { kind: "id", name: raw.slice(1) };
  if (/^\.[\w-]+$/.test(raw)) return { kind: "class", name: raw.slice(1) };
  if (/^[a-z][\w-]*$/i.test(raw)) return { kind: "type", name: raw };
  return null;
}

function parseDeclarations(body: string): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const part of body.split(";")) {
    const colon = part.indexOf(":");
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim();
    if (name !== "") declarations[name] = part.slice(colon + 1).trim();
  }
  return declarations;
}

/** The declarations that apply to an element, later and more specific rules winning. */
export function computeCss(rules: CssRule[], tag: string, classes: string[], id: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const { kind, name } = rule.selector;
    const applies = kind === "type" ? name === tag : kind === "class" ? classes.includes(name) : name === id;
    if (applies) Object.assign(result, rule.declarations);
  }
  return result;
}
