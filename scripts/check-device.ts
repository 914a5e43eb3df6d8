// CLI: npm run check:device [-- path/to/app.fba]. Prints the size table; exits 1 on any problem.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readFba } from "../tools/fba";
import { checkFba, formatSizeTable } from "./device-guard";

function main(): number {
  const path = process.argv[2] ?? join(__dirname, "..", "build", "app.fba");
  if (!existsSync(path)) {
    console.error(`${path} does not exist: run \`npm run build\` first`);
    return 1;
  }
  const report = checkFba(readFba(path));
  console.log(formatSizeTable(report.sizes));
  for (const problem of report.problems) console.error(`error: ${problem}`);
  if (report.problems.length === 0) console.log("watch bundle OK: ES5 and within budget");
  return report.problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
