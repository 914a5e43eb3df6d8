// Reads the OAuth client credentials a build compiles in: for each provider, from the environment
// variables its record names (common/providers.ts), else from the git-ignored credentials.local.json.
// Used by the credentials writer (scripts/) and the simulator's own build (sim/).
import { existsSync, readFileSync } from "node:fs";
import { ClientCredentials, CredentialSource, PROVIDERS } from "../common/providers";

/** Reads credentials: environment variables win over the local file's fields. */
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
  for (const p of PROVIDERS)
    credentials[p.id] = { clientId: pick(p.credentials.clientId), clientSecret: pick(p.credentials.clientSecret) };
  return credentials;
}

/** The environment that makes a build compile in exactly these credentials. */
export function credentialsEnv(credentials: ClientCredentials): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of PROVIDERS) {
    env[p.credentials.clientId.env] = credentials[p.id].clientId;
    if (p.credentials.clientSecret !== null) env[p.credentials.clientSecret.env] = credentials[p.id].clientSecret;
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
