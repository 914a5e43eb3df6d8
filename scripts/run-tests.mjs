// Runs every test/**/*.test.ts with Node's own test runner (TypeScript through tsx).
// Extra arguments are passed to the runner, e.g. `npm test -- --test-name-pattern=snapshot`.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : findTests(path);
    return entry.name.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}

const files = findTests(join(root, "test")).sort();
if (files.length === 0) {
  console.error("no test files found under test/");
  process.exit(1);
}
const args = ["--import", "tsx", "--test", ...process.argv.slice(2), ...files];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
