// The sync engine as the one owner of the sync state: runs and intents take turns.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TokenKeeper } from "../../companion/auth/token-keeper";
import { HttpRequest, HttpResponse } from "../../companion/deps";
import { SyncEngine } from "../../companion/sync/sync-engine";
import { answer, memoryDeps, NOW } from "../helpers/memory-deps";

/** An engine whose HTTP answers wait until the test lets them go. */
function engineWithHeldAnswers(statuses: number[] = [], minutesPerCall = 0) {
  const held: Array<() => void> = [];
  const clock = { now: NOW };
  const requests: string[] = [];
  const deps = memoryDeps(
    (req: HttpRequest) => {
      clock.now += minutesPerCall * 60000;
      requests.push(new URL(req.url).pathname);
      return new Promise<HttpResponse>((resolve) => held.push(() => resolve(answer(statuses.shift() ?? 200, {}))));
    },
    () => clock.now,
  );
  const storage = deps.storage;
  const engine = new SyncEngine(deps, new TokenKeeper(deps));
  /** Lets every held answer go, until the engine stops asking. */
  const drain = async () => {
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      held.splice(0).forEach((release) => release());
    }
  };
  return { engine, storage, requests, drain };
}

describe("sync engine", () => {
  it("queues a forced run asked for during a running one, and never drops it", async () => {
    // Half an hour passes with each call, so by the time the first run ends sleep is due again.
    const { engine, requests, drain } = engineWithHeldAnswers([], 30);
    const first = engine.sync();
    await new Promise((resolve) => setImmediate(resolve));
    const forced = engine.sync();
    await drain();
    await Promise.all([first, forced]);
    assert.deepEqual(requests, [
      "/v4/users/me/dataTypes/sleep/dataPoints",
      "/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp",
      "/v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints",
      "/v4/users/me/dataTypes/sleep/dataPoints",
    ]);
  });

  it("keeps the watch's refresh-request time when a run was under way as it came", async () => {
    const { engine, storage, drain } = engineWithHeldAnswers();
    const running = engine.sync();
    await new Promise((resolve) => setImmediate(resolve));
    const asked = engine.requestRefresh();
    await drain();
    await Promise.all([running, asked]);
    await drain();
    const refreshAskedAt = (JSON.parse(storage.getItem("syncState") ?? "{}") as { refreshAskedAt: number })
      .refreshAskedAt;
    assert.ok(refreshAskedAt >= NOW, "the request's time survived the run's save");
  });

  it("joins requests that arrive while a run waits for its turn into that run", async () => {
    const { engine, drain } = engineWithHeldAnswers();
    const running = engine.sync();
    const a = engine.sync();
    const b = engine.sync();
    assert.equal(a, b);
    await drain();
    await Promise.all([running, a]);
  });
});

describe("sync engine and backoff", () => {
  it("holds a forced run while a backoff is in force", async () => {
    const { engine, requests, drain } = engineWithHeldAnswers([500]);
    const first = engine.sync();
    await drain();
    await first;
    const forced = engine.sync();
    await drain();
    await forced;
    assert.deepEqual(requests, ["/v4/users/me/dataTypes/sleep/dataPoints"]);
  });
});
