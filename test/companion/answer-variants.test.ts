// One table test per documented answer variant (docs/reference/google-health-api.md §2, §4, §8; docs/reference/fitbit-web-api.md
// §4), on the readers alone; the generated answers are in answers.property.test.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Night } from "../../common/snapshot";
import { fitbitWeb } from "../../companion/providers/fitbit-web";
import { googleHealth } from "../../companion/providers/google-health";
import { Call, DataProvider } from "../../companion/providers/provider";
import { readCall } from "../../companion/sync/read-call";

type Json = Record<string, unknown>;

function read(provider: DataProvider, call: Call, bodies: unknown[], today = 20261111) {
  const result = readCall(provider, call, bodies, today);
  assert.ok(result.ok, result.ok ? "" : result.error.field);
  return result.value;
}

/** A Google sleep record from UTC times and offsets; `extra` is merged into `sleep`. */
function sleepPoint(start: string, startOffset: string, end: string, endOffset: string, extra: Json = {}): Json {
  return {
    sleep: {
      interval: { startTime: start, startUtcOffset: startOffset, endTime: end, endUtcOffset: endOffset },
      type: "STAGES",
      summary: {
        minutesInSleepPeriod: "420",
        minutesAsleep: "400",
        stagesSummary: [
          { type: "LIGHT", minutes: "300" },
          { type: "DEEP", minutes: "50" },
          { type: "REM", minutes: "50" },
          { type: "AWAKE", minutes: "20" },
        ],
      },
      ...extra,
    },
  };
}

const bedAndWake = (n: Night | undefined) => (n === undefined ? null : [n.date, n.bedtime, n.wake]);
const hm = (h: number, m: number) => h * 60 + m;

describe("Google sleep intervals without civil times", () => {
  const cases: Array<[string, Json, [number, number, number]]> = [
    [
      "each end's own offset across the end of DST (Berlin, 25 Oct 2026)",
      sleepPoint("2026-10-24T21:30:00Z", "7200s", "2026-10-25T05:45:00Z", "3600s"),
      [20261025, hm(23, 30), hm(6, 45)],
    ],
    [
      "a half-hour offset (India, +05:30)",
      sleepPoint("2026-11-10T17:00:00Z", "19800s", "2026-11-11T00:45:00Z", "19800s"),
      [20261111, hm(22, 30), hm(6, 15)],
    ],
    [
      "a 45-minute offset (Nepal, +05:45)",
      sleepPoint("2026-11-10T17:00:00Z", "20700s", "2026-11-11T00:45:00Z", "20700s"),
      [20261111, hm(22, 45), hm(6, 30)],
    ],
    [
      "a wake date that is the day after the UTC date (Tokyo)",
      sleepPoint("2026-11-10T14:00:00Z", "32400s", "2026-11-10T22:00:00.250Z", "32400s"),
      [20261111, hm(23, 0), hm(7, 0)],
    ],
    [
      "a wake date that is the UTC date while the bedtime is the day before (Los Angeles)",
      sleepPoint("2026-11-11T07:04:00Z", "-28800s", "2026-11-11T14:52:00Z", "-28800s"),
      [20261111, hm(23, 4), hm(6, 52)],
    ],
    [
      "civil times win when they are sent",
      sleepPoint("2026-11-11T07:04:00Z", "-28800s", "2026-11-11T14:52:00Z", "-28800s", {
        interval: {
          startTime: "2026-11-11T07:04:00Z",
          endTime: "2026-11-11T14:52:00Z",
          civilStartTime: { date: { year: 2026, month: 11, day: 10 }, time: { hours: 23, minutes: 4 } },
          civilEndTime: { date: { year: 2026, month: 11, day: 11 }, time: { hours: 6, minutes: 52 } },
        },
      }),
      [20261111, hm(23, 4), hm(6, 52)],
    ],
    [
      "a civil wake time at midnight comes without a time",
      sleepPoint("2026-11-10T17:00:00Z", "0s", "2026-11-11T00:00:00Z", "0s", {
        interval: {
          startTime: "2026-11-10T17:00:00Z",
          endTime: "2026-11-11T00:00:00Z",
          civilStartTime: { date: { year: 2026, month: 11, day: 10 }, time: { hours: 17 } },
          civilEndTime: { date: { year: 2026, month: 11, day: 11 } },
        },
      }),
      [20261111, hm(17, 0), 0],
    ],
  ];
  for (const [what, point, expected] of cases) {
    it(`reads ${what}`, () => {
      const nights = read(googleHealth, "sleep", [{ dataPoints: [point] }], 20261111).nights;
      assert.deepEqual(bedAndWake(Object.values(nights)[0]), expected);
    });
  }
});

