// Wires the companion's triggers (docs/design.md §3): launch, wake interval, settings changes, the watch
// app opening its socket, and refresh requests from the watch (rate-limited).
import { isRefreshRequest, readHello, readWakeMessage } from "../common/messages";
import { ClientCredentials, isClientConfigured, PROVIDERS } from "../common/providers";
import { ClientConfigured, readOptions, SettingsKey } from "../common/settings-keys";
import { SignInFlow } from "./auth/sign-in-flow";
import { TokenKeeper } from "./auth/token-keeper";
import { CompanionDeps } from "./deps";
import { SyncEngine } from "./sync/sync-engine";

/** Platform minimum wake interval (docs/reference/fitbit-os.md §5). */
export const MIN_WAKE_INTERVAL_MS = 5 * 60 * 1000;

/** Tells which providers the build can sign in with, from the compiled-in credentials. */
export function describeClients(credentials: ClientCredentials): ClientConfigured {
  const configured = {} as ClientConfigured;
  for (const p of PROVIDERS) configured[p.id] = isClientConfigured(p.id, credentials);
  return configured;
}

/** Events the entry file subscribes to on the real modules. */
export interface CompanionEvents {
  onWake(listener: () => void): void;
  onSettingsChange(listener: (key: string | null) => void): void;
  onPeerOpen(listener: () => void): void;
  onPeerMessage(listener: (data: unknown) => void): void;
  /** Files from the watch (their CBOR value), those that launched the companion included. */
  onWatchFile(listener: (value: unknown) => void): void;
}

export function start(deps: CompanionDeps, events: CompanionEvents): SyncEngine {
  const engine = new SyncEngine(deps, new TokenKeeper(deps));
  const signIn = new SignInFlow(deps, engine);
  const log = (error: unknown) => deps.log(`companion: ${String(error)}`);
  // A run that finds the grant gone hands over to the sign-in, which offers a new one at once.
  engine.onGrantEnded = () => void signIn.handle({ type: "grantEnded" }).catch(log);
  const run = () => engine.sync().catch(log);
  const applyWakeInterval = () => {
    // The interval is not documented to survive a relaunch, so it is set on every start.
    deps.host.wakeInterval = Math.max(
      MIN_WAKE_INTERVAL_MS,
      readOptions((k) => deps.settings.getItem(k)).refreshMinutes * 60000,
    );
  };
  applyWakeInterval();
  const configured = JSON.stringify(describeClients(deps.credentials));
  if (deps.settings.getItem(SettingsKey.clientConfigured) !== configured)
    deps.settings.setItem(SettingsKey.clientConfigured, configured);

  events.onWake(() => void run());
  events.onPeerOpen(() => void run());
  // The watch asks by message when the socket is open, else by file (its arrival launches us).
  const fromWatch = (data: unknown) => {
    const woke = readWakeMessage(data);
    const hello = readHello(data);
    if (woke !== null) engine.wokeUp(woke).catch(log);
    else if (hello !== null) engine.watchSignalsWake(hello).catch(log);
    else if (isRefreshRequest(data)) engine.requestRefresh().catch(log);
  };
  events.onPeerMessage(fromWatch);
  events.onWatchFile(fromWatch);
  events.onSettingsChange((key) => {
    if (key === SettingsKey.oauthComponent) {
      // The <Oauth> component's own copy of its result: the companion exchanges from oauthReturn
      // and keeps nothing of a sign-in in shared storage.
      if (deps.settings.getItem(key) !== null) deps.settings.removeItem(key);
      return;
    }
    const handled = signIn.onSettingsChange(key);
    if (handled !== false) handled.catch(log);
    else {
      applyWakeInterval();
      void run();
    }
  });

  // Whatever launched the companion, pending sign-in work is settled first.
  signIn.launch().catch(log);
  void run();
  return engine;
}
