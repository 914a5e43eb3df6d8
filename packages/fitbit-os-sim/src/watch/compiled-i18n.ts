// The watch's `i18n.gettext` over the compiled language tables in the device bundle
// (`l/<lang>`, written by @fitbit/bison-i18n): u16 count, 2 bytes padding, then per message
// u32 hash, u16 offset, u16 max length, then u16 string-table length and NUL-terminated UTF-8
// strings. The hash is Fletcher-32 of the UTF-8 msgid masked to 30 bits, as the SDK computes it.
import fletcher32 from "@fitbit/bison-i18n/lib/fbpubfletcher32";

const HASH_MASK = 0x3fffffff;

/** The hash the SDK stores for a msgid. */
export function hashMsgid(msgid: string): number {
  const bytes = new Uint8Array(Buffer.from(msgid, "utf8"));
  return (fletcher32(bytes.buffer) & HASH_MASK) >>> 0;
}

/** Reads a compiled table into hash → translation. */
export function readLanguageTable(table: Buffer): Map<number, string> {
  const count = table.readUInt16LE(0);
  const stringsStart = 4 + 8 * count + 2;
  const result = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const entry = 4 + 8 * i;
    const start = stringsStart + table.readUInt16LE(entry + 4);
    const end = table.indexOf(0, start);
    result.set(table.readUInt32LE(entry), table.toString("utf8", start, end < 0 ? table.length : end));
  }
  return result;
}

function resources(manifest: Record<string, unknown>, language: string): string | null {
  const i18n = manifest.i18n;
  if (typeof i18n !== "object" || i18n === null) return null;
  const table = i18n as Record<string, { resources?: unknown } | undefined>;
  const wanted = language.toLowerCase();
  const key = [wanted, ...Object.keys(table).filter((k) => k.split("-")[0] === wanted.split("-")[0]), "en-us"].find(
    (k) => typeof table[k]?.resources === "string",
  );
  return key === undefined ? null : String(table[key]?.resources);
}

/** gettext for a language: its translation, the default language's, or the msgid itself. */
export function createGettext(
  files: Map<string, Buffer>,
  manifest: Record<string, unknown>,
  language: string,
): (msgid: string) => string {
  const path = resources(manifest, language);
  const data = path === null ? undefined : files.get(path);
  const table = data === undefined ? new Map<number, string>() : readLanguageTable(data);
  return (msgid) => table.get(hashMsgid(msgid)) ?? msgid;
}