describe("Google fields that proto3 JSON leaves out", () => {
  it("reads a stage type that is missing from stagesSummary as 0", () => {
    const point = sleepPoint("2026-11-10T23:00:00Z", "0s", "2026-11-11T06:00:00Z", "0s");
    (point.sleep as { summary: Json }).summary.stagesSummary = [
      { type: "LIGHT", minutes: "350" },
      { type: "REM", minutes: "50" },
      { type: "AWAKE" },
    ];
    const night = read(googleHealth, "sleep", [{ dataPoints: [point] }]).nights[20261111];
    assert.deepEqual(night.split, { kind: "stages", deep: 0, light: 350, rem: 50, awake: 0 });
  });

  it("skips a record without summary or without minutesAsleep and keeps the others", () => {
    const good = sleepPoint("2026-11-09T23:00:00Z", "0s", "2026-11-10T06:00:00Z", "0s");
    const noSummary = sleepPoint("2026-11-10T23:00:00Z", "0s", "2026-11-11T06:00:00Z", "0s");
    delete (noSummary.sleep as Json).summary;
    const noAsleep = sleepPoint("2026-11-08T23:00:00Z", "0s", "2026-11-09T06:00:00Z", "0s");
    delete ((noAsleep.sleep as Json).summary as Json).minutesAsleep;
    const result = read(googleHealth, "sleep", [{ dataPoints: [noSummary, good, noAsleep] }]);
    assert.deepEqual(Object.keys(result.nights), ["20261110"]);
    assert.deepEqual(result.rejected, [], "unusable is not garbage: nothing to report");
  });

  it("derives the sleep period from the interval when minutesInSleepPeriod is left out", () => {
    const point = sleepPoint("2026-11-10T23:00:00Z", "0s", "2026-11-11T06:00:00Z", "0s");
    delete ((point.sleep as Json).summary as Json).minutesInSleepPeriod;
    assert.equal(read(googleHealth, "sleep", [{ dataPoints: [point] }]).nights[20261111].efficiency, 95);
  });

  const window = (day: number, value?: Json): Json => ({
    civilStartTime: { date: { year: 2026, month: 11, day }, time: {} },
    civilEndTime: { date: { year: 2026, month: 11, day: day + 1 }, time: {} },
    ...(value === undefined ? {} : { steps: value }),
  });
  const rollupCases: Array<[string, unknown, Json]> = [
    ["an empty value object as 0", { rollupDataPoints: [window(11, {})] }, { 20261111: 0 }],
    ["a window without its value as unknown", { rollupDataPoints: [window(11)] }, {}],
    ["a missing window as unknown", { rollupDataPoints: [window(10, { countSum: "5" })] }, { 20261110: 5 }],
    ["an int64 as a number", { rollupDataPoints: [window(11, { countSum: 6342 })] }, { 20261111: 6342 }],
    ["{} as no windows", {}, {}],
    ['{"rollupDataPoints": []} as no windows', { rollupDataPoints: [] }, {}],
  ];
  for (const [what, body, expected] of rollupCases) {
    it(`reads a rollup with ${what}`, () => assert.deepEqual(read(googleHealth, "steps", [body]).days, expected));
  }

  it('reads {} and {"dataPoints": []} alike as no resting heart rate', () => {
    assert.deepEqual(read(googleHealth, "restingHeartRate", [{}]).days, {});
    assert.deepEqual(read(googleHealth, "restingHeartRate", [{ dataPoints: [], nextPageToken: "" }]).days, {});
  });
});

describe("Google paging and processing", () => {
  const night = (day: number) => sleepPoint(`2026-11-${day - 1}T23:00:00Z`, "0s", `2026-11-${day}T06:00:00Z`, "0s");

  it("names the next page only while a non-empty token comes", () => {
    assert.equal(googleHealth.nextPageToken({ dataPoints: [], nextPageToken: "abc" }), "abc");
    assert.equal(googleHealth.nextPageToken({ nextPageToken: "" }), null);
    assert.equal(googleHealth.nextPageToken({}), null);
    assert.equal(googleHealth.nextPageToken({ nextPageToken: 7 }), null);
  });

  it("merges records of one day that arrive on different pages before choosing the main sleep", () => {
    const nap = sleepPoint("2026-11-11T13:00:00Z", "0s", "2026-11-11T13:40:00Z", "0s", { metadata: { nap: true } });
    const result = read(googleHealth, "sleep", [
      { dataPoints: [nap], nextPageToken: "p1" },
      {},
      { dataPoints: [night(11)] },
    ]);
    assert.equal(result.nights[20261111].minutesAsleep, 400);
    assert.equal(result.nights[20261111].nap, false);
  });

  it("marks a main sleep with processed: false as still being processed", () => {
    const point = sleepPoint("2026-11-10T23:00:00Z", "0s", "2026-11-11T06:00:00Z", "0s", {
      metadata: { processed: false },
    });
    assert.deepEqual(read(googleHealth, "sleep", [{ dataPoints: [point] }]).unprocessed, [20261111]);
  });
});

