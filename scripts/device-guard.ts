// The watch-bundle guard: the .fba must be installable (no restricted permission the build is not
// authorized for: a watch refuses to sideload it), and every watch JS file must be ES5
// (JerryScript refuses anything newer, and node_modules code is not transpiled: docs/reference/fitbit-os.md §1.2)
// and fit the budget.
import { parse } from "acorn";
import { Fba, refusedPermissions, requestedPermissions } from "fitbit-os-sim";

/** Watch JS budget per target, uncompressed bytes (issue: ≤ 16 KB; the JS heap holds it all). */
export const DEVICE_JS_BUDGET = 16 * 1024;

/** One line of the size report. */
export interface SizeRow {
  part: string;
  bytes: number;
}

/** What the guard found: sizes to print and problems that fail the check. */
export interface GuardReport {
  sizes: SizeRow[];
  problems: string[];
}

/** Returns a problem description when `source` is not valid ES5, else null. */
export function findEs5Violation(source: string, file: string): string | null {
  try {
    parse(source, { ecmaVersion: 5, sourceType: "script" });
    return null;
  } catch (error) {
    return `${file} is not ES5: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function sumJs(files: Map<string, Buffer>, pick: (name: string) => boolean): number {
  let total = 0;
  for (const [name, data] of files) if (pick(name)) total += data.length;
  return total;
}

/**
 * Checks the requested permissions and every watch target of an .fba, and measures all of its
 * parts. `authorized`: the restricted permissions Fitbit authorized for this build (none by default).
 */
export function checkFba(fba: Fba, budget: number = DEVICE_JS_BUDGET, authorized: string[] = []): GuardReport {
  const sizes: SizeRow[] = [];
  const problems: string[] = refusedPermissions(requestedPermissions(fba.manifest), authorized).map((p) => p.why);
  if (fba.devices.length === 0) problems.push("the .fba has no device-*.zip");
  for (const device of fba.devices) {
    const jsBytes = sumJs(device.files, (name) => name.endsWith(".js"));
    if (jsBytes === 0) problems.push(`device-${device.target}.zip has no JavaScript`);
    for (const [name, data] of device.files) {
      if (!name.endsWith(".js")) continue;
      const violation = findEs5Violation(data.toString("utf8"), `device-${device.target}.zip:${name}`);
      if (violation !== null) problems.push(violation);
    }
    if (jsBytes > budget)
      problems.push(`watch JS for ${device.target} is ${jsBytes} bytes, over the ${budget}-byte budget`);
    sizes.push({ part: `watch JS (${device.target})`, bytes: jsBytes });
  }
  if (fba.companion === null) {
    problems.push("the .fba has no companion.zip");
  } else {
    sizes.push({ part: "companion JS", bytes: sumJs(fba.companion.files, (n) => n === "companion.js") });
    sizes.push({ part: "settings JS", bytes: sumJs(fba.companion.files, (n) => n === "settings.js") });
  }
  sizes.push({ part: ".fba file", bytes: fba.bytes });
  return { sizes, problems };
}

/** Formats the size table for a terminal. */
export function formatSizeTable(rows: SizeRow[], budget: number = DEVICE_JS_BUDGET): string {
  const width = Math.max(...rows.map((row) => row.part.length));
  const lines = rows.map((row) => {
    const note = row.part.startsWith("watch JS") ? `  (budget ${budget})` : "";
    return `${row.part.padEnd(width)}  ${String(row.bytes).padStart(7)} bytes${note}`;
  });
  return lines.join("\n");
}
