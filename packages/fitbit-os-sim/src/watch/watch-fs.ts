// The watch's `fs` module (docs/reference/fitbit-os.md §2.5): synchronous, throws on failure, encodings none
// (ArrayBuffer), "cbor", "json", "utf-8"/"ascii". The folder outlives app restarts.
import { decodeCbor, encodeCbor } from "../cbor";
import { toBuffer } from "../runtime/peer-link";

/** Builds the module over a map that the simulator keeps for the whole run. */
export function createWatchFs(files: Map<string, Buffer>, now: () => number) {
  const mtimes = new Map<string, number>();
  const need = (name: string): Buffer => {
    const data = files.get(name);
    if (data === undefined) throw new Error(`Couldn't find file: ${name}`);
    return data;
  };
  return {
    existsSync: (name: string) => files.has(name),
    readFileSync(name: string, encoding?: string): unknown {
      const data = need(name);
      if (encoding === "cbor") return decodeCbor(data);
      if (encoding === "json") return JSON.parse(data.toString("utf8"));
      if (encoding === "utf-8" || encoding === "ascii") return data.toString(encoding === "ascii" ? "latin1" : "utf8");
      return new Uint8Array(data).buffer;
    },
    writeFileSync(name: string, data: unknown, encoding?: string): void {
      let bytes: Buffer;
      if (encoding === "cbor") bytes = encodeCbor(data);
      else if (encoding === "json") bytes = Buffer.from(JSON.stringify(data));
      else if (typeof data === "string") bytes = Buffer.from(data, "utf8");
      else bytes = toBuffer(data);
      files.set(name, bytes);
      mtimes.set(name, now());
    },
    unlinkSync(name: string): void {
      need(name);
      files.delete(name);
    },
    renameSync(from: string, to: string): void {
      files.set(to, need(from));
      files.delete(from);
      mtimes.set(to, now());
    },
    statSync(name: string) {
      return { size: need(name).length, mtime: new Date(mtimes.get(name) ?? now()) };
    },
    listDirSync: () => {
      const names = [...files.keys()];
      let i = 0;
      return { next: () => (i < names.length ? { done: false, value: names[i++] } : { done: true, value: undefined }) };
    },
  };
}
