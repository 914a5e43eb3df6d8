import { OPTIONS, optionsFromValues, WatchOptions } from "./options";
import { THEMES } from "./themes";
import { DEFAULT_PROVIDER, isProviderId, ProviderId, PROVIDERS, REDIRECT_URI } from "./providers";

/**
 * Keys of the strings the settings page and the companion share through `settingsStorage`; the
 * options' keys are in common/options.ts. Tokens are never among them: they live only in the
 * companion's local storage.
 */
export const SettingsKey = {
  /** Companion → page: which providers this build has an OAuth client for (JSON). */
  clientConfigured: "clientConfigured",
  /** Page: selected data provider (`Select` JSON), default Google Health. */
  provider: "provider",
  /** Companion → page: what the `<Oauth>` component needs for the next sign-in (JSON). */
  oauthRequest: "oauthRequest",
  /** Page → companion: the redirect's `code` and `state` (or `error`) from `<Oauth>` (JSON). */
  oauthReturn: "oauthReturn",
  /**
   * Page: the `<Oauth>` component's own `settingsKey`, where the component may store its result
   * (docs/reference/fitbit-os.md §6.1). This product exchanges the code in the companion, which ignores and clears it.
   */
  oauthComponent: "oauthComponent",
  /** Page → companion: the user tapped Sign out (any new value). */
  signOut: "signOut",
  /** Companion → page: sign-in state, last sync and the current problem (JSON). */
  status: "status",
  /**
   * Companion → page: how many grants from earlier sign-ins are still to be revoked at the
   * provider (absent when none): the page says so, as the access there is not yet withdrawn.
   */
  revokePending: "revokePending",
  /** Companion → page: set when this phone cannot make a sign-in safe (no secure random numbers). */
  signInUnavailable: "signInUnavailable",
} as const;

/** Which providers have OAuth client credentials compiled into this build. */
export type ClientConfigured = { [id in ProviderId]: boolean };

function parseJson(raw: string | null | undefined): unknown {
  if (typeof raw !== "string") return undefined;
  try {
    return JSON.parse(raw);
  } catch (e) {
    return undefined;
  }
}

function asRecord(value: unknown): { [key: string]: unknown } | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as { [key: string]: unknown })
    : null;
}

/** Reads the companion-written {@link ClientConfigured} value; unknown shapes mean "not configured". */
export function parseClientConfigured(raw: string | null | undefined): ClientConfigured {
  const record = asRecord(parseJson(raw));
  const configured = {} as ClientConfigured;
  for (let i = 0; i < PROVIDERS.length; i++)
    configured[PROVIDERS[i].id] = record !== null && record[PROVIDERS[i].id] === true;
  return configured;
}

/** The chosen value of a `Select` setting (`{"selected":[i],"values":[{"name","value"}]}`), if allowed. */
export function parseSelect<T extends string>(
  raw: string | null | undefined,
  allowed: T[],
  fallback: T,
  aliases: string[] = [],
): T {
  const parsed = parseJson(raw);
  const record = asRecord(parsed);
  const values = record === null ? null : record.values;
  const first = Array.isArray(values) ? asRecord(values[0]) : null;
  // A Select stores {selected, values}; a ColorSelect a JSON string: its value, or else its colour,
  // which `aliases` maps to the value at the same index (docs/reference/fitbit-os.md §6).
  const value = typeof parsed === "string" ? parsed : first === null ? undefined : first.value;
  if (value === undefined) return fallback; // (an alias list shorter than `allowed` must not match "nothing")
  for (let i = 0; i < allowed.length; i++) if (allowed[i] === value || aliases[i] === value) return allowed[i];
  return fallback;
}

/** What a Select stores when the user picks the value at `index` (shown as `name`). */
export function selectChoice(index: number, name: string, value: string): string {
  return JSON.stringify({ selected: [index], values: [{ name: name, value: value }] });
}

/** Reads the provider choice; the default provider unless the user picked another. */
export function readProvider(get: (key: string) => string | null | undefined): ProviderId {
  return parseSelect<ProviderId>(
    get(SettingsKey.provider),
    PROVIDERS.map((p) => p.id),
    DEFAULT_PROVIDER,
  );
}

/** Reads the watch options from settings (keys and values from common/options.ts). */
export function readOptions(get: (key: string) => string | null | undefined): WatchOptions {
  return optionsFromValues((name) =>
    parseSelect(get(name), OPTIONS[name].values, "", name === "theme" ? THEMES.map((t) => t.steps) : []),
  );
}

/** What the page needs to render `<Oauth>` for the next sign-in. */
export interface OauthRequest {
  provider: ProviderId;
  clientId: string;
  state: string;
  challenge: string;
  /** Where the provider sends the user back: the Fitbit page, or the token broker's /callback. */
  redirectUri: string;
}

/** Parses the companion's {@link OauthRequest}; null when absent or malformed. */
export function parseOauthRequest(raw: string | null | undefined): OauthRequest | null {
  const r = asRecord(parseJson(raw));
  if (r === null || !isProviderId(r.provider)) return null;
  if (typeof r.clientId !== "string" || typeof r.state !== "string" || typeof r.challenge !== "string") return null;
  // An older companion published no redirect URI: it signed in directly.
  const redirectUri =
    typeof r.redirectUri === "string" && /^https:\/\//.test(r.redirectUri) ? r.redirectUri : REDIRECT_URI;
  return { provider: r.provider, clientId: r.clientId, state: r.state, challenge: r.challenge, redirectUri };
}

/** What the redirect brought back to `<Oauth>`'s onReturn. */
export interface OauthReturn {
  code: string | null;
  state: string | null;
  error: string | null;
}

/** Parses the page's {@link OauthReturn}; null when absent or malformed. */
export function parseOauthReturn(raw: string | null | undefined): OauthReturn | null {
  const r = asRecord(parseJson(raw));
  if (r === null) return null;
  const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
  return { code: text(r.code), state: text(r.state), error: text(r.error) };
}

/** The companion's report for the page. */
export interface SyncReport {
  signedIn: boolean;
  provider: ProviderId;
  /** Epoch seconds of the last provider answer that succeeded, null if never. */
  lastSyncAt: number | null;
  /** Epoch seconds of the next planned call (the page says when it checks next), null if none. */
  nextCallAt: number | null;
  /** A {@link Problem} code. */
  problem: number;
  /** Epoch seconds before which no call is made (rate limit / backoff), null if none. */
  retryAt: number | null;
}

/** Parses the companion's {@link SyncReport}; null when absent or malformed. */
export function parseSyncReport(raw: string | null | undefined): SyncReport | null {
  const r = asRecord(parseJson(raw));
  if (r === null || typeof r.signedIn !== "boolean" || typeof r.problem !== "number") return null;
  // Epoch seconds from 2000 to 2100 only: anything else (1e300, a negative, a fraction) is no time.
  const time = (v: unknown): number | null =>
    typeof v === "number" && v % 1 === 0 && v >= 946684800 && v < 4102444800 ? v : null;
  const provider: ProviderId = isProviderId(r.provider) ? r.provider : DEFAULT_PROVIDER;
  return {
    signedIn: r.signedIn,
    provider: provider,
    lastSyncAt: time(r.lastSyncAt),
    nextCallAt: time(r.nextCallAt),
    problem: r.problem,
    retryAt: time(r.retryAt),
  };
}
