// Builds the simulator's own build/sim/app.fba when it is missing or older than the sources, one per
// set of OAuth credentials (a build with other credentials is kept beside it as
// build/sim/app-<hash>.fba). Without configured credentials it builds with demo ones that only the
// fake server accepts; a scenario with "oauthClients": "none" gets a build without any. It builds in a staging copy of the project (build/sim/project/,
// with its own generated credentials module), so a run never touches build/app.fba or
// companion/generated/: a demo-credential build must never be the one a developer sideloads.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { ClientCredentials, isClientConfigured, PROVIDERS } from "../common/providers";
import { readCredentials, renderCredentialsModule } from "../tools/credentials";

export const DEMO_CREDENTIALS: ClientCredentials = {
  google: { clientId: "sim-demo.apps.googleusercontent.com", clientSecret: "sim-demo-secret" },
  fitbit: { clientId: "SIMDEMO", clientSecret: "" },
};

const SOURCES = ["app", "companion", "settings", "common", "resources", "package.json", "tsconfig.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** A build that has no OAuth client at all (scenario "oauthClients": "none"). */
export const NO_CREDENTIALS: ClientCredentials = {
  google: { clientId: "", clientSecret: "" },
  fitbit: { clientId: "", clientSecret: "" },
};

/** The credentials the simulated build uses: the configured ones, else the demo ones, per provider. */
export function simulatorCredentials(root: string): ClientCredentials {
  const configured = readCredentials(process.env, join(root, "credentials.local.json"));
  const chosen = {} as ClientCredentials;
  for (const p of PROVIDERS)
    chosen[p.id] = isClientConfigured(p.id, configured) ? configured[p.id] : DEMO_CREDENTIALS[p.id];
  return chosen;
}

/** Copies the sources into a staging folder with its own generated credentials, and builds there. */
function buildStaged(root: string, credentials: ClientCredentials, fba: string): void {
  const stage = join(root, "build", "sim", "project");
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const source of SOURCES)
    cpSync(join(root, source), join(stage, source), {
      recursive: true,
      filter: (path) => !path.startsWith(join(root, "companion", "generated")),
    });
  symlinkSync(join(root, "node_modules"), join(stage, "node_modules"), "dir");
  mkdirSync(join(stage, "companion", "generated"), { recursive: true });
  writeFileSync(join(stage, "companion", "generated", "credentials.ts"), renderCredentialsModule(credentials));
  const result = spawnSync(process.execPath, [join(root, "node_modules", "@fitbit", "sdk", "bin", "fitbit-build.js")], {
    cwd: stage,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
  renameSync(join(stage, "build", "app.fba"), fba);
}

/**
 * Ensures a build for these credentials matches the sources; returns its path: build/sim/app.fba
 * for the simulator's usual credentials, build/sim/app-<hash>.fba for others.
 */
export function ensureBuild(root: string, credentials: ClientCredentials, log: (line: string) => void): string {
  const stamp = createHash("sha256").update(JSON.stringify(credentials)).digest("hex");
  const usual = JSON.stringify(credentials) === JSON.stringify(simulatorCredentials(root));
  const name = usual ? "app" : `app-${stamp.slice(0, 12)}`;
  const fba = join(root, "build", "sim", `${name}.fba`);
  const stampFile = join(root, "build", "sim", `${name}.json`);
  const fresh = existsSync(fba) && statSync(fba).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  const sameCredentials = existsSync(stampFile) && readFileSync(stampFile, "utf8").includes(stamp);
  if (fresh && sameCredentials) return fba;
  log(`building build/sim/${name}.fba …`);
  buildStaged(root, credentials, fba);
  writeFileSync(stampFile, JSON.stringify({ credentials: stamp }) + "\n");
  return fba;
}
