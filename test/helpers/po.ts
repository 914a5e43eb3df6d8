// The project's .po catalogues, read as the platform's gettext would answer from them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** A catalogue's entries, msgid → msgstr (the header entry left out). */
export function readPo(path: string): Map<string, string> {
  const entries = new Map<string, string>();
  const pattern = /msgid "((?:[^"\\]|\\.)*)"\s*\nmsgstr "((?:[^"\\]|\\.)*)"/g;
  const text = readFileSync(path, "utf8");
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null)
    if (match[1] !== "") entries.set(JSON.parse(`"${match[1]}"`) as string, JSON.parse(`"${match[2]}"`) as string);
  return entries;
}

const watchCatalogues = new Map<string, Map<string, string>>();

/**
 * The watch's gettext in a language, from `app/i18n/<language>.po`; a language without a
 * catalogue answers with the msgid (the en-US form), as the watch does.
 */
export function watchGettext(language: string): (msgid: string) => string {
  let po = watchCatalogues.get(language);
  if (po === undefined) {
    try {
      po = readPo(join(ROOT, "app", "i18n", `${language}.po`));
    } catch {
      po = new Map();
    }
    watchCatalogues.set(language, po);
  }
  const entries = po;
  return (msgid) => entries.get(msgid) ?? msgid;
}
