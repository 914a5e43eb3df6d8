// Reads the OAuth client credentials a build compiles in: for each provider, from the environment
// variables its record names (common/providers.ts), else from the git-ignored credentials.local.json.
// Used by the credentials writer (scripts/) and the simulator's own build (sim/).
import { existsSync, readFileSync } from "node:fs";
import { ClientCredentials, CredentialSource, PROVIDERS } from "../common/providers";

/** A credential that cannot be built: its message says what to change (never a value). */
export class CredentialsError extends Error {}

/** Checks a broker URL and drops a trailing slash: https only, no query or fragment. */
function brokerUrl(raw: string, source: string): string {
  if (raw === "") return "";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CredentialsError(`${source} is not a URL`);
  }
  if (url.protocol !== "https:" || url.search !== "" || url.hash !== "" || url.username !== "")
    throw new CredentialsError(`${source} must be an https:// URL without query, fragment or user`);
  // The Worker routes /callback, /token, /refresh and /revoke at the root of its own host and builds
  // Google's redirect_uri from it: a deployment under a path cannot work.
  if (url.pathname !== "/")
    throw new CredentialsError(`${source} must be the broker's origin (https://host), without a path`);
  return url.toString().replace(/\/+$/, "");
}

/**
 * Reads credentials: environment variables win over the local file's fields. With a broker URL
 * the client secret belongs to the broker (a Worker secret), so a build that is also given one
 * is refused rather than let it be compiled into the companion.
 */
export function readCredentials(env: NodeJS.ProcessEnv, localFile: string): ClientCredentials {
  let local: Record<string, unknown> = {};
  if (existsSync(localFile)) {
    const parsed: unknown = JSON.parse(readFileSync(localFile, "utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${localFile} must hold a JSON object`);
    }
    local = parsed as Record<string, unknown>;
  }
  const pick = (source: CredentialSource | null): string => {
    if (source === null) return "";
    const fromEnv = env[source.env];
    if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv.trim();
    const fromFile = local[source.field];
    return typeof fromFile === "string" ? fromFile.trim() : "";
  };
  const credentials = {} as ClientCredentials;
  for (const p of PROVIDERS) {
    const source = p.credentials.brokerUrl;
    const broker = source === null ? "" : brokerUrl(pick(source), `${source.env} (or ${source.field})`);
    const secret = pick(p.credentials.clientSecret);
    if (broker !== "" && secret !== "" && p.credentials.clientSecret !== null)
      throw new CredentialsError(
        `${source?.env} is set, so the ${p.displayName} client secret belongs to the broker ` +
          `(cd broker && npx wrangler secret put GOOGLE_CLIENT_SECRET), not to the build: ` +
          `remove ${p.credentials.clientSecret.env} / ${p.credentials.clientSecret.field} and build again.`,
      );
    credentials[p.id] = { clientId: pick(p.credentials.clientId), clientSecret: secret };
    if (broker !== "") credentials[p.id].brokerUrl = broker;
  }
  return credentials;
}

/** The environment that makes a build compile in exactly these credentials. */
export function credentialsEnv(credentials: ClientCredentials): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of PROVIDERS) {
    env[p.credentials.clientId.env] = credentials[p.id].clientId;
    if (p.credentials.clientSecret !== null) env[p.credentials.clientSecret.env] = credentials[p.id].clientSecret;
    if (p.credentials.brokerUrl !== null) env[p.credentials.brokerUrl.env] = credentials[p.id].brokerUrl ?? "";
  }
  return env;
}

/** Renders the generated module's source. */
export function renderCredentialsModule(credentials: ClientCredentials): string {
  return [
    "// Generated at build time (tools/credentials.ts). Never commit this file.",
    'import { ClientCredentials } from "../deps";',
    "",
    `export const CREDENTIALS: ClientCredentials = ${JSON.stringify(credentials, null, 2)};`,
    "",
  ].join("\n");
}
