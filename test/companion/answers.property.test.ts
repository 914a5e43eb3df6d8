// Property tests: generated provider answers in every shape the references call valid read to
// what an independent oracle computes from the model; answers with one record spoiled lose just
// that record; anything else (random JSON, random subtrees) is read without an exception, and
// nothing out of range is ever kept or sent (the snapshot passes the watch's own check).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { decodeNight, decodeSnapshot } from "../../common/decode-snapshot";
import { defaultOptions } from "../../common/options";
import { encodeNight, encodeSnapshot } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";
import { fitbitWeb } from "../../companion/providers/fitbit-web";
import { googleHealth } from "../../companion/providers/google-health";
import { Call, DataProvider } from "../../companion/providers/provider";
import { buildSnapshot } from "../../companion/sync/build-snapshot";
import { CallData, mergeCall, readCall } from "../../companion/sync/read-call";
import { emptyState } from "../../companion/sync/sync-state";
import {
  expectedLogs,
  expectedStepsRows,
  logArb,
  renderLog,
  renderStepsRows,
  renderSummary,
  stepsRowsArb,
} from "../helpers/fitbit-answers";
import {
  expectedHeart,
  expectedRollup,
  expectedSleep,
  heartArb,
  paginate,
  renderHeart,
  renderRollup,
  renderSleep,
  rollupArb,
  sleepModelArb,
  TODAY,
} from "../helpers/google-answers";

/** At least 1,000 generated answers per property (the floor for CI). */
const RUNS = { numRuns: 1000 };
const NOW = Date.UTC(2026, 10, 11, 18, 0);

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Reads and, whatever happened, checks that nothing kept is out of range and the snapshot is sendable. */
function readChecked(provider: DataProvider, call: Call, bodies: unknown[]) {
  const read = readCall(provider, call, bodies, TODAY);
  if (read.ok) assertSendable(read.value);
  return read;
}

function assertSendable(data: CallData): void {
  for (const night of Object.values(data.nights)) assert.ok(decodeNight(encodeNight(night)).ok, "night in range");
  const state = emptyState(SyncStatus.Ok);
  mergeCall(state, data, TODAY, NOW);
  state.lastSyncAt = NOW;
  const checked = decodeSnapshot(encodeSnapshot(buildSnapshot(state, TODAY, NOW, defaultOptions(), 1, 1)));
  assert.ok(checked.ok, checked.ok ? "" : `the watch would refuse the snapshot at ${checked.error.field}`);
}

function readValid(provider: DataProvider, call: Call, bodies: unknown[]): CallData {
  const read = readChecked(provider, call, bodies);
  assert.ok(read.ok, read.ok ? "" : `rejected at ${read.error.field}`);
  assert.deepEqual(read.value.rejected, []);
  return read.value;
}

/** Values that are not what a field holds: wrong types and garbage text. */
const wrongType = fc.constantFrom<unknown>(true, null, {}, [], "abc", "12a", 1.5, "1e3", "", "0x10", -0.5);

