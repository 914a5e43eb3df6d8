/** A string store (`settingsStorage`, `localStorage`): the parts the companion uses. */
export interface StringStore {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** OAuth client credentials compiled in at build time (empty strings when not configured). */
export interface ClientCredentials {
  google: { clientId: string; clientSecret: string };
  fitbit: { clientId: string };
}

/** The companion's view of the `me` object from the `companion` module. */
export interface CompanionHost {
  wakeInterval: number | undefined;
}

/** Everything the companion needs from the platform, wired by `companion/index.ts`. */
export interface CompanionDeps {
  host: CompanionHost;
  settings: StringStore;
  credentials: ClientCredentials;
}
