// npm run test:e2e builds first: every .fba the end-to-end tests run (the simulator's usual build,
// the authorized always-on build, one without OAuth clients, one in broker mode), one after the
// other, before any test starts. A test's own ensureBuild then finds each one fresh: no two
// processes build at once.
import { join } from "node:path";
import { ensureBuild, NO_CREDENTIALS, simulatorCredentials } from "./ensure-build";
import { throughBroker } from "./run-scenario";

function main(): void {
  const root = join(__dirname, "..");
  const usual = simulatorCredentials(root);
  const started = Date.now();
  const log = (line: string) => console.log(line);
  ensureBuild(root, usual, log);
  ensureBuild(root, usual, log, "aod");
  ensureBuild(root, NO_CREDENTIALS, log);
  ensureBuild(root, throughBroker(usual), log);
  console.log(`simulator builds ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