/** Targeted spoilers for one sleep data point: each makes the record unusable. */
const sleepSpoilers: Array<[string, fc.Arbitrary<(p: Json) => void>]> = [
  [
    "minutesAsleep out of range",
    fc.integer({ min: 1441, max: 1e9 }).map((v) => (p) => void (at(p, "sleep.summary").minutesAsleep = v)),
  ],
  [
    "minutesAsleep negative",
    fc.integer({ min: -1e6, max: -1 }).map((v) => (p) => void (at(p, "sleep.summary").minutesAsleep = String(v))),
  ],
  ["minutesAsleep wrong type", wrongType.map((v) => (p) => void (at(p, "sleep.summary").minutesAsleep = v))],
  [
    "summary wrong type",
    wrongType
      .filter((v) => v !== null && (typeof v !== "object" || Array.isArray(v)))
      .map((v) => (p) => void (at(p, "sleep").summary = v)),
  ],
  [
    "startTime garbage",
    fc
      .constantFrom<unknown>("yesterday", 12345, "2026-13-01T00:00:00Z", "2026-11-10T25:00:00Z", "2026-11-10 07:00")
      .map((v) => (p) => void (at(p, "sleep.interval").startTime = v)),
  ],
  [
    "endTime dropped",
    fc.constant((p: Json) => {
      delete at(p, "sleep.interval").endTime;
    }),
  ],
  [
    "interval reversed",
    fc.constant((p: Json) => {
      const i = at(p, "sleep.interval");
      [i.startTime, i.endTime] = [i.endTime, i.startTime];
      if (i.startTime === i.endTime) i.endTime = "2026-11-01T00:00:00Z";
    }),
  ],
  [
    "end offset garbage without civil end",
    fc.constantFrom<unknown>("abc", "-99999s", 3600, "3600", "+3600s", null).map((v) => (p) => {
      const i = at(p, "sleep.interval");
      delete i.civilEndTime;
      i.endUtcOffset = v;
    }),
  ],
  [
    "civil wake hour out of range",
    fc.integer({ min: 24, max: 99 }).map((h) => (p) => {
      at(p, "sleep.interval").civilEndTime = { date: { year: 2026, month: 11, day: 11 }, time: { hours: h } };
    }),
  ],
  [
    "civil wake date impossible",
    fc
      .constantFrom(
        { year: 2026, month: 2, day: 30 },
        { year: 2026, month: 13, day: 1 },
        { year: 1899, month: 1, day: 1 },
      )
      .map((d) => (p) => {
        at(p, "sleep.interval").civilEndTime = { date: d, time: { hours: 7 } };
      }),
  ],
  [
    "a stage beyond the period",
    fc.integer({ min: 1, max: 1e6 }).map((extra) => (p) => {
      const summary = at(p, "sleep.summary");
      summary.stagesSummary = [{ type: "LIGHT", minutes: String(1441 + extra) }];
    }),
  ],
  [
    "asleep beyond the period",
    fc.constant((p: Json) => {
      const summary = at(p, "sleep.summary");
      summary.minutesInSleepPeriod = "1";
      summary.minutesAsleep = "2";
    }),
  ],
  [
    "unknown sleep type",
    fc.constantFrom<unknown>("NAP", 7, "stages").map((v) => (p) => void (at(p, "sleep").type = v)),
  ],
  [
    "sleep dropped",
    fc.constant((p: Json) => {
      delete p.sleep;
    }),
  ],
];

function without(days: Record<number, number>, date: number): Record<number, number> {
  return Object.fromEntries(Object.entries(days).filter(([key]) => Number(key) !== date));
}

function at(root: Json, path: string): Json {
  let node = root;
  for (const key of path.split(".")) node = node[key] as Json;
  return node;
}

/** Replaces the value at a random path of a JSON tree with any JSON value (a fuzzing spoiler). */
function replaceAt(root: unknown, choice: number, value: unknown): unknown {
  const paths: Array<[Json | unknown[], string | number]> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        paths.push([node, i]);
        walk(v);
      });
    else if (typeof node === "object" && node !== null)
      for (const [k, v] of Object.entries(node)) {
        paths.push([node as Json, k]);
        walk(v);
      }
  };
  walk(root);
  if (paths.length === 0) return value;
  const [parent, key] = paths[choice % paths.length];
  (parent as Record<string | number, unknown>)[key] = value;
  return root;
}

describe("generated Google sleep lists", () => {
  const answerArb = fc.record({
    models: fc.array(sleepModelArb, { maxLength: 8 }),
    cuts: fc.array(fc.nat({ max: 8 }), { maxLength: 3 }),
    emptyStyle: fc.constantFrom("braces" as const, "list" as const),
  });

  it("read to the oracle's nights, in every valid shape and across pages", () => {
    fc.assert(
      fc.property(answerArb, ({ models, cuts, emptyStyle }) => {
        const pages = paginate(models.map(renderSleep), cuts, emptyStyle);
        const read = readValid(googleHealth, "sleep", pages);
        const expected = expectedSleep(models);
        assert.deepEqual(read.nights, expected.nights);
        assert.deepEqual(read.unprocessed.slice().sort(), expected.unprocessed);
      }),
      RUNS,
    );
  });

  it("lose only the spoiled record and say which", () => {
    const spoiled = fc
      .record({
        models: fc.array(sleepModelArb, { minLength: 1, maxLength: 6 }),
        index: fc.nat(),
        spoiler: fc.oneof(...sleepSpoilers.map(([, arb]) => arb)),
      })
      .map((r) => ({ ...r, index: r.index % r.models.length }));
    fc.assert(
      fc.property(spoiled, ({ models, index, spoiler }) => {
        const points = models.map(renderSleep);
        spoiler(points[index]);
        const read = readChecked(googleHealth, "sleep", [{ dataPoints: points }]);
        assert.ok(read.ok);
        const expected = expectedSleep(models.filter((_, i) => i !== index));
        assert.deepEqual(read.value.nights, expected.nights);
        // A record made unusable by a dropped field is skipped quietly; garbage is reported.
        assert.ok(read.value.rejected.length <= 1);
        assert.ok(read.value.rejected.every((field) => field.startsWith(`dataPoints[${index}]`)));
      }),
      RUNS,
    );
  });

  it("never throw and never keep a value out of range, whatever is in the answer", () => {
    const anyAnswer = fc.oneof(
      fc.jsonValue(),
      fc
        .record({
          models: fc.array(sleepModelArb, { minLength: 1, maxLength: 4 }),
          choice: fc.nat(),
          value: fc.jsonValue(),
        })
        .map(({ models, choice, value }) => replaceAt({ dataPoints: models.map(renderSleep) }, choice, value)),
    );
    fc.assert(
      fc.property(anyAnswer, (body) => void readChecked(googleHealth, "sleep", [body])),
      RUNS,
    );
  });

  it("refuse a body that is not an object, or whose list is not a list, as a whole", () => {
    for (const body of [null, [], "text", 42, { dataPoints: "x" }, { dataPoints: {} }])
      assert.equal(readCall(googleHealth, "sleep", [body], TODAY).ok, false, JSON.stringify(body));
  });
});

