// Builds the simulator's own build/sim/app.fba when it is missing, older than the sources, or
// built with other OAuth credentials. Without configured credentials it builds with demo ones that
// only the fake server accepts, so its .fba is kept apart from build/app.fba (which is restored
// if it existed): a demo-credential build must never be the one a developer sideloads.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Credentials, readCredentials } from "../scripts/write-credentials";

export const DEMO_CREDENTIALS: Credentials = {
  google: { clientId: "sim-demo.apps.googleusercontent.com", clientSecret: "sim-demo-secret" },
  fitbit: { clientId: "SIMDEMO" },
};

const SOURCES = ["app", "companion", "settings", "common", "resources", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** The credentials the simulated build uses: the configured ones, else the demo ones. */
export function simulatorCredentials(root: string): Credentials {
  const configured = readCredentials(process.env, join(root, "credentials.local.json"));
  return {
    google:
      configured.google.clientId !== "" && configured.google.clientSecret !== ""
        ? configured.google
        : DEMO_CREDENTIALS.google,
    fitbit: configured.fitbit.clientId !== "" ? configured.fitbit : DEMO_CREDENTIALS.fitbit,
  };
}

/** Ensures build/sim/app.fba matches sources and credentials; returns its path. */
export function ensureBuild(root: string, credentials: Credentials, log: (line: string) => void): string {
  const fba = join(root, "build", "sim", "app.fba");
  const stampFile = join(root, "build", "sim", "build.json");
  const stamp = createHash("sha256").update(JSON.stringify(credentials)).digest("hex");
  const fresh = existsSync(fba) && statSync(fba).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  const sameCredentials = existsSync(stampFile) && readFileSync(stampFile, "utf8").includes(stamp);
  if (fresh && sameCredentials) return fba;
  log("building build/sim/app.fba …");
  const real = join(root, "build", "app.fba");
  const kept = join(root, "build", "app.fba.kept");
  if (existsSync(real)) renameSync(real, kept);
  try {
    const env = {
      ...process.env,
      GOOGLE_CLIENT_ID: credentials.google.clientId,
      GOOGLE_CLIENT_SECRET: credentials.google.clientSecret,
      FITBIT_CLIENT_ID: credentials.fitbit.clientId,
    };
    const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
    mkdirSync(join(root, "build", "sim"), { recursive: true });
    renameSync(real, fba);
  } finally {
    if (existsSync(kept)) renameSync(kept, real);
    // The generated credentials module now holds the simulator's; rewrite it from the real config.
    spawnSync("npm", ["run", "--silent", "credentials"], { cwd: root, encoding: "utf8" });
  }
  writeFileSync(stampFile, JSON.stringify({ credentials: stamp }) + "\n");
  return fba;
}
