// Runs the tests with Node's own test runner (TypeScript through tsx): by default every
// test/**/*.test.ts and packages/*/test/**/*.test.ts but the end-to-end ones (*.e2e.test.ts: the built .fba, CLI subprocesses, the
// layout sweep, broker-mode runs, real builds); with --e2e only those (`npm run test:e2e`, after
// sim/prepare-builds.ts has built every .fba they run). Other arguments go to the runner, e.g.
// `npm test -- --test-name-pattern=snapshot`.
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

const e2e = process.argv.includes("--e2e");
const passed = process.argv.slice(2).filter((arg) => arg !== "--e2e");
const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(root, "packages", entry.name, "test"));
const files = [join(root, "test"), ...packages]
  .flatMap(findTests)
  .filter((file) => file.endsWith(".e2e.test.ts") === e2e)
  .sort();
if (files.length === 0) {
  console.error("no test files found under test/ or packages/*/test/");
  process.exit(1);
}
const args = ["--import", "tsx", "--test", ...passed, ...files];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
