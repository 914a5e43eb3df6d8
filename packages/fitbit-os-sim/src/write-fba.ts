// Writes ZIP archives and minimal .fba files with chosen contents: for tests of tools that read
// an .fba (a watch-bundle guard, this simulator) without running a build.
import { crc32, deflateRawSync } from "node:zlib";

/** Builds a ZIP archive from path → contents; `deflate` compresses the entries. */
export function writeZip(files: Record<string, string | Buffer>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, contents] of Object.entries(files)) {
    const data = typeof contents === "string" ? Buffer.from(contents) : contents;
    const packed = deflate ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(deflate ? 8 : 0, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Builds a minimal .fba whose watch bundles hold the given JavaScript for each target. */
export function writeFba(
  watchJs: Record<string, string>,
  companionJs = '"use strict"\n',
  requestedPermissions: string[] = ["access_activity"],
): Buffer {
  const files: Record<string, Buffer> = {
    "manifest.json": Buffer.from(JSON.stringify({ appId: "test", components: {}, requestedPermissions })),
    "companion.zip": writeZip({
      "companion.js": companionJs,
      "settings.js": '"use strict"\n',
      "manifest.json": JSON.stringify({ companion: { main: "companion.js" }, settings: { main: "settings.js" } }),
    }),
  };
  for (const [target, js] of Object.entries(watchJs)) {
    files[`device-${target}.zip`] = writeZip({
      "app/index.js": js,
      "resources/index.view": "<svg/>",
      "manifest.json": JSON.stringify({ main: "app/index.js", svgMain: "resources/index.view" }),
    });
  }
  return writeZip(files);
}
