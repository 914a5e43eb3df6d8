// The night's hypnogram: stage segments from either provider reduced to the watch's columns.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { fitbitHypnogram, googleHypnogram, hypnogram, StageSegment } from "../../companion/providers/hypnogram";
import { HYPNOGRAM_COLUMNS, hypnogramStage, packHypnogram } from "../../common/snapshot";
import { WORKED_EXAMPLE_COLUMNS } from "../helpers/samples";

interface GoogleSleep {
  interval: { startTime: string; endTime: string };
  stages: Array<Record<string, unknown>>;
}
interface FitbitLog {
  startTime: string;
  endTime: string;
  levels: { data: unknown };
}
const fixture = (path: string): unknown => JSON.parse(readFileSync(join(__dirname, "..", "fixtures", path), "utf8"));
const googleNight = () =>
  (fixture("google-health/sleep-list-last-night.json") as { dataPoints: Array<{ sleep: GoogleSleep }> }).dataPoints[0]
    .sleep;

/** The columns of a packed hypnogram as a string of stage codes, first to last. */
const columns = (packed: number[] | null) =>
  packed === null ? null : Array.from({ length: HYPNOGRAM_COLUMNS }, (_, i) => hypnogramStage(packed, i)).join("");

const MIN = 60000;

describe("hypnogram packing", () => {
  it("keeps every column's stage in three 16-bit words", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: HYPNOGRAM_COLUMNS, maxLength: HYPNOGRAM_COLUMNS }),
        (cols) => {
          const packed = packHypnogram(cols);
          assert.equal(packed.length, HYPNOGRAM_COLUMNS / 8);
          for (const word of packed) assert.ok(Number.isInteger(word) && word >= 0 && word <= 0xffff, String(word));
          assert.equal(columns(packed), cols.join(""));
        },
      ),
    );
  });
});

describe("hypnogram from segments", () => {
  it("gives each column the stage that fills most of it (counted minute by minute)", () => {
    // Contiguous segments of whole minutes over a period of whole minutes per column.
    const night = fc.record({
      perColumn: fc.integer({ min: 1, max: 15 }),
      cuts: fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 3 })), {
        minLength: 1,
        maxLength: 60,
      }),
    });
    fc.assert(
      fc.property(night, ({ perColumn, cuts }) => {
        const length = perColumn * HYPNOGRAM_COLUMNS;
        const start = Date.UTC(2026, 10, 24, 22, 0);
        const segments: StageSegment[] = [];
        const byMinute: number[] = [];
        let at = 0;
        for (const [minutes, code] of cuts) {
          if (at >= length) break;
          const to = Math.min(length, at + minutes);
          segments.push({ from: start + at * MIN, to: start + to * MIN, code });
          for (let m = at; m < to; m++) byMinute.push(code);
          at = to;
        }
        while (byMinute.length < length) byMinute.push(-1); // not covered
        const expected: number[] = [];
        for (let c = 0; c < HYPNOGRAM_COLUMNS; c++) {
          const count = [0, 0, 0, 0];
          for (let m = c * perColumn; m < (c + 1) * perColumn; m++) if (byMinute[m] >= 0) count[byMinute[m]]++;
          const most = Math.max(...count);
          expected.push(most === 0 ? 3 : count.indexOf(most));
        }
        const got = hypnogram(start, start + length * MIN, segments);
        if (at * 2 < length) assert.equal(got, null, "less than half covered");
        else assert.equal(columns(got), expected.join(""));
      }),
    );
  });

  it("says nothing without a period or a segment", () => {
    assert.equal(hypnogram(10, 10, [{ from: 0, to: 20, code: 1 }]), null);
    assert.equal(hypnogram(0, 480 * MIN, []), null);
  });
});

describe("hypnogram from the providers' answers", () => {
  it("reads Google's stages[] of the worked example", () => {
    const sleep = googleNight();
    const got = googleHypnogram(sleep.stages, Date.parse(sleep.interval.startTime), Date.parse(sleep.interval.endTime));
    assert.equal(columns(got), WORKED_EXAMPLE_COLUMNS);
  });

  it("reads the legacy levels.data of a stages night and of a classic nap, in local time", () => {
    const [nap, main] = (fixture("fitbit-web-api/sleep_by_date_stages_main_and_nap.json") as { sleep: FitbitLog[] })
      .sleep;
    // Worked out by hand-written arithmetic outside this code base, as for the worked example.
    assert.equal(columns(fitbitHypnogram(main.levels.data, main.startTime, main.endTime)), "100101111121101211121123");
    assert.equal(columns(fitbitHypnogram(nap.levels.data, nap.startTime, nap.endTime)), "211111111111111111111112");
  });

  it("leaves the night without a chart when a segment is not understood", () => {
    const sleep = googleNight();
    const start = Date.parse(sleep.interval.startTime);
    const end = Date.parse(sleep.interval.endTime);
    const spoilt = (change: Record<string, unknown>) => [...sleep.stages.slice(1), { ...sleep.stages[0], ...change }];
    assert.equal(googleHypnogram(spoilt({ type: "DOZING" }), start, end), null);
    assert.equal(googleHypnogram(spoilt({ startTime: "yesterday" }), start, end), null);
    assert.equal(googleHypnogram(spoilt({ endTime: sleep.stages[0].startTime }), start, end), null);
    assert.equal(googleHypnogram({ stages: 1 }, start, end), null);
    assert.equal(googleHypnogram(undefined, start, end), null);
    assert.equal(
      fitbitHypnogram(
        [{ dateTime: "2024-03-05T01:00:00.000", level: "wake", seconds: "60" }],
        "2024-03-05T00:00:00.000",
        "2024-03-05T01:00:00.000",
      ),
      null,
    );
    assert.equal(fitbitHypnogram(undefined, "2024-03-05T00:00:00.000", "2024-03-05T01:00:00.000"), null);
  });
});
