// One run of an .fba in the simulated world: parse the scenario, install (refused for an
// unauthorized restricted permission), boot, run the steps and return what was seen. The CLI
// and projects that drive the simulator from their own tests share it.
import { Fba } from "./fba";
import { Network } from "./phone/network";
import { RunResult } from "./report";
import { parseScenario, Scenario, ScenarioExtension } from "./scenario";
import { runStep, StepContext } from "./steps";
import { Simulator } from "./simulator";

export interface RunOptions {
  /** Where the phone's requests go (default: no network). */
  network?: Network;
  /** Folder for the PNGs. */
  out: string;
  /** Write PNGs (the layout check runs either way). */
  png: boolean;
  /** The project's own scenario fields and steps. */
  scenarioExtension?: ScenarioExtension;
  /** Runs the project's own steps. */
  runExtension?: StepContext["extension"];
  /**
   * Called with the installed world before it boots: settings the user already chose, or a fake
   * server that reads `sim.clock`, say.
   */
  beforeBoot?(sim: Simulator): void;
  log?(line: string): void;
}

/** Runs a parsed scenario; the process's TZ becomes the scenario's zone (the bundles' local time). */
export async function runParsed(fba: Fba, scenario: Scenario, options: RunOptions): Promise<RunResult> {
  process.env.TZ = scenario.timeZone;
  const sim = new Simulator(fba, scenario, { network: options.network });
  options.beforeBoot?.(sim);
  const ctx: StepContext = { extension: options.runExtension, outDir: options.out, screens: [], png: options.png };
  await sim.boot();
  for (const step of scenario.steps) await runStep(sim, step, ctx);
  if (process.env.SIM_VERBOSE === "1") for (const line of sim.logs) options.log?.(`  log: ${line}`);
  return {
    screens: ctx.screens,
    requests: sim.requests,
    transfers: sim.link.transfers,
    problems: sim.problems,
    notEmulated: sim.notEmulated,
    target: sim.target,
  };
}

/** Parses a scenario document and runs it. */
export function run(fba: Fba, rawScenario: unknown, options: RunOptions): Promise<RunResult> {
  return runParsed(fba, parseScenario(rawScenario, options.scenarioExtension), options);
}
