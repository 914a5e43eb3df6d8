// The security review's findings against the token broker, each reproduced under miniflare (workerd)
// with a stub Google on loopback that counts what reaches it. The rate limits use Cloudflare's
// rate-limiting binding as miniflare emulates it, with the limits broker/wrangler.toml declares.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readCapped } from "../../broker/src/handler";
import { importSealingKey, seal } from "../../broker/src/seal";
import { readRateLimits, RunningBroker, SIM_BROKER_URL, SIM_SEALING_KEY, startBroker } from "../../sim/broker";

const ROOT = join(__dirname, "..", "..");
const CLIENT = { clientId: "security-test.apps.googleusercontent.com", clientSecret: "security-test-secret" };
const JSON_HEADERS = { "Content-Type": "application/json" };

interface StubAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A Google stand-in that answers what it is told (or a token answer) and counts every request. */
async function stubGoogle(
  answer: () => StubAnswer = tokenAnswer,
): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method ?? ""} ${req.url ?? ""}`);
    req.resume();
    const next = answer();
    res.writeHead(next.status, { "Content-Type": "application/json", ...next.headers });
    res.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

function tokenAnswer(): StubAnswer {
  return {
    status: 200,
    body: JSON.stringify({ access_token: "ya29.a", expires_in: 3599, refresh_token: "1//r", token_type: "Bearer" }),
  };
}

const running: Array<{ broker: RunningBroker; server: Server }> = [];
after(async () => {
  for (const r of running) {
    await r.broker.dispose();
    r.server.close();
  }
});

async function brokerWith(
  answer?: () => StubAnswer,
  extra: Partial<Parameters<typeof startBroker>[0]> = {},
): Promise<{ broker: RunningBroker; hits: string[] }> {
  const google = await stubGoogle(answer);
  const broker = await startBroker({ root: ROOT, ...CLIENT, googleBase: () => google.url, ...extra });
  running.push({ broker, server: google.server });
  return { broker, hits: google.hits };
}

async function sealed(type: "code" | "refresh", value: string, key = SIM_SEALING_KEY): Promise<string> {
  const imported = await importSealingKey(key);
  if (imported === null) throw new Error("key does not import");
  return seal(imported, type, CLIENT.clientId, value, type === "code" ? Math.floor(Date.now() / 1000) + 300 : 0);
}

const post = (broker: RunningBroker, path: string, body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
  broker.fetch(SIM_BROKER_URL + path, { method: "POST", headers, body: JSON.stringify(body) });

describe("broker finding 3: it spends Google's token endpoint for nobody", () => {
  it("limits /callback, /token and /refresh per caller with the deployed limits, before any upstream call", async () => {
    const limits = readRateLimits(ROOT);
    assert.deepEqual(Object.keys(limits).sort(), ["CALLBACK_LIMITER", "REFRESH_LIMITER", "TOKEN_LIMITER"]);
    const { broker, hits } = await brokerWith();
    const from = (ip: string) => ({ ...JSON_HEADERS, "CF-Connecting-IP": ip });
    const code = await sealed("code", "4/0AvalidLookingCode");
    const statuses: number[] = [];
    for (let i = 0; i < limits.TOKEN_LIMITER.limit + 5; i++) {
      const answer = await post(
        broker,
        "/token",
        { code, code_verifier: "v".repeat(43), client_id: CLIENT.clientId },
        from("203.0.113.7"),
      );
      statuses.push(answer.status);
    }
    assert.equal(statuses.filter((s) => s === 429).length, 5, statuses.join(","));
    assert.equal(hits.length, limits.TOKEN_LIMITER.limit, "the refused ones never reached Google");
    const other = await post(
      broker,
      "/token",
      { code, code_verifier: "v".repeat(43), client_id: CLIENT.clientId },
      from("198.51.100.2"),
    );
    assert.equal(other.status, 200, "another caller is not held up");
    const callbacks: number[] = [];
    for (let i = 0; i < limits.CALLBACK_LIMITER.limit + 1; i++)
      callbacks.push(
        (
          await broker.fetch(`${SIM_BROKER_URL}/callback?code=4/0AcodeNumber${i}abc&state=s`, {
            headers: { "CF-Connecting-IP": "203.0.113.9" },
          })
        ).status,
      );
    assert.equal(callbacks[callbacks.length - 1], 429);
    assert.ok(callbacks.slice(0, -1).every((s) => s === 302));
    const limited = await post(
      broker,
      "/token",
      { code, code_verifier: "v".repeat(43), client_id: CLIENT.clientId },
      from("203.0.113.7"),
    );
    assert.equal(limited.headers.get("retry-after"), "60");
  });

  it("refuses a code not shaped like a Google authorization code: nothing sealed, nothing sent upstream", async () => {
    const { broker, hits } = await brokerWith();
    for (const bad of ["garbage", "4/short", "4/has space in it", "5/0Aabcdefghijklmnop", "4/" + "a".repeat(2000)]) {
      const back = await broker.fetch(`${SIM_BROKER_URL}/callback?code=${encodeURIComponent(bad)}&state=s`);
      assert.equal(back.status, 400, bad);
      assert.equal(back.headers.get("location"), null);
    }
    const forged = await sealed("code", "not-a-google-code");
    const answer = await post(broker, "/token", {
      code: forged,
      code_verifier: "v".repeat(43),
      client_id: CLIENT.clientId,
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(hits, []);
  });
});

describe("broker findings 5, 7, 12: bodies, redirects and content types", () => {
  it("stops reading a chunked body past its cap (finding 5)", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 32 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    assert.equal(await readCapped(stream, 4096), null);
    assert.ok(pulled <= 4 * chunk.length, `read ${pulled} bytes of 32 MiB`);
    const { broker } = await brokerWith();
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 32 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // The Worker answers 413 and stops reading; the client may see the answer or, still
    // uploading, a closed connection. Either way the upload was cut off far short of 32 MiB.
    const status = await broker
      .fetch(SIM_BROKER_URL + "/refresh", { method: "POST", headers: JSON_HEADERS, body: endless })
      .then((r) => r.status)
      .catch(() => "connection closed");
    assert.ok(status === 413 || status === "connection closed", String(status));
    assert.ok(sent < 16 * 1024 * 1024, `the client sent ${sent} bytes of 32 MiB before the broker stopped it`);
  });

  it("never follows Google's redirect: a 3xx is a 502 and the stub sees one request (finding 7)", async () => {
    const { broker, hits } = await brokerWith(() => ({
      status: 302,
      headers: { Location: "https://evil.example/steal" },
      body: "",
    }));
    const answer = await post(broker, "/token", {
      code: await sealed("code", "4/0AvalidLookingCode"),
      code_verifier: "v".repeat(43),
      client_id: CLIENT.clientId,
    });
    assert.equal(answer.status, 502);
    assert.equal(hits.length, 1);
  });

  it("requires Content-Type: application/json, so a browser cannot post cross-site without a preflight (finding 12)", async () => {
    const { broker, hits } = await brokerWith();
    const refresh = await sealed("refresh", "1//r");
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const answer = await post(
        broker,
        "/revoke",
        { refresh, client_id: CLIENT.clientId },
        type === "" ? {} : { "Content-Type": type },
      );
      assert.equal(answer.status, 415, type);
    }
    assert.equal(
      (
        await post(
          broker,
          "/revoke",
          { refresh, client_id: CLIENT.clientId },
          { "Content-Type": "application/json; charset=utf-8" },
        )
      ).status,
      200,
    );
    assert.equal(hits.length, 1);
  });
});

describe("broker finding 8: an expires_in that no token has", () => {
  for (const expires of [1e306, 0, -5, 86401, "3600", null]) {
    it(`refuses Google's answer with expires_in ${String(expires)} as 502`, async () => {
      const { broker } = await brokerWith(() => ({
        status: 200,
        body: JSON.stringify({ access_token: "ya29.a", expires_in: expires, refresh_token: "1//r" }),
      }));
      const answer = await post(broker, "/refresh", {
        refresh: await sealed("refresh", "1//r"),
        client_id: CLIENT.clientId,
      });
      assert.equal(answer.status, 502);
    });
  }
});

