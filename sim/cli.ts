// npm start -- [--scenario FILE] [--provider google|fitbit] [--server URL] [--broker] [--json] [--out DIR]
// Runs the built .fba in the simulated world and reports what the watch showed.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { exitCodeOf, RunResult, ScenarioError, toJson, toText } from "fitbit-os-sim";
import { runScenario } from "./run-scenario";

export interface CliOptions {
  scenario: string | null;
  provider: "google" | "fitbit" | null;
  server: string | null;
  json: boolean;
  out: string;
  /** Run the scenario in broker mode whatever it says (scenario field "broker"). */
  broker: boolean;
}

/** Parses the command line; throws ScenarioError with a usage line on bad input. */
export function parseArgs(argv: string[], root: string): CliOptions {
  const options: CliOptions = {
    scenario: null,
    provider: null,
    server: null,
    json: false,
    broker: false,
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
    else if (arg === "--broker") options.broker = true;
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
        `unknown argument ${arg}\nusage: npm start -- [--scenario FILE] [--provider google|fitbit] [--server URL] [--broker] [--json] [--out DIR]`,
      );
  }
  return options;
}

async function run(options: CliOptions, root: string): Promise<RunResult> {
  const raw: unknown = JSON.parse(readFileSync(options.scenario ?? join(__dirname, "scenarios", "demo.json"), "utf8"));
  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(line + "\n");
  return runScenario(raw, {
    root,
    provider: options.provider,
    server: options.server,
    broker: options.broker,
    out: options.out,
    png: true,
    log,
  });
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
    return exitCodeOf(error);
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
