// The token broker's size and speed under miniflare (workerd, locally): the bundled Worker's bytes,
// its cold start, and the time per request of each endpoint against the fake Google
// (npm run bench:broker). Figures for the notes, not assertions.
import { join } from "node:path";
import { challengeOf } from "./servers/google-oauth";
import { gzipSync } from "node:zlib";
import { bundleBroker, startBroker, SIM_BROKER_URL } from "./broker";
import { startFakeServer } from "./servers";

const CLIENT = { clientId: "bench.apps.googleusercontent.com", clientSecret: "bench-secret" };
const ROUNDS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  const script = bundleBroker(root);
  console.log(`worker bundle: ${Buffer.byteLength(script)} bytes (${gzipSync(script).length} gzipped)`);
  const server = await startFakeServer({
    now: () => Date.now(),
    timeZone: "UTC",
    google: { ...CLIENT, redirectUris: [SIM_BROKER_URL + "/callback"] },
    fitbit: { clientId: "X" },
  });
  let broker: Awaited<ReturnType<typeof startBroker>> | null = null;
  const cold = await timed(async () => {
    // Speed, not the limits: one caller makes ROUNDS sign-ins here, far past the per-caller limits.
    const unlimited = { limit: 100000, period: 60 as const };
    broker = await startBroker({
      root,
      ...CLIENT,
      googleBase: () => server.url,
      rateLimits: { CALLBACK_LIMITER: unlimited, TOKEN_LIMITER: unlimited, REFRESH_LIMITER: unlimited },
    });
    await broker.fetch(SIM_BROKER_URL + "/"); // the first request, into a fresh isolate
  });
  if (broker === null) throw new Error("no broker");
  const b: Awaited<ReturnType<typeof startBroker>> = broker;
  console.log(`cold start (workerd up, first request answered): ${cold.toFixed(0)} ms`);
  const verifier = "bench-verifier-0123456789-0123456789-0123456789";
  const times: Record<string, number[]> = { callback: [], token: [], refresh: [], refused: [] };
  let refresh = "";
  for (let i = 0; i < ROUNDS; i++) {
    const authorize = new URL("/o/oauth2/v2/auth", server.url);
    const params = {
      client_id: CLIENT.clientId,
      redirect_uri: SIM_BROKER_URL + "/callback",
      response_type: "code",
      scope: "s",
      state: "st",
      code_challenge: challengeOf(verifier),
      code_challenge_method: "S256",
    };
    for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
    const callback = (await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "";
    let sealed = "";
    times.callback.push(
      await timed(async () => {
        const back = await b.fetch(callback);
        sealed = new URL(back.headers.get("location") ?? "").searchParams.get("code") ?? "";
      }),
    );
    const post = (path: string, body: unknown) =>
      b.fetch(SIM_BROKER_URL + path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    times.token.push(
      await timed(async () => {
        const answer = await post("/token", { code: sealed, code_verifier: verifier, client_id: CLIENT.clientId });
        refresh = ((await answer.json()) as { refresh: string }).refresh;
      }),
    );
    times.refresh.push(await timed(() => post("/refresh", { refresh, client_id: CLIENT.clientId })));
    times.refused.push(await timed(() => post("/refresh", { refresh: refresh + "x", client_id: CLIENT.clientId })));
  }
  for (const [name, values] of Object.entries(times))
    console.log(
      `${name.padEnd(9)} median ${median(values).toFixed(1)} ms over ${ROUNDS} (includes the fake Google's own time)`,
    );
  await b.dispose();
  await server.close();
}

void main();
