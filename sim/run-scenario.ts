// Runs one scenario document of this project in the simulator (fitbit-os-sim): builds (or reuses)
// the .fba, starts the fake servers unless a server URL is given, and the token broker in broker
// mode, then lets the simulator run the steps, this project's own (faults) included. The CLI and
// the tests that need many runs (the layout check) share it.
import { readFba, RunResult, runParsed, Simulator } from "fitbit-os-sim";
import { ClientCredentials, PROVIDERS } from "../common/providers";
import { SIM_BROKER_URL, startBroker } from "./broker";
import { ensureBuild, NO_CREDENTIALS, simulatorCredentials } from "./ensure-build";
import { parseProjectScenario, ProjectStep } from "./scenario";
import { FakeServer, startFakeServer } from "./servers";
import { projectNetwork } from "./routes";
import { providerChoice } from "./choices";
import { SettingsKey } from "../common/settings-keys";

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

/** The fake servers' steps, on the fake server (none with --server). */
function runProjectStep(server: FakeServer | null, sim: Simulator, step: ProjectStep): void {
  if (server === null) sim.logs.push(`${step.do}: ignored with --server (no fake server to switch)`);
  else if (step.do === "clearFaults") server.clearFaults();
  else
    server.setFault({
      name: step.name,
      count: step.count,
      retryAfterSeconds: step.retryAfterSeconds,
      delayMs: step.delayMs,
    });
}

export async function runScenario(raw: unknown, options: RunOptions): Promise<RunResult> {
  const { scenario, project } = parseProjectScenario(raw, options.provider ?? "google");
  if (options.provider !== null) project.provider = options.provider;
  if (options.broker === true) project.broker = true;
  const credentials = project.oauthClients === "none" ? NO_CREDENTIALS : simulatorCredentials(options.root);
  // Broker mode: the build knows the broker's URL and no client secret; the Worker holds the secret.
  const built = project.broker ? throughBroker(credentials) : credentials;
  const fba = readFba(ensureBuild(options.root, built, options.log, project.build));
  // The fake server reads the simulator's virtual clock once the simulator exists.
  let clockNow = () => new Date(scenario.start).getTime();
  let server: FakeServer | null = null;
  if (options.server === null) {
    server = await startFakeServer({
      now: () => clockNow(),
      timeZone: scenario.timeZone,
      seed: project.seed,
      answers: project.answers,
      google: { ...credentials.google, redirectUris: project.broker ? [SIM_BROKER_URL + "/callback"] : undefined },
      fitbit: credentials.fitbit,
    });
  }
  const base = options.server ?? server?.url ?? "";
  const broker = project.broker
    ? await startBroker({
        root: options.root,
        clientId: credentials.google.clientId,
        clientSecret: credentials.google.clientSecret,
        googleBase: () => base,
      })
    : null;
  try {
    return await runParsed(fba, scenario, {
      network: projectNetwork({
        serverBase: () => base,
        broker: broker && { url: SIM_BROKER_URL, fetch: broker.fetch },
      }),
      out: options.out,
      png: options.png,
      log: options.log,
      beforeBoot: (sim) => {
        clockNow = () => sim.clock.now();
        // The scenario's provider is what the user picked on the settings page (its `provider` Select).
        if (project.provider === "fitbit") sim.settings.items.set(SettingsKey.provider, providerChoice("fitbit"));
      },
      runExtension: (sim, _name, step) => runProjectStep(server, sim, step as ProjectStep),
    });
  } finally {
    await server?.close();
    await broker?.dispose();
  }
}