/** Two different 32-byte keys whose SHA-256 starts with the same `bytes` bytes (a birthday search). */
function keysSharingId(bytes: number): [string, string] {
  const seen = new Map<string, Buffer>();
  for (;;) {
    const key = randomBytes(32);
    const id = createHash("sha256").update(key).digest().subarray(0, bytes).toString("hex");
    const other = seen.get(id);
    if (other !== undefined) return [other.toString("base64"), key.toString("base64")];
    seen.set(id, key);
  }
}

describe("broker finding 6: key ids that collide", () => {
  it("opens an older 1-byte-id seal even when the new key shares that byte", async () => {
    const [previous, current] = keysSharingId(1);
    const { broker } = await brokerWith(tokenAnswer, { sealingKey: current, previousSealingKey: previous });
    // A seal in the old wire form: "s1." + base64url(1-byte id | IV | ciphertext)
    const key = await importSealingKey(previous);
    if (key === null) throw new Error("no key");
    const modern = Buffer.from((await seal(key, "refresh", CLIENT.clientId, "1//r", 0)).slice(3), "base64url");
    const legacy = "s1." + Buffer.concat([modern.subarray(0, 1), modern.subarray(4)]).toString("base64url");
    const answer = await post(broker, "/refresh", { refresh: legacy, client_id: CLIENT.clientId });
    assert.equal(answer.status, 200);
    assert.match(
      ((await answer.json()) as { refresh?: string }).refresh ?? "",
      /^s2\./,
      "a fresh seal under the new key",
    );
  });

  it("refuses to start with two different keys of one id, saying what to do", async () => {
    const [previous, current] = keysSharingId(4);
    const { broker, hits } = await brokerWith(tokenAnswer, { sealingKey: current, previousSealingKey: previous });
    const answer = await post(broker, "/refresh", {
      refresh: await sealed("refresh", "1//r", current),
      client_id: CLIENT.clientId,
    });
    assert.equal(answer.status, 500);
    assert.match(((await answer.json()) as { error_description: string }).error_description, /generate another key/);
    assert.deepEqual(hits, []);
  });
});

