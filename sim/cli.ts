// npm start -- [--scenario FILE] [--provider google|fitbit] [--server URL] [--json] [--out DIR]
// Runs the built .fba in the simulated world and reports what the watch showed.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readFba } from "../tools/fba";
import { ensureBuild, simulatorCredentials } from "./ensure-build";
import { RunResult, toJson, toText } from "./report";
import { runStep, StepContext } from "./run-steps";
import { parseScenario, ScenarioError } from "./scenario";
import { FakeServer, startFakeServer } from "./servers";
import { Simulator } from "./simulator";

export interface CliOptions {
  scenario: string | null;
  provider: "google" | "fitbit" | null;
  server: string | null;
  json: boolean;
  out: string;
}

/** Parses the command line; throws ScenarioError with a usage line on bad input. */
export function parseArgs(argv: string[], root: string): CliOptions {
  const options: CliOptions = {
    scenario: null,
    provider: null,
    server: null,
    json: false,
    out: join(root, "build", "sim"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new ScenarioError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--scenario") options.scenario = resolve(value());
    else if (arg === "--server") options.server = new URL(value()).toString();
    else if (arg === "--out") options.out = resolve(value());
    else if (arg === "--provider") {
      const provider = value();
      if (provider !== "google" && provider !== "fitbit")
        throw new ScenarioError("--provider must be google or fitbit");
      options.provider = provider;
    } else
      throw new ScenarioError(
        `unknown argument ${arg}\nusage: npm start -- [--scenario FILE] [--provider google|fitbit] [--server URL] [--json] [--out DIR]`,
      );
  }
  return options;
}

async function run(options: CliOptions, root: string): Promise<RunResult> {
  const raw: unknown = JSON.parse(readFileSync(options.scenario ?? join(__dirname, "scenarios", "demo.json"), "utf8"));
  const scenario = parseScenario(raw, options.provider ?? "google");
  if (options.provider !== null) scenario.provider = options.provider;
  process.env.TZ = scenario.timeZone; // the bundles' local time is the scenario's zone
  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(line + "\n");
  const credentials = simulatorCredentials(root);
  const fba = readFba(ensureBuild(root, credentials, log));
  // The fake server reads the simulator's virtual clock once the simulator exists.
  let clockNow = () => new Date(scenario.start).getTime();
  let server: FakeServer | null = null;
  if (options.server === null) {
    server = await startFakeServer({
      now: () => clockNow(),
      timeZone: scenario.timeZone,
      seed: scenario.seed,
      answers: scenario.answers,
      google: credentials.google,
      fitbit: credentials.fitbit,
    });
  }
  const base = options.server ?? server?.url ?? "";
  const sim = new Simulator(fba, scenario, () => base);
  clockNow = () => sim.clock.now();
  const ctx: StepContext = { server, outDir: options.out, screens: [], png: true };
  try {
    await sim.boot();
    for (const step of scenario.steps) await runStep(sim, step, ctx);
  } finally {
    await server?.close();
  }
  for (const line of sim.logs) if (!options.json && process.env.SIM_VERBOSE === "1") log(`  log: ${line}`);
  return { screens: ctx.screens, requests: sim.requests, transfers: sim.link.transfers, problems: sim.problems };
}

async function main(): Promise<number> {
  const root = join(__dirname, "..");
  const started = Date.now();
  try {
    const options = parseArgs(process.argv.slice(2), root);
    const result = await run(options, root);
    if (options.json) process.stdout.write(toJson(result) + "\n");
    else console.log(`${toText(result)}\nsimulated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    console.error(
      error instanceof ScenarioError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
    return 2;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
