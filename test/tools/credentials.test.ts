import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { credentialsEnv, readCredentials, renderCredentialsModule } from "../../tools/credentials";

const tempDirs: string[] = [];
after(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function localFile(contents: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), "creds-"));
  tempDirs.push(dir);
  const path = join(dir, "credentials.local.json");
  if (contents !== null) writeFileSync(path, contents);
  return path;
}

describe("build-time OAuth credentials", () => {
  it("are empty when neither the environment nor the local file has them", () => {
    assert.deepEqual(readCredentials({}, localFile(null)), {
      google: { clientId: "", clientSecret: "" },
      fitbit: { clientId: "", clientSecret: "" },
    });
  });

  it("come from the local file when the environment is silent", () => {
    const file = localFile('{"googleClientId":"id.apps.googleusercontent.com","googleClientSecret":"s"}');
    assert.deepEqual(readCredentials({}, file).google, {
      clientId: "id.apps.googleusercontent.com",
      clientSecret: "s",
    });
  });

  it("prefer the environment over the local file", () => {
    const file = localFile('{"googleClientId":"file-id","fitbitClientId":"file-fitbit"}');
    const credentials = readCredentials({ GOOGLE_CLIENT_ID: "env-id", FITBIT_CLIENT_ID: " " }, file);
    assert.equal(credentials.google.clientId, "env-id");
    assert.equal(credentials.fitbit.clientId, "file-fitbit");
  });

  it("never read a secret for a provider whose record needs none", () => {
    const file = localFile('{"fitbitClientId":"f"}');
    assert.deepEqual(readCredentials({ FITBIT_CLIENT_SECRET: "x" }, file).fitbit, { clientId: "f", clientSecret: "" });
  });

  it("turn back into the environment that builds them in", () => {
    const credentials = readCredentials(
      { GOOGLE_CLIENT_ID: "g", GOOGLE_CLIENT_SECRET: "s", FITBIT_CLIENT_ID: "f" },
      localFile(null),
    );
    assert.deepEqual(credentialsEnv(credentials), {
      GOOGLE_CLIENT_ID: "g",
      GOOGLE_CLIENT_SECRET: "s",
      FITBIT_CLIENT_ID: "f",
    });
  });

  it("reject a local file that is not a JSON object", () => {
    assert.throws(() => readCredentials({}, localFile("[1]")), /must hold a JSON object/);
  });

  it("render a module that only holds the values given", () => {
    const source = renderCredentialsModule({
      google: { clientId: "a", clientSecret: "b" },
      fitbit: { clientId: "", clientSecret: "" },
    });
    assert.match(source, /export const CREDENTIALS: ClientCredentials = \{/);
    assert.match(source, /"clientSecret": "b"/);
  });
});
