// Runs one scenario document in the simulated world: builds (or reuses) the .fba, starts the fake
// servers unless a server URL is given, runs the steps and returns what was seen. The CLI and the
// tests that need many runs (the layout check) share it.
import { ClientCredentials, PROVIDERS } from "../common/providers";
import { readFba } from "../tools/fba";
import { SIM_BROKER_URL, startBroker } from "./broker";
import { Routes } from "./phone/route-fetch";
import { ensureBuild, NO_CREDENTIALS, simulatorCredentials } from "./ensure-build";
import { RunResult } from "./report";
import { runStep, StepContext } from "./run-steps";
import { parseScenario } from "./scenario";
import { FakeServer, startFakeServer } from "./servers";
import { Simulator } from "./simulator";

export interface RunOptions {
  root: string;
  provider: "google" | "fitbit" | null;
  server: string | null;
  /** Broker mode for this run whatever the scenario says. */
  broker?: boolean;
  out: string;
  /** Write PNGs (the layout check runs either way). */
  png: boolean;
  log(line: string): void;
}

/** The build's credentials in broker mode: every provider that can use the broker does, without a secret. */
export function throughBroker(credentials: ClientCredentials): ClientCredentials {
  const built = { ...credentials };
  for (const p of PROVIDERS)
    if (p.credentials.brokerUrl !== null)
      built[p.id] = { ...credentials[p.id], clientSecret: "", brokerUrl: SIM_BROKER_URL };
  return built;
}

export async function runScenario(raw: unknown, options: RunOptions): Promise<RunResult> {
  const scenario = parseScenario(raw, options.provider ?? "google");
  if (options.provider !== null) scenario.provider = options.provider;
  if (options.broker === true) scenario.broker = true;
  process.env.TZ = scenario.timeZone; // the bundles' local time is the scenario's zone
  const credentials = scenario.oauthClients === "none" ? NO_CREDENTIALS : simulatorCredentials(options.root);
  // Broker mode: the build knows the broker's URL and no client secret; the Worker holds the secret.
  const built = scenario.broker ? throughBroker(credentials) : credentials;
  const fba = readFba(ensureBuild(options.root, built, options.log, scenario.build));
  // The fake server reads the simulator's virtual clock once the simulator exists.
  let clockNow = () => new Date(scenario.start).getTime();
  let server: FakeServer | null = null;
  if (options.server === null) {
    server = await startFakeServer({
      now: () => clockNow(),
      timeZone: scenario.timeZone,
      seed: scenario.seed,
      answers: scenario.answers,
      google: { ...credentials.google, redirectUris: scenario.broker ? [SIM_BROKER_URL + "/callback"] : undefined },
      fitbit: credentials.fitbit,
    });
  }
  const base = options.server ?? server?.url ?? "";
  const broker = scenario.broker
    ? await startBroker({
        root: options.root,
        clientId: credentials.google.clientId,
        clientSecret: credentials.google.clientSecret,
        googleBase: () => base,
      })
    : null;
  const routes: Routes = { serverBase: () => base, broker: broker && { url: SIM_BROKER_URL, fetch: broker.fetch } };
  const ctx: StepContext = { server, outDir: options.out, screens: [], png: options.png };
  try {
    const sim = new Simulator(fba, scenario, routes); // refuses the install of an unauthorized restricted permission
    clockNow = () => sim.clock.now();
    await sim.boot();
    for (const step of scenario.steps) await runStep(sim, step, ctx);
    if (process.env.SIM_VERBOSE === "1") for (const line of sim.logs) options.log(`  log: ${line}`);
    return { screens: ctx.screens, requests: sim.requests, transfers: sim.link.transfers, problems: sim.problems };
  } finally {
    await server?.close();
    await broker?.dispose();
  }
}
