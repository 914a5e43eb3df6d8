// Builds the simulator's own build/sim/app.fba when it is missing or older than the sources, one per
// set of OAuth credentials and build variant (others are kept beside it as build/sim/app-<hash>.fba).
// Without configured credentials it builds with demo ones that only the fake server accepts; a
// scenario with "oauthClients": "none" gets a build without any, one with "build": "aod" the
// authorized always-on build. It builds in a staging copy of the project (tools/build-variant.ts,
// with its own generated credentials module), so a run never touches build/app.fba or
// companion/generated/: a demo-credential build must never be the one a developer sideloads.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClientCredentials, isClientConfigured, PROVIDERS } from "../common/providers";
import { BUILD_SOURCES, BuildVariant, buildStaged } from "../tools/build-variant";
import { readCredentials, renderCredentialsModule } from "../tools/credentials";

export const DEMO_CREDENTIALS: ClientCredentials = {
  google: { clientId: "sim-demo.apps.googleusercontent.com", clientSecret: "sim-demo-secret" },
  fitbit: { clientId: "SIMDEMO", clientSecret: "" },
};

const SOURCES = [...BUILD_SOURCES, "variants"];

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

/**
 * Ensures a build for these credentials and this variant matches the sources; returns its path:
 * build/sim/app.fba for the simulator's usual credentials and the default variant,
 * build/sim/app-<hash>.fba for others (the authorized always-on build among them).
 */
export function ensureBuild(
  root: string,
  credentials: ClientCredentials,
  log: (line: string) => void,
  variant: BuildVariant = "default",
): string {
  const stamp = createHash("sha256")
    .update(JSON.stringify(credentials) + variant)
    .digest("hex");
  const usual = variant === "default" && JSON.stringify(credentials) === JSON.stringify(simulatorCredentials(root));
  const name = usual ? "app" : `app-${stamp.slice(0, 12)}`;
  const fba = join(root, "build", "sim", `${name}.fba`);
  const stampFile = join(root, "build", "sim", `${name}.json`);
  const fresh = existsSync(fba) && statSync(fba).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  const sameCredentials = existsSync(stampFile) && readFileSync(stampFile, "utf8").includes(stamp);
  if (fresh && sameCredentials) return fba;
  log(`building build/sim/${name}.fba …`);
  buildStaged(root, variant, renderCredentialsModule(credentials), fba);
  writeFileSync(stampFile, JSON.stringify({ credentials: stamp }) + "\n");
  return fba;
}
