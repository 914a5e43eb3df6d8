// A minimal ZIP reader (stored and deflated entries), enough for .fba files and the zips inside
// them. Layout: PKWARE APPNOTE.TXT §4.3 (end of central directory, central and local headers).
import { inflateRawSync } from "node:zlib";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Reads every file entry of a ZIP archive into a map from path to contents (folders skipped). */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const eocd = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(eocd + 10);
  let offset = archive.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error("zip: bad central directory entry");
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const size = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    files.set(name, readEntry(archive, localOffset, method, compressedSize, size, name));
  }
  return files;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  for (let i = archive.length - 22; i >= Math.max(0, archive.length - 22 - 0xffff); i--) {
    if (archive.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new Error("zip: no end of central directory (not a zip file?)");
}

function readEntry(
  archive: Buffer,
  at: number,
  method: number,
  compressedSize: number,
  size: number,
  name: string,
): Buffer {
  if (archive.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new Error(`zip: bad local header for ${name}`);
  const start = at + 30 + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
  const raw = archive.subarray(start, start + compressedSize);
  const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
  if (data === undefined) throw new Error(`zip: ${name} uses unsupported method ${method}`);
  if (data.length !== size) throw new Error(`zip: ${name} has ${data.length} bytes, expected ${size}`);
  return data;
}
