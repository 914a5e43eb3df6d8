// Builds a test app of test/apps/ with the SDK's fitbit-build in its own folder, when its
// build/app.fba is missing or older than its sources; returns the .fba's path. One test file
// builds each app, so no two builds of one app run at once.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "build")
    .reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

export function buildApp(name: string): string {
  const dir = join(__dirname, "..", "apps", name);
  const fba = join(dir, "build", "app.fba");
  if (existsSync(fba) && statSync(fba).mtimeMs >= newest(dir)) return fba;
  const build = require.resolve("@fitbit/sdk/bin/fitbit-build.js");
  const result = spawnSync(process.execPath, [build], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0 || !existsSync(fba))
    throw new Error(`fitbit-build of ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return fba;
}
