// npm run build:aod: the authorized always-on build, build/app-aod.fba. `access_aod` is restricted:
// a watch refuses to sideload this build, and the gallery refuses it, unless Fitbit authorized the
// developer (README "Always-on display"). Built in a staging copy with the same credentials as
// `npm run build` (companion/generated/credentials.ts), so the sources and build/app.fba stay the
// installable default.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildStaged } from "../tools/build-variant";

function main(): void {
  const root = join(__dirname, "..");
  const credentials = readFileSync(join(root, "companion", "generated", "credentials.ts"), "utf8");
  const fba = join(root, "build", "app-aod.fba");
  buildStaged(root, "aod", credentials, fba);
  console.log(
    `wrote ${fba}: requests access_aod; check it with npm run check:device -- ${fba} --authorized access_aod`,
  );
}

main();
