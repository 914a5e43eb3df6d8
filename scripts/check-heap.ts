// npm run check:heap [-- path/to/app.fba]: the watch bundle's peak JS heap in JerryScript 2.4
// (ES5.1, 64 KB heap: the engine family Fitbit OS runs), with stubs of every module the face
// imports (scripts/heap/pre.js) driving 200 minutes of use (scripts/heap/post.js). Needs a jerry
// binary built with JERRY_MEM_STATS: JERRY_BIN=path/to/jerry. Without it, says so and exits 0.
// Fails when the peak is over the budget (48 KB).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFba } from "fitbit-os-sim";

/** The heap budget of the face, stubs included (issue 20: ≤ 48 KB). */
const HEAP_BUDGET = 48 * 1024;

function main(): number {
  const jerry = process.env.JERRY_BIN;
  if (jerry === undefined || jerry === "") {
    console.log("check:heap: JERRY_BIN is not set (a JerryScript 2.4 binary with --mem-stats); skipped");
    return 0;
  }
  const path = process.argv[2] ?? join(__dirname, "..", "build", "app.fba");
  if (!existsSync(path)) {
    console.error(`${path} does not exist: run \`npm run build\` first`);
    return 1;
  }
  const device = readFba(path).devices.find((d) => d.target === "atlas");
  const js = device?.files.get("app/index.js");
  if (js === undefined) {
    console.error("the .fba has no atlas app/index.js");
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), "heap-"));
  try {
    const file = join(dir, "run.js");
    const part = (name: string) => readFileSync(join(__dirname, "heap", name), "utf8");
    writeFileSync(file, `${part("pre.js")}\n;(function(){\n${js.toString("utf8")}\n})();\n${part("post.js")}`);
    const run = spawnSync(jerry, ["--mem-stats", file], { encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`;
    const peak = /Peak allocated\s*=\s*(\d+)/.exec(output);
    console.log(output.trim());
    if (run.status !== 0 || peak === null) {
      console.error(`check:heap: jerry failed (exit ${String(run.status)})`);
      return 1;
    }
    const bytes = Number(peak[1]);
    console.log(`watch heap peak: ${bytes} bytes (budget ${HEAP_BUDGET})`);
    return bytes <= HEAP_BUDGET ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