describe("generated Google rollups and resting heart rate lists", () => {
  it("read steps windows: a value, {} as 0, a window without value or no window as unknown", () => {
    fc.assert(
      fc.property(rollupArb, fc.constantFrom("braces" as const, "list" as const), (days, style) => {
        assert.deepEqual(readValid(googleHealth, "steps", [renderRollup(days, style)]).days, expectedRollup(days));
      }),
      RUNS,
    );
  });

  it("lose only a spoiled window", () => {
    const spoiler = fc.oneof(
      fc.integer({ min: 200001, max: 1e12 }).map((v) => (w: Json) => void (w.steps = { countSum: String(v) })),
      fc.integer({ min: -1e6, max: -1 }).map((v) => (w: Json) => void (w.steps = { countSum: v })),
      wrongType
        .filter((v) => v !== null && typeof v !== "object")
        .map((v) => (w: Json) => void (w.steps = { countSum: v })),
      fc
        .constantFrom({ year: 2026, month: 11, day: 31 }, { year: 2026, month: 0, day: 1 }, "2026-11-11")
        .map((d) => (w: Json) => void (w.civilStartTime = { date: d })),
      fc.constant((w: Json) => {
        delete w.civilStartTime;
      }),
    );
    fc.assert(
      fc.property(rollupArb, fc.nat(), spoiler, (days, pick, spoil) => {
        const body = renderRollup(days, "list") as { rollupDataPoints: Json[] };
        fc.pre(body.rollupDataPoints.length > 0);
        const index = pick % body.rollupDataPoints.length;
        const date = (body.rollupDataPoints[index].civilStartTime as { date: Json }).date;
        spoil(body.rollupDataPoints[index]);
        const read = readChecked(googleHealth, "steps", [body]);
        assert.ok(read.ok);
        const spoiledDate = Number(date.year) * 10000 + Number(date.month) * 100 + Number(date.day);
        assert.deepEqual(read.value.days, without(expectedRollup(days), spoiledDate));
        assert.equal(read.value.rejected.length, 1);
      }),
      RUNS,
    );
  });

  it("read resting heart rate from strings or numbers, across pages, absent days unknown", () => {
    fc.assert(
      fc.property(heartArb, fc.array(fc.nat({ max: 7 }), { maxLength: 2 }), (days, cuts) => {
        const pages = paginate(renderHeart(days), cuts, "braces");
        assert.deepEqual(readValid(googleHealth, "restingHeartRate", pages).days, expectedHeart(days));
      }),
      RUNS,
    );
  });

  it("lose only a resting heart rate out of range or of the wrong type", () => {
    const bad = fc.oneof(
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 251, max: 1e6 }).map(String),
      wrongType.filter((v) => v !== null && typeof v !== "object"),
    );
    fc.assert(
      fc.property(heartArb, fc.nat(), bad, (days, pick, value) => {
        const points = renderHeart(days);
        fc.pre(points.length > 0);
        const index = pick % points.length;
        const rhr = points[index].dailyRestingHeartRate as Json;
        rhr.beatsPerMinute = value;
        const read = readChecked(googleHealth, "restingHeartRate", [{ dataPoints: points }]);
        assert.ok(read.ok);
        const d = rhr.date as Json;
        const spoiledDate = Number(d.year) * 10000 + Number(d.month) * 100 + Number(d.day);
        assert.deepEqual(read.value.days, without(expectedHeart(days), spoiledDate));
      }),
      RUNS,
    );
  });

  it("never throw on any rollup or resting heart rate answer", () => {
    const anyAnswer = fc.oneof(
      fc.jsonValue(),
      fc
        .record({ days: rollupArb, choice: fc.nat(), value: fc.jsonValue() })
        .map(({ days, choice, value }) => replaceAt(renderRollup(days, "list"), choice, value)),
      fc
        .record({ days: heartArb, choice: fc.nat(), value: fc.jsonValue() })
        .map(({ days, choice, value }) => replaceAt({ dataPoints: renderHeart(days) }, choice, value)),
    );
    fc.assert(
      fc.property(anyAnswer, (body) => {
        readChecked(googleHealth, "steps", [body]);
        readChecked(googleHealth, "restingHeartRate", [clone(body)]);
      }),
      RUNS,
    );
  });
});

