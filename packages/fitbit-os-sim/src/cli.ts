// fitbit-os-sim run APP.fba [--scenario FILE] [--server URL] [--json] [--out DIR] [--target T] [--locale L]
// Runs any clock face's .fba in the simulated world and reports what the watch showed. Exit
// codes: 0 ran, 2 bad arguments or scenario, 3 the watch refused the install.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readFba } from "./fba";
import { NO_NETWORK, serverNetwork } from "./phone/network";
import { toJson, toText } from "./report";
import { run } from "./run";
import { ScenarioError } from "./scenario";
import { InstallRefused } from "./simulator";

export const USAGE = `usage: fitbit-os-sim run APP.fba [--scenario FILE] [--server URL] [--json] [--out DIR] [--target T] [--locale L]

  --scenario FILE  steps to run (JSON, README "Scenarios"); without one: boot and one screen
  --server URL     where the phone's requests go (same path and query); without one: no network
  --json           the report as JSON on stdout (README "Output")
  --out DIR        folder for the PNGs (default ./sim-out)
  --target T       the watch to play (atlas, vulcan, …; default: the .fba's atlas, vulcan or first)
  --locale L       the user's language (default the scenario's, else en-US)`;

export interface CliOptions {
  fba: string;
  scenario: string | null;
  server: string | null;
  json: boolean;
  out: string;
  target: string | null;
  locale: string | null;
}

/** Parses the command line; throws ScenarioError with the usage on bad input. */
export function parseArgs(argv: string[], cwd: string): CliOptions {
  const [command, ...rest] = argv;
  if (command !== "run")
    throw new ScenarioError(command === undefined ? USAGE : `unknown command ${command}\n${USAGE}`);
  const options: CliOptions = {
    fba: "",
    scenario: null,
    server: null,
    json: false,
    out: join(cwd, "sim-out"),
    target: null,
    locale: null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string => {
      const next = rest[++i];
      if (next === undefined) throw new ScenarioError(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--scenario") options.scenario = resolve(cwd, value());
    else if (arg === "--server") options.server = new URL(value()).toString();
    else if (arg === "--out") options.out = resolve(cwd, value());
    else if (arg === "--target") options.target = value();
    else if (arg === "--locale") options.locale = value();
    else if (arg.startsWith("--") || options.fba !== "") throw new ScenarioError(`unknown argument ${arg}\n${USAGE}`);
    else options.fba = resolve(cwd, arg);
  }
  if (options.fba === "") throw new ScenarioError(`run needs the .fba to run\n${USAGE}`);
  return options;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ScenarioError(`scenario: ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const started = Date.now();
  try {
    const options = parseArgs(argv, cwd);
    const raw = options.scenario === null ? {} : readJson(options.scenario);
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      const record = raw as Record<string, unknown>;
      if (options.target !== null) record.target = options.target;
      if (options.locale !== null) record.locale = options.locale;
    }
    let fba;
    try {
      fba = readFba(options.fba);
    } catch (error) {
      throw new ScenarioError(
        `${options.fba}: not a readable .fba (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const log = (line: string) => (options.json ? process.stderr : process.stdout).write(line + "\n");
    const result = await run(fba, raw, {
      network: options.server === null ? NO_NETWORK : serverNetwork(options.server),
      out: options.out,
      png: true,
      log,
    });
    if (options.json) process.stdout.write(toJson(result) + "\n");
    else console.log(`${toText(result)}\nsimulated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    return exitCodeOf(error);
  }
}

/**
 * Says why a run failed and gives its exit code: 3 for a refused install (as a sideload to a watch
 * would fail), 2 for anything else (a bad argument or scenario names what is wrong).
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof InstallRefused) {
    console.error(error.message);
    return 3;
  }
  console.error(
    error instanceof ScenarioError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
  return 2;
}
