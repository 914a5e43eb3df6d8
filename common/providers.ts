/**
 * Everything that differs between data providers, as data: one record each, read by the
 * companion, the settings page, the credentials writer and the simulator. Outside this file and
 * the providers' data readers (companion/providers/) no code branches on a provider's name.
 * Adding a provider: docs/decisions.md, "Providers as data".
 */

/** Data providers the companion can read from. */
export type ProviderId = "google" | "fitbit";

/** Where a build takes one credential from: an environment variable, or a credentials.local.json field. */
export interface CredentialSource {
  env: string;
  field: string;
}

export interface ProviderInfo {
  id: ProviderId;
  /** Its name on the settings page ("Signed in with {provider}"). */
  displayName: string;
  /** msgid of its entry in the provider Select. */
  optionLabel: string;
  /** msgid of the sign-in button. */
  signInLabel: string;
  /** msgid: which account to sign in with, said before sign-in. */
  accountHint: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  scopes: string[];
  /** Authorize parameters beyond the standard ones and PKCE. */
  authorizeParams: { [key: string]: string };
  /** The token endpoint wants the client secret (Google web clients do, even with PKCE). */
  needsSecret: boolean;
  /** Refresh tokens are single-use: each refresh must return a new one. */
  rotatesRefreshToken: boolean;
  /** Refresh this long before the access token expires. */
  refreshMarginMs: number;
  /** The revoke request carries the client id too. */
  revokeWithClientId: boolean;
  /** An unauthenticated URL that answers 410 once the provider is retired; null when none is expected. */
  retiredProbeUrl: string | null;
  /**
   * Where the build reads the OAuth client from, and for a provider that can sign in through the
   * token broker (broker/), its URL: with one, no client secret is compiled in.
   */
  credentials: {
    clientId: CredentialSource;
    clientSecret: CredentialSource | null;
    brokerUrl: CredentialSource | null;
  };
}

/** The Fitbit settings redirect page every provider must have registered (docs/reference/fitbit-os.md §6.1). */
export const REDIRECT_URI = "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html";

const GOOGLE_SCOPE = "https://www.googleapis.com/auth/googlehealth.";

/** The records, in the order the settings page lists them; the first is the default. */
export const PROVIDERS: ProviderInfo[] = [
  {
    id: "google",
    displayName: "Google Health",
    optionLabel: "Google Health",
    signInLabel: "Sign in with Google",
    accountHint: "Use the Google account your Fitbit data is in: the one the Fitbit app signs in with.",
    authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    revokeUrl: "https://oauth2.googleapis.com/revoke",
    // Read-only scopes for sleep, activity and resting heart rate (docs/reference/google-health-api.md §3.2).
    scopes: [
      GOOGLE_SCOPE + "sleep.readonly",
      GOOGLE_SCOPE + "activity_and_fitness.readonly",
      GOOGLE_SCOPE + "health_metrics_and_measurements.readonly",
    ],
    // A refresh token only with offline access, and on every consent only with prompt=consent.
    authorizeParams: { access_type: "offline", prompt: "consent" },
    needsSecret: true,
    rotatesRefreshToken: false,
    refreshMarginMs: 60000, // access tokens live 1 h
    revokeWithClientId: false,
    retiredProbeUrl: null,
    credentials: {
      clientId: { env: "GOOGLE_CLIENT_ID", field: "googleClientId" },
      clientSecret: { env: "GOOGLE_CLIENT_SECRET", field: "googleClientSecret" },
      brokerUrl: { env: "BROKER_URL", field: "brokerUrl" },
    },
  },
  {
    id: "fitbit",
    displayName: "Fitbit Web API",
    optionLabel: "Fitbit Web API (retired)",
    signInLabel: "Sign in with Fitbit",
    accountHint: "Use the Fitbit account your watch is set up with.",
    authorizeUrl: "https://www.fitbit.com/oauth2/authorize",
    tokenUrl: "https://api.fitbit.com/oauth2/token",
    revokeUrl: "https://api.fitbit.com/oauth2/revoke",
    scopes: ["sleep", "activity", "profile", "heartrate"], // docs/reference/fitbit-web-api.md §2.4
    authorizeParams: {},
    needsSecret: false, // a `client` app has none
    rotatesRefreshToken: true,
    refreshMarginMs: 30 * 60000, // access tokens live 8 h
    revokeWithClientId: true,
    // Every legacy URL answers 410 since 2026-11-02 (docs/reference/fitbit-web-api.md §1).
    retiredProbeUrl: "https://api.fitbit.com/1/user/-/profile.json",
    credentials: {
      clientId: { env: "FITBIT_CLIENT_ID", field: "fitbitClientId" },
      clientSecret: null,
      brokerUrl: null,
    },
  },
];

/** The provider a new user starts with. */
export const DEFAULT_PROVIDER: ProviderId = PROVIDERS[0].id;

/** Returns true when `value` names a provider. */
export function isProviderId(value: unknown): value is ProviderId {
  for (let i = 0; i < PROVIDERS.length; i++) if (PROVIDERS[i].id === value) return true;
  return false;
}

/** The record of a provider. */
export function providerInfo(id: ProviderId): ProviderInfo {
  for (let i = 0; i < PROVIDERS.length; i++) if (PROVIDERS[i].id === id) return PROVIDERS[i];
  throw new Error("unknown provider " + id);
}

/** One provider's OAuth client as compiled in ("" when not configured). */
export interface ClientCredential {
  clientId: string;
  clientSecret: string;
  /** The token broker's URL (https://…, no trailing slash); absent or "" signs in directly. */
  brokerUrl?: string;
}

/** Every provider's OAuth client, compiled into the companion at build time. */
export type ClientCredentials = { [id in ProviderId]: ClientCredential };

/** The broker this build signs in through for a provider, or null when it signs in directly. */
export function brokerOf(id: ProviderId, credentials: ClientCredentials): string | null {
  const url = credentials[id].brokerUrl;
  return url === undefined || url === "" ? null : url;
}

/**
 * Whether a build can sign in with this provider: a client id, and a secret where one is needed
 * (through a broker the broker holds it).
 */
export function isClientConfigured(id: ProviderId, credentials: ClientCredentials): boolean {
  const credential = credentials[id];
  return (
    credential.clientId !== "" &&
    (!providerInfo(id).needsSecret || credential.clientSecret !== "" || brokerOf(id, credentials) !== null)
  );
}

/** The redirect URI of a provider's sign-in: the broker's callback, else the Fitbit page. */
export function redirectUriOf(id: ProviderId, credentials: ClientCredentials): string {
  const broker = brokerOf(id, credentials);
  return broker === null ? REDIRECT_URI : broker + "/callback";
}