describe("generated legacy Fitbit answers", () => {
  it("read sleep logs: isMainSleep, else the longest duration; efficiency as the body gives it", () => {
    fc.assert(
      fc.property(fc.array(logArb, { maxLength: 8 }), (logs) => {
        const read = readValid(fitbitWeb, "sleep", [{ sleep: logs.map(renderLog) }]);
        assert.deepEqual(read.nights, expectedLogs(logs));
      }),
      RUNS,
    );
  });

  it("lose only the spoiled log", () => {
    const spoiler = fc.oneof(
      fc.integer({ min: 1441, max: 1e7 }).map((v) => (l: Json) => void (l.minutesAsleep = v)),
      wrongType.map((v) => (l: Json) => void (l.timeInBed = v)),
      fc.constantFrom<unknown>(101, -1, "x", 99.5).map((v) => (l: Json) => void (l.efficiency = v)),
      fc.constantFrom("2026-11-11T24:10:00.000", "11:10", "").map((v) => (l: Json) => void (l.startTime = v)),
      fc.constantFrom("2026-02-30", "yesterday", "1999-01-01").map((v) => (l: Json) => void (l.dateOfSleep = v)),
      fc.constantFrom<unknown>("yes", 1, null).map((v) => (l: Json) => void (l.isMainSleep = v)),
      fc.constantFrom<unknown>("nap", 3).map((v) => (l: Json) => void (l.type = v)),
      fc.constant((l: Json) => void (l.minutesAsleep = Number(l.timeInBed) + 1)),
      fc.constant(
        (l: Json) => void ((l.levels as Json).summary = { light: { minutes: 1441 }, asleep: { minutes: 1441 } }),
      ),
    );
    fc.assert(
      fc.property(fc.array(logArb, { minLength: 1, maxLength: 6 }), fc.nat(), spoiler, (logs, pick, spoil) => {
        const index = pick % logs.length;
        const body = logs.map(renderLog);
        spoil(body[index]);
        const read = readChecked(fitbitWeb, "sleep", [{ sleep: body }]);
        assert.ok(read.ok);
        assert.deepEqual(read.value.nights, expectedLogs(logs.filter((_, i) => i !== index)));
        assert.deepEqual(read.value.rejected.length, 1);
      }),
      RUNS,
    );
  });

  it("read the steps series and today's resting heart rate (absent until computed)", () => {
    const rhr = fc.option(fc.integer({ min: 20, max: 250 }), { nil: null });
    fc.assert(
      fc.property(stepsRowsArb, rhr, (rows, bpm) => {
        assert.deepEqual(readValid(fitbitWeb, "steps", [renderStepsRows(rows)]).days, expectedStepsRows(rows));
        const heart = readValid(fitbitWeb, "restingHeartRate", [renderSummary(bpm)]).days;
        assert.deepEqual(heart, bpm === null ? {} : { [TODAY]: bpm });
      }),
      RUNS,
    );
  });

  it("never throw on any legacy answer", () => {
    const anyAnswer = fc.oneof(
      fc.jsonValue(),
      fc
        .record({ logs: fc.array(logArb, { minLength: 1, maxLength: 4 }), choice: fc.nat(), value: fc.jsonValue() })
        .map(({ logs, choice, value }) => replaceAt({ sleep: logs.map(renderLog) }, choice, value)),
      fc
        .record({ rows: stepsRowsArb, choice: fc.nat(), value: fc.jsonValue() })
        .map(({ rows, choice, value }) => replaceAt(renderStepsRows(rows), choice, value)),
      fc
        .record({ choice: fc.nat(), value: fc.jsonValue() })
        .map(({ choice, value }) => replaceAt(renderSummary(61), choice, value)),
    );
    fc.assert(
      fc.property(anyAnswer, (body) => {
        for (const call of ["sleep", "steps", "restingHeartRate"] as const) readChecked(fitbitWeb, call, [clone(body)]);
      }),
      RUNS,
    );
  });
});
