/**
 * Keys of the strings the settings page and the companion share through `settingsStorage`.
 * Tokens are never among them: they live only in the companion's local storage.
 */
export const SettingsKey = {
  /** Written by the companion: which providers this build has an OAuth client for (JSON). */
  clientConfigured: "clientConfigured",
  /** Selected data provider (`Select` JSON), default Google Health. */
  provider: "provider",
} as const;

/** Which providers have OAuth client credentials compiled into this build. */
export interface ClientConfigured {
  google: boolean;
  fitbit: boolean;
}

/** Reads the companion-written {@link ClientConfigured} value; unknown shapes mean "not configured". */
export function parseClientConfigured(raw: string | null | undefined): ClientConfigured {
  const none = { google: false, fitbit: false };
  if (typeof raw !== "string") return none;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return none;
  }
  if (typeof value !== "object" || value === null) return none;
  const record = value as { [key: string]: unknown };
  return { google: record.google === true, fitbit: record.fitbit === true };
}
