// npm start: the simulator (sim/cli.ts) on the built .fba; with no arguments, the built-in demo.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "cli.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
});
process.exit(result.status ?? 1);
