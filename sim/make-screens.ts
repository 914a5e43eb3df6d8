// Regenerates docs/screens/<locale>/: the face's states, its always-on layout and the phone's
// settings page in every language, rendered by the simulator from the built .fba
// (npm run screens). The states are the documented scenario of sim/screen-scenarios.ts, which
// the layout test also runs; a screen with an overlap stops the run.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { runScenario } from "./run-scenario";
import { documentedScenario, LOCALES, noClientScenario } from "./screen-scenarios";

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  for (const locale of LOCALES) {
    const out = join(root, "docs", "screens", locale);
    mkdirSync(out, { recursive: true });
    for (const file of readdirSync(out)) if (file.endsWith(".png")) rmSync(join(out, file));
    const options = { root, provider: null, server: null, out, png: true, log: (line: string) => console.log(line) };
    for (const scenario of [documentedScenario(locale, "atlas"), noClientScenario(locale)]) {
      const result = await runScenario(scenario, options);
      const bad = result.screens.filter((s) => s.overlaps.length > 0).map((s) => s.name);
      if (bad.length > 0 || result.problems.length > 0)
        throw new Error(`${locale}: overlaps in ${bad.join(", ")}; problems: ${result.problems.join("; ")}`);
    }
    console.log(`${locale}: ${readdirSync(out).length} screens in ${out}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
