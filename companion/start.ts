import { ClientConfigured, SettingsKey } from "../common/settings-keys";
import { ClientCredentials, CompanionDeps } from "./deps";

/** Default wake interval (15 min); the platform minimum is 5 min (fitbit-os.md §5). */
export const WAKE_INTERVAL_MS = 15 * 60 * 1000;

/** Tells which providers the build can sign in with, from the compiled-in credentials. */
export function describeClients(credentials: ClientCredentials): ClientConfigured {
  return {
    google: credentials.google.clientId !== "" && credentials.google.clientSecret !== "",
    fitbit: credentials.fitbit.clientId !== "",
  };
}

/** Starts the companion: schedules wake-ups and tells the settings page what the build supports. */
export function start(deps: CompanionDeps): void {
  // The wake interval is not documented to survive a relaunch, so it is set on every start.
  deps.host.wakeInterval = WAKE_INTERVAL_MS;
  const configured = JSON.stringify(describeClients(deps.credentials));
  if (deps.settings.getItem(SettingsKey.clientConfigured) !== configured) {
    deps.settings.setItem(SettingsKey.clientConfigured, configured);
  }
}
