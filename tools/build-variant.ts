// Build variants made in a staging copy of the project, so the sources and build/app.fba stay the
// default, installable build. The only variant is the authorized always-on build: Fitbit lists
// `access_aod` as restricted (a watch refuses to sideload it, the gallery refuses it without
// Fitbit's prior authorization), so only this variant requests it and carries the always-on layout
// (variants/aod/) and code (app/aod-face.ts, switched on by app/variant.ts). Used by
// scripts/build-aod.ts and the simulator's own builds (sim/ensure-build.ts).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export type BuildVariant = "default" | "aod";

/** The restricted permission the always-on variant requests. */
export const AOD_PERMISSION = "access_aod";

/** The sources a build reads (fitbit-build finds entries by name under these). */
export const BUILD_SOURCES = ["app", "companion", "settings", "common", "resources", "package.json", "tsconfig.json"];

/** Where the always-on layout goes in resources/index.view. */
const AOD_MARKER = /^.*always-on layout: inserted here.*$/m;

/** resources/index.view with the always-on layout of `root`'s variants/aod/ inserted. */
export function aodView(root: string, view: string): string {
  if (!AOD_MARKER.test(view)) throw new Error("resources/index.view has no always-on layout marker");
  const part = readFileSync(join(root, "variants", "aod", "index.view.part"), "utf8");
  return view.replace(AOD_MARKER, part.replace(/\n$/, ""));
}

/** resources/styles.css with the always-on styles appended. */
export function aodStyles(root: string, css: string): string {
  return css + readFileSync(join(root, "variants", "aod", "styles.css.part"), "utf8");
}

/** Turns a staged copy into the authorized always-on build. */
function applyAod(root: string, stage: string): void {
  const pkgPath = join(stage, "package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { fitbit: { requestedPermissions: string[] } };
  if (pkg.fitbit.requestedPermissions.indexOf(AOD_PERMISSION) < 0) pkg.fitbit.requestedPermissions.push(AOD_PERMISSION);
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
  const view = join(stage, "resources", "index.view");
  writeFileSync(view, aodView(root, readFileSync(view, "utf8")));
  const css = join(stage, "resources", "styles.css");
  writeFileSync(css, aodStyles(root, readFileSync(css, "utf8")));
  writeFileSync(
    join(stage, "app", "variant.ts"),
    "// Written by tools/build-variant.ts for the authorized always-on build.\nexport const AOD_BUILD = true;\n",
  );
}

/**
 * Copies the sources into a fresh staging folder of its own under build/ (with `credentialsModule`
 * as companion/generated/credentials.ts and a link to node_modules), applies the variant, runs
 * fitbit-build there and moves the .fba to `fba` in one rename. Builds running at once never share
 * a folder. Throws with the build's output when it fails.
 */
export function buildStaged(root: string, variant: BuildVariant, credentialsModule: string, fba: string): void {
  mkdirSync(join(root, "build"), { recursive: true });
  const stage = mkdtempSync(join(root, "build", "stage-"));
  for (const source of BUILD_SOURCES)
    cpSync(join(root, source), join(stage, source), {
      recursive: true,
      filter: (path) => !path.startsWith(join(root, "companion", "generated")),
    });
  symlinkSync(join(root, "node_modules"), join(stage, "node_modules"), "dir");
  mkdirSync(join(stage, "companion", "generated"), { recursive: true });
  writeFileSync(join(stage, "companion", "generated", "credentials.ts"), credentialsModule);
  if (variant === "aod") applyAod(root, stage);
  const result = spawnSync(process.execPath, [join(root, "node_modules", "@fitbit", "sdk", "bin", "fitbit-build.js")], {
    cwd: stage,
    encoding: "utf8",
  });
  try {
    if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
    mkdirSync(dirname(fba), { recursive: true });
    renameSync(join(stage, "build", "app.fba"), fba);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