describe("broker finding 1: what a stolen sealed refresh token can do, and what ends it", () => {
  it("works with the broker until a rotation without the previous key, also after a refresh during the overlap", async () => {
    const OLD = Buffer.alloc(32, 3).toString("base64");
    const NEW = Buffer.alloc(32, 4).toString("base64");
    const NEWER = Buffer.alloc(32, 5).toString("base64");
    const stolen = await sealed("refresh", "1//r", OLD);
    // A rotation that keeps the previous key: the thief, like the phone, gets a fresh seal.
    const overlap = await brokerWith(tokenAnswer, { sealingKey: NEW, previousSealingKey: OLD });
    const carried = (await (
      await post(overlap.broker, "/refresh", { refresh: stolen, client_id: CLIENT.clientId })
    ).json()) as { refresh: string };
    assert.match(carried.refresh, /^s2\./);
    // The previous key removed: the old seal ends, the carried-over one does not.
    const after = await brokerWith(tokenAnswer, { sealingKey: NEW });
    assert.equal((await post(after.broker, "/refresh", { refresh: stolen, client_id: CLIENT.clientId })).status, 400);
    assert.equal(
      (await post(after.broker, "/refresh", { refresh: carried.refresh, client_id: CLIENT.clientId })).status,
      200,
    );
    // A rotation with no previous key ends every outstanding seal at once.
    const clean = await brokerWith(tokenAnswer, { sealingKey: NEWER });
    assert.equal(
      (await post(clean.broker, "/refresh", { refresh: carried.refresh, client_id: CLIENT.clientId })).status,
      400,
    );
  });

  it("ends when the grant is revoked at Google, whatever the seal", async () => {
    const { broker } = await brokerWith(() => ({ status: 400, body: JSON.stringify({ error: "invalid_grant" }) }));
    const answer = await post(broker, "/refresh", {
      refresh: await sealed("refresh", "1//r"),
      client_id: CLIENT.clientId,
    });
    assert.deepEqual([answer.status, ((await answer.json()) as { error: string }).error], [400, "invalid_grant"]);
  });
});
