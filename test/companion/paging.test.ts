// The sync engine's paging over in-memory answers: a token seen before stops, 4 pages at most.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TokenKeeper } from "../../companion/auth/token-keeper";
import { HttpRequest } from "../../companion/deps";
import { SyncEngine } from "../../companion/sync/sync-engine";
import { answer, memoryDeps } from "../helpers/memory-deps";

function night(day: number): unknown {
  const pad = (d: number) => String(d).padStart(2, "0");
  return {
    sleep: {
      interval: {
        startTime: `2026-11-${pad(day - 1)}T23:00:00Z`,
        startUtcOffset: "0s",
        endTime: `2026-11-${pad(day)}T06:00:00Z`,
        endUtcOffset: "0s",
      },
      summary: { minutesAsleep: "400", stagesSummary: [{ type: "LIGHT", minutes: "400" }] },
    },
  };
}

/** Runs one sync whose sleep list answers with `pages(pageToken)`; returns the sleep requests made. */
async function syncWithPages(pages: (token: string | null) => unknown) {
  const sleepUrls: string[] = [];
  const deps = memoryDeps((req: HttpRequest) => {
    const token = /pageToken=([^&]+)/.exec(req.url)?.[1] ?? null;
    if (req.url.includes("/sleep/")) sleepUrls.push(req.url);
    const body = req.url.includes("/sleep/") ? pages(token === null ? null : decodeURIComponent(token)) : {};
    return Promise.resolve(answer(200, body));
  });
  const engine = new SyncEngine(deps, new TokenKeeper(deps));
  await engine.sync();
  return { sleepUrls, state: engine.state() };
}

describe("sync engine paging", () => {
  it("stops at a token it has seen before and keeps what the pages held", async () => {
    const { sleepUrls, state } = await syncWithPages((token) =>
      token === null
        ? { dataPoints: [night(11)], nextPageToken: "A" }
        : { dataPoints: [night(10)], nextPageToken: "A" },
    );
    assert.equal(sleepUrls.length, 2);
    assert.deepEqual(Object.keys(state.nights), ["20261110", "20261111"]);
  });

  it("reads at most 4 pages of an endless list", async () => {
    const { sleepUrls } = await syncWithPages((token) => ({ dataPoints: [], nextPageToken: `${token ?? ""}x` }));
    assert.equal(sleepUrls.length, 4);
  });

  it("goes past a page that has a token but no points", async () => {
    const { sleepUrls, state } = await syncWithPages((token) =>
      token === null ? { nextPageToken: "B" } : { dataPoints: [night(11)] },
    );
    assert.equal(sleepUrls.length, 2);
    assert.deepEqual(Object.keys(state.nights), ["20261111"]);
  });
});