describe("Google main sleep (§4.1)", () => {
  const rec = (start: string, end: string, asleep: number, period: number, metadata: Json = {}) => {
    const p = sleepPoint(start, "0s", end, "0s", { metadata });
    const summary = (p.sleep as Json).summary as Json;
    summary.minutesAsleep = String(asleep);
    summary.minutesInSleepPeriod = String(period);
    summary.stagesSummary = [{ type: "LIGHT", minutes: String(asleep) }];
    return p;
  };
  const main = (...points: Json[]) => read(googleHealth, "sleep", [{ dataPoints: points }]).nights[20261111];
  const long = (m: Json = {}) => rec("2026-11-10T23:00:00Z", "2026-11-11T06:00:00Z", 400, 420, m);
  const short = (m: Json = {}) => rec("2026-11-11T12:00:00Z", "2026-11-11T13:30:00Z", 80, 90, m);

  it("takes the flagged record even when another sleeps longer", () => {
    assert.equal(main(long(), short({ mainSleep: true })).minutesAsleep, 80);
  });

  it("else takes the most asleep record not marked as a nap", () => {
    assert.equal(main(long({ nap: true }), short()).minutesAsleep, 80);
  });

  it("breaks a tie in minutes asleep by the longer period, then the later end", () => {
    const a = rec("2026-11-10T23:00:00Z", "2026-11-11T05:00:00Z", 300, 360);
    const b = rec("2026-11-10T22:00:00Z", "2026-11-11T05:00:00Z", 300, 420);
    assert.equal(main(a, b).bedtime, hm(22, 0));
    const c = rec("2026-11-11T00:00:00Z", "2026-11-11T06:00:00Z", 300, 360);
    assert.equal(main(a, c).wake, hm(6, 0));
  });

  it("else takes the longest record, marked as a nap for the watch to show as one", () => {
    const night = main(
      short({ nap: true }),
      rec("2026-11-11T15:00:00Z", "2026-11-11T15:30:00Z", 25, 30, { nap: true }),
    );
    assert.equal(night.minutesAsleep, 80);
    assert.equal(night.nap, true);
  });
});

describe("legacy Fitbit sleep", () => {
  const log = (asleep: number, duration: number, extra: Json = {}): Json => ({
    dateOfSleep: "2026-11-11",
    startTime: "2026-11-10T23:00:00.000",
    endTime: "2026-11-11T06:00:00.000",
    duration,
    minutesAsleep: asleep,
    timeInBed: 420,
    efficiency: 77,
    type: "classic",
    levels: { summary: { asleep: { minutes: asleep }, awake: { minutes: 420 - asleep } } },
    ...extra,
  });

  it("shows efficiency as the body gives it, not asleep / in bed", () => {
    assert.equal(read(fitbitWeb, "sleep", [{ sleep: [log(400, 420 * 60000)] }]).nights[20261111].efficiency, 77);
  });

  it("takes isMainSleep, else the longest duration even when another log has more minutes asleep", () => {
    const body = { sleep: [log(400, 400 * 60000), log(300, 420 * 60000, { efficiency: 60 })] };
    assert.equal(read(fitbitWeb, "sleep", [body]).nights[20261111].efficiency, 60);
    const flagged = { sleep: [log(400, 400 * 60000, { isMainSleep: true }), log(300, 420 * 60000)] };
    assert.equal(read(fitbitWeb, "sleep", [flagged]).nights[20261111].minutesAsleep, 400);
  });
});

describe("answers that cannot be read at all", () => {
  it("turns any exception while reading, not only the readers' own, into a clean rejection", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new TypeError("boom");
        },
      },
    );
    const result = readCall(googleHealth, "sleep", [hostile], 20261111);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.error.field, /TypeError: boom/);
  });
});
