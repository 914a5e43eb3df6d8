// CLI: npm run check:device [-- path/to/app.fba] [--authorized access_aod]. Prints the requested
// permissions and the size table; exits 1 on any problem: a restricted permission the build is not
// authorized for (a watch refuses to sideload it), non-ES5 watch code, or a bundle over budget.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readFba, requestedPermissions } from "fitbit-os-sim";
import { checkFba, DEVICE_JS_BUDGET, formatSizeTable } from "./device-guard";

/** The .fba path and the permissions Fitbit authorized for this build (`--authorized a,b`). */
function readArgs(argv: string[]): { path: string; authorized: string[] } {
  let path = join(__dirname, "..", "build", "app.fba");
  const authorized: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--authorized") authorized.push(...(argv[++i] ?? "").split(",").filter((p) => p !== ""));
    else path = argv[i];
  }
  return { path, authorized };
}

function main(): number {
  const { path, authorized } = readArgs(process.argv.slice(2));
  if (!existsSync(path)) {
    console.error(`${path} does not exist: run \`npm run build\` first`);
    return 1;
  }
  const fba = readFba(path);
  const requested = requestedPermissions(fba.manifest);
  console.log(`requested permissions: ${requested.join(", ") || "none"}`);
  const { sizes, problems } = checkFba(fba, DEVICE_JS_BUDGET, authorized);
  console.log(formatSizeTable(sizes));
  for (const problem of problems) console.error(`error: ${problem}`);
  if (problems.length === 0)
    console.log("watch bundle OK: installable (no unauthorized restricted permission), ES5 and within budget");
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
