// Writes companion/generated/credentials.ts (git-ignored) from the environment or from the
// git-ignored credentials.local.json, so OAuth client credentials are compiled into the companion
// without ever being committed. Missing credentials are not an error: the build still succeeds
// and the settings page explains that no OAuth client is configured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { brokerOf, isClientConfigured, PROVIDERS } from "../common/providers";
import { CredentialsError, readCredentials, renderCredentialsModule } from "../tools/credentials";

function main(): void {
  const root = join(__dirname, "..");
  let credentials;
  try {
    credentials = readCredentials(process.env, join(root, "credentials.local.json"));
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    console.error(`credentials: ${error.message}`);
    process.exit(1);
  }
  const target = join(root, "companion", "generated", "credentials.ts");
  const source = renderCredentialsModule(credentials);
  mkdirSync(dirname(target), { recursive: true });
  if (!existsSync(target) || readFileSync(target, "utf8") !== source) writeFileSync(target, source);
  // Only whether each client is configured is printed, never the values.
  const states = PROVIDERS.map(
    (p) =>
      `${p.id} ${isClientConfigured(p.id, credentials) ? "configured" : "not configured"}` +
      (brokerOf(p.id, credentials) === null ? "" : " (through the token broker, no client secret)"),
  );
  console.log(`OAuth clients: ${states.join(", ")}`);
}

if (require.main === module) main();
