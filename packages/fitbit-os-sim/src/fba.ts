// Opens a built .fba (a zip of zips, docs/reference/fitbit-os.md §1.2) with fflate and exposes its components by
// role. Used by the simulator and by tools that check a build (a watch-bundle guard).
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";

/** One watch target's bundle: its files and the parsed component manifest. */
export interface DeviceComponent {
  target: string;
  /** The screen size the outer manifest gives for the target, if it does. */
  screen?: { width: number; height: number };
  files: Map<string, Buffer>;
  manifest: Record<string, unknown>;
}

/** The parts of an .fba the guard and the simulator need. */
export interface Fba {
  bytes: number;
  manifest: Record<string, unknown>;
  devices: DeviceComponent[];
  companion: { files: Map<string, Buffer>; manifest: Record<string, unknown> } | null;
}

/** Every file of a zip archive (folders skipped), by path. */
export function readZip(archive: Uint8Array): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(archive)))
    if (!name.endsWith("/")) files.set(name, Buffer.from(data));
  return files;
}

function parseJsonObject(data: Buffer | undefined, what: string): Record<string, unknown> {
  if (data === undefined) throw new Error(`fba: ${what} is missing`);
  const value: unknown = JSON.parse(data.toString("utf8"));
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`fba: ${what} is not an object`);
  return value as Record<string, unknown>;
}

/** Parses an .fba archive held in memory. */
export function parseFba(archive: Buffer): Fba {
  const outer = readZip(archive);
  const manifest = parseJsonObject(outer.get("manifest.json"), "manifest.json");
  const devices: DeviceComponent[] = [];
  for (const [name, data] of outer) {
    const match = /^device-([a-z0-9]+)\.zip$/.exec(name);
    if (match === null) continue;
    const files = readZip(data);
    const size = (
      manifest.components as { watch?: Record<string, { supports?: { screenSize?: { w?: unknown; h?: unknown } } }> }
    )?.watch?.[match[1]]?.supports?.screenSize;
    devices.push({
      target: match[1],
      ...(typeof size?.w === "number" && typeof size.h === "number"
        ? { screen: { width: size.w, height: size.h } }
        : {}),
      files,
      manifest: parseJsonObject(files.get("manifest.json"), `${name} manifest.json`),
    });
  }
  devices.sort((a, b) => a.target.localeCompare(b.target));
  const companionZip = outer.get("companion.zip");
  let companion: Fba["companion"] = null;
  if (companionZip !== undefined) {
    const files = readZip(companionZip);
    companion = { files, manifest: parseJsonObject(files.get("manifest.json"), "companion.zip manifest.json") };
  }
  return { bytes: archive.length, manifest, devices, companion };
}

/** Reads and parses an .fba file from disk. */
export function readFba(path: string): Fba {
  return parseFba(readFileSync(path));
}
