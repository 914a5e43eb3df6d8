// A broker-mode build (BROKER_URL) compiles in no client secret: the real build path
// (scripts/write-credentials.ts, then fitbit-build) in a copy of the project, with a sentinel
// secret where a developer keeps the broker's (broker/.dev.vars, for `wrangler dev`), and every
// file of the .fba searched for it, source maps and nested archives included.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readZip } from "fitbit-os-sim";

const ROOT = join(__dirname, "..", "..");
const SENTINEL = "SENTINEL-client-secret-4b1d7e";
const BROKER_URL = "https://auth.sleepface.example";
const CLIENT_ID = "sentinel-test.apps.googleusercontent.com";
const stage = mkdtempSync(join(tmpdir(), "broker-build-"));
after(() => rmSync(stage, { recursive: true, force: true }));

/** The environment without any credential of the developer's own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const own = Object.entries(process.env).filter(([key]) => !/^(GOOGLE_|FITBIT_|BROKER_)/.test(key));
  return { ...Object.fromEntries(own), ...extra };
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, args, { cwd: stage, env, encoding: "utf8" });
}

/** Every file in the archive and in the archives inside it. */
function everyFile(archive: Uint8Array, prefix = ""): Array<[string, Buffer]> {
  return [...readZip(archive)].flatMap(([name, data]): Array<[string, Buffer]> =>
    name.endsWith(".zip") ? everyFile(data, `${prefix}${name}/`) : [[prefix + name, data]],
  );
}

describe("a broker-mode build", () => {
  for (const part of ["app", "companion", "settings", "common", "resources", "scripts", "tools"])
    cpSync(join(ROOT, part), join(stage, part), {
      recursive: true,
      filter: (path) => !path.includes(join("companion", "generated")),
    });
  for (const file of ["package.json", "tsconfig.json", "tsconfig.node.json"])
    cpSync(join(ROOT, file), join(stage, file));
  symlinkSync(join(ROOT, "node_modules"), join(stage, "node_modules"), "dir");
  mkdirSync(join(stage, "broker"));
  writeFileSync(join(stage, "broker", ".dev.vars"), `GOOGLE_CLIENT_SECRET=${SENTINEL}\n`);
  writeFileSync(join(stage, "credentials.local.json"), JSON.stringify({ googleClientId: CLIENT_ID }));

  it("is refused when it is also given the client secret, and says where the secret belongs", () => {
    const result = run(
      ["--import", "tsx", "scripts/write-credentials.ts"],
      cleanEnv({ BROKER_URL, GOOGLE_CLIENT_SECRET: SENTINEL }),
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /wrangler secret put GOOGLE_CLIENT_SECRET/);
    assert.ok(!(result.stdout + result.stderr).includes(SENTINEL), "the refusal never prints the secret");
  });

  it("contains no client secret in any file of the .fba, source maps included", () => {
    const credentials = run(["--import", "tsx", "scripts/write-credentials.ts"], cleanEnv({ BROKER_URL }));
    assert.equal(credentials.status, 0, credentials.stderr);
    assert.match(credentials.stdout, /google configured \(through the token broker, no client secret\)/);
    const build = run([join(ROOT, "node_modules", "@fitbit", "sdk", "bin", "fitbit-build.js")], cleanEnv({}));
    assert.equal(build.status, 0, build.stdout + build.stderr);
    const files = everyFile(readFileSync(join(stage, "build", "app.fba")));
    assert.ok(
      files.some(([name]) => name.endsWith(".map")),
      "source maps are searched too",
    );
    for (const [name, data] of files)
      assert.ok(!data.toString("latin1").includes(SENTINEL), `${name} holds the secret`);
    const companion = files.find(([name]) => name.endsWith("companion.js"))?.[1].toString("utf8") ?? "";
    assert.ok(companion.includes(BROKER_URL), "the companion signs in through the broker");
    assert.ok(companion.includes(CLIENT_ID));
  });
});
