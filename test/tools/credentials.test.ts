import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { CredentialsError, credentialsEnv, readCredentials, renderCredentialsModule } from "../../tools/credentials";

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
      BROKER_URL: "",
      FITBIT_CLIENT_ID: "f",
    });
  });

  it("take a token broker URL from the environment or the file, without a trailing slash", () => {
    const fromEnv = readCredentials(
      { GOOGLE_CLIENT_ID: "g", BROKER_URL: "https://auth.example.com/" },
      localFile(null),
    );
    assert.deepEqual(fromEnv.google, { clientId: "g", clientSecret: "", brokerUrl: "https://auth.example.com" });
    const file = localFile('{"googleClientId":"g","brokerUrl":"https://auth.example.com"}');
    assert.equal(readCredentials({}, file).google.brokerUrl, "https://auth.example.com");
    assert.equal(readCredentials({}, file).fitbit.brokerUrl, undefined, "the legacy provider has no broker");
  });

  it("refuse a client secret next to a broker URL, without printing the secret", () => {
    const env = {
      GOOGLE_CLIENT_ID: "g",
      GOOGLE_CLIENT_SECRET: "SENTINEL-SECRET",
      BROKER_URL: "https://auth.example.com",
    };
    assert.throws(
      () => readCredentials(env, localFile(null)),
      (error: Error) =>
        error instanceof CredentialsError &&
        /wrangler secret put GOOGLE_CLIENT_SECRET/.test(error.message) &&
        !error.message.includes("SENTINEL-SECRET"),
    );
    const file = localFile('{"googleClientSecret":"SENTINEL-SECRET"}');
    assert.throws(() => readCredentials({ BROKER_URL: "https://auth.example.com" }, file), CredentialsError);
  });

  it("refuse a broker URL with a path: the Worker serves the root of its host (security review 13)", () => {
    for (const url of ["https://example.com/sleep-broker", "https://auth.example.com/callback", "https://a.example/x/"])
      assert.throws(
        () => readCredentials({ BROKER_URL: url }, localFile(null)),
        /origin \(https:\/\/host\), without a path/,
        url,
      );
  });

  it("refuse a broker URL that is not plain https", () => {
    for (const url of [
      "http://auth.example.com",
      "https://auth.example.com/?x=1",
      "not a url",
      "https://u@auth.example.com",
    ])
      assert.throws(() => readCredentials({ BROKER_URL: url }, localFile(null)), CredentialsError, url);
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
