// Wires the companion's triggers (design §3): launch, wake interval, settings changes, the watch
// app opening its socket, and refresh requests from the watch (rate-limited).
import { isRefreshRequest } from "../common/messages";
import { ClientCredentials, isClientConfigured, providerInfo, PROVIDERS } from "../common/providers";
import { ClientConfigured, readOptions, readProvider, SettingsKey } from "../common/settings-keys";
import { SyncStatus } from "../common/sync-status";
import { readOutcome } from "./http/outcome";
import { completeSignIn, prepareSignIn, signOut } from "./auth/sign-in";
import { TokenKeeper } from "./auth/token-keeper";
import { readPending, readTokens } from "./auth/token-store";
import { CompanionDeps } from "./deps";
import { SyncEngine } from "./sync/sync-engine";

/** Platform minimum wake interval (fitbit-os.md §5). */
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
}

export function start(deps: CompanionDeps, events: CompanionEvents): SyncEngine {
  const engine = new SyncEngine(deps, new TokenKeeper(deps));
  const run = (forced: boolean) =>
    engine.sync(forced).catch((error: unknown) => deps.log(`sync crashed: ${String(error)}`));
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
  if (readTokens(deps.storage) === null && readPending(deps.storage) === null) prepareSignIn(deps);

  events.onWake(() => void run(false));
  events.onPeerOpen(() => void run(false));
  events.onPeerMessage((data) => {
    if (isRefreshRequest(data)) void engine.requestRefresh();
  });
  events.onSettingsChange((key) => void onSettings(key));

  async function onSettings(key: string | null): Promise<void> {
    if (key === SettingsKey.oauthReturn) {
      const result = await completeSignIn(deps);
      if (result === "signedIn") await engine.resetAfterSignIn();
      else if (result === "retired") await engine.markRetired();
    } else if (key === SettingsKey.signOut) {
      await signOut(deps);
      await engine.signedOut();
      prepareSignIn(deps);
    } else if (key === SettingsKey.provider) {
      if (readTokens(deps.storage) === null) {
        await engine.clearRetired();
        prepareSignIn(deps);
        await probeLegacy();
      } else await run(true);
    } else {
      applyWakeInterval();
      await run(false);
    }
  }

  /**
   * With a provider chosen that may be retired (the legacy Fitbit Web API answers 410 on every URL
   * since 2026-11-02) and nobody signed in, one unauthenticated request tells whether it still
   * exists, so the user learns it before trying a sign-in whose consent page is gone too.
   */
  async function probeLegacy(): Promise<void> {
    const url = providerInfo(readProvider((k) => deps.settings.getItem(k))).retiredProbeUrl;
    if (url === null || readTokens(deps.storage) !== null) return;
    if (engine.state().status === SyncStatus.Retired) return;
    try {
      const outcome = await readOutcome(
        await deps.http({ method: "GET", url, headers: { Accept: "application/json" } }),
      );
      if (!outcome.ok && outcome.failure.kind === "retired") await engine.markRetired();
    } catch (error) {
      deps.log(`legacy API not reached: ${String(error)}`);
    }
  }

  void probeLegacy();
  void run(false);
  return engine;
}
