// Type-checks every folder with its own tsconfig (app, companion, settings with their Fitbit
// types; common with none; Node-side code with Node types), using the pinned TypeScript 5.x.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const PROJECTS = [
  "common",
  "app",
  "companion",
  "settings",
  "broker",
  "tools",
  "sim",
  "scripts",
  "test",
  "packages/fitbit-os-sim",
];

function main(): number {
  const root = join(__dirname, "..");
  const tsc = require.resolve("typescript/bin/tsc");
  const failed: string[] = [];
  for (const project of PROJECTS) {
    const result = spawnSync(process.execPath, [tsc, "-p", join(root, project), "--noEmit"], { stdio: "inherit" });
    if (result.status !== 0) failed.push(project);
  }
  if (failed.length > 0) {
    console.error(`typecheck failed in: ${failed.join(", ")}`);
    return 1;
  }
  console.log(`typecheck OK: ${PROJECTS.join(", ")}`);
  return 0;
}

process.exitCode = main();
