// Generated Google Health answers (docs/reference/google-health-api.md §2, §4) for property tests: a model of
// what the user did, rendered into any of the shapes the reference calls valid, plus an oracle
// that computes the expected reading from the model alone (plain arithmetic, not the readers).
import fc from "fast-check";
import { Night } from "../../common/snapshot";

/** The phone's "today" in every generated answer. */
export const TODAY = 20261111;

type Json = Record<string, unknown>;

/** Real UTC offsets in seconds, the odd ones included (−3:30, +5:30, +5:45, +8:45, +12:45). */
const OFFSETS = [
  -36000, -28800, -25200, -21600, -18000, -12600, -10800, 0, 3600, 7200, 10800, 12600, 16200, 19800, 20700, 23400,
  31500, 32400, 34200, 37800, 45900, 46800, 50400,
];

export function shiftDate(date: number, days: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), (Math.floor(date / 100) % 100) - 1, (date % 100) + days));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** How one record is written: which optional parts appear and how numbers are spelled. */
export interface Shape {
  civilStart: boolean;
  civilEnd: boolean;
  period: boolean;
  type: boolean;
  stringInts: boolean;
  /** A zero stage: left out, written without `minutes`, or written as 0. */
  zeroStage: "omit" | "noMinutes" | "explicit";
  stagesArray: boolean;
  fraction: boolean;
}

export interface SleepModel {
  wakeDate: number;
  wakeMinute: number;
  endOffset: number;
  startOffset: number;
  kind: "STAGES" | "CLASSIC";
  stages: Record<string, number>;
  mainSleep: boolean | undefined;
  nap: true | undefined;
  processed: boolean | undefined;
  shape: Shape;
}

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  civilStart: fc.boolean(),
  civilEnd: fc.boolean(),
  period: fc.boolean(),
  type: fc.boolean(),
  stringInts: fc.boolean(),
  zeroStage: fc.constantFrom("omit" as const, "noMinutes" as const, "explicit" as const),
  stagesArray: fc.boolean(),
  fraction: fc.boolean(),
});

const minutes = (max: number, min = 0) => fc.integer({ min, max });

const splitArb = fc.oneof(
  fc.record({
    kind: fc.constant("STAGES" as const),
    stages: fc.record({ DEEP: minutes(200), LIGHT: minutes(400, 1), REM: minutes(200), AWAKE: minutes(120) }),
  }),
  fc.record({
    kind: fc.constant("CLASSIC" as const),
    stages: fc.record({ ASLEEP: minutes(600, 1), RESTLESS: minutes(60), AWAKE: minutes(120) }),
  }),
);

export const sleepModelArb: fc.Arbitrary<SleepModel> = fc
  .record({
    wakeDate: fc.integer({ min: -7, max: 1 }).map((d) => shiftDate(TODAY, d)),
    wakeMinute: fc.integer({ min: 0, max: 1439 }),
    endOffset: fc.constantFrom(...OFFSETS),
    dst: fc.constantFrom(0, 0, 0, 3600, -3600),
    split: splitArb,
    mainSleep: fc.constantFrom(undefined, undefined, true, false),
    nap: fc.constantFrom(undefined, undefined, true as const),
    processed: fc.constantFrom(undefined, true, true, false),
    shape: shapeArb,
  })
  .map((r) => ({
    wakeDate: r.wakeDate,
    wakeMinute: r.wakeMinute,
    endOffset: r.endOffset,
    // The two ends differ across a DST change (within the real range of offsets).
    startOffset: Math.abs(r.endOffset + r.dst) <= 50400 ? r.endOffset + r.dst : r.endOffset,
    kind: r.split.kind,
    stages: r.split.stages,
    mainSleep: r.mainSleep,
    nap: r.nap,
    processed: r.processed,
    shape: r.shape,
  }));

const total = (m: SleepModel) => Object.values(m.stages).reduce((a, b) => a + b, 0);
const asleepOf = (m: SleepModel) =>
  m.kind === "STAGES" ? m.stages.DEEP + m.stages.LIGHT + m.stages.REM : m.stages.ASLEEP;

function wakeUtcMs(m: SleepModel): number {
  const y = Math.floor(m.wakeDate / 10000);
  const mo = (Math.floor(m.wakeDate / 100) % 100) - 1;
  return Date.UTC(y, mo, m.wakeDate % 100, 0, m.wakeMinute) - m.endOffset * 1000;
}

function civilDateTime(localMs: number): Json {
  const d = new Date(localMs);
  const time: Json = {};
  if (d.getUTCHours() !== 0) time.hours = d.getUTCHours();
  if (d.getUTCMinutes() !== 0) time.minutes = d.getUTCMinutes();
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return Object.keys(time).length === 0 ? { date } : { date, time };
}

function rfc3339(ms: number, fraction: boolean): string {
  const text = new Date(ms).toISOString();
  return fraction ? text : text.replace(".000Z", "Z");
}

/** Renders one model as a data point of the sleep list. */
export function renderSleep(m: SleepModel): Json {
  const s = m.shape;
  const n = (v: number): unknown => (s.stringInts ? String(v) : v);
  const end = wakeUtcMs(m);
  const start = end - total(m) * 60000;
  const interval: Json = {
    startTime: rfc3339(start, s.fraction),
    startUtcOffset: `${m.startOffset}s`,
    endTime: rfc3339(end, s.fraction),
    endUtcOffset: `${m.endOffset}s`,
  };
  if (s.civilStart) interval.civilStartTime = civilDateTime(start + m.startOffset * 1000);
  if (s.civilEnd) interval.civilEndTime = civilDateTime(end + m.endOffset * 1000);
  const summary: Json = { minutesAsleep: n(asleepOf(m)) };
  if (s.period) summary.minutesInSleepPeriod = n(total(m));
  if (m.stages.AWAKE > 0) summary.minutesAwake = n(m.stages.AWAKE);
  const stagesSummary: Json[] = [];
  for (const [type, value] of Object.entries(m.stages)) {
    if (value > 0) stagesSummary.push({ type, minutes: n(value), count: n(1) });
    else if (s.zeroStage === "noMinutes") stagesSummary.push({ type });
    else if (s.zeroStage === "explicit") stagesSummary.push({ type, minutes: n(0) });
  }
  if (stagesSummary.length > 0) summary.stagesSummary = stagesSummary;
  const metadata: Json = {};
  if (m.mainSleep !== undefined) metadata.mainSleep = m.mainSleep;
  if (m.nap !== undefined) metadata.nap = m.nap;
  if (m.processed !== undefined) metadata.processed = m.processed;
  const sleep: Json = { interval, summary };
  if (s.type) sleep.type = m.kind;
  if (Object.keys(metadata).length > 0) sleep.metadata = metadata;
  if (s.stagesArray) sleep.stages = [{ startTime: interval.startTime, endTime: interval.endTime, type: "LIGHT" }];
  return { name: `users/1/dataTypes/sleep/dataPoints/${m.wakeDate}${m.wakeMinute}`, sleep };
}

/** Splits data points over pages: every page but the last carries a token, some pages are empty. */
export function paginate(points: Json[], cuts: number[], emptyStyle: "braces" | "list"): Json[] {
  const bounds = [...new Set(cuts.map((c) => Math.min(c, points.length)))].sort((a, b) => a - b);
  const pages: Json[] = [];
  let from = 0;
  for (const to of [...bounds, points.length]) {
    const slice = points.slice(from, Math.max(from, to));
    from = Math.max(from, to);
    const page: Json = slice.length > 0 || emptyStyle === "list" ? { dataPoints: slice } : {};
    pages.push(page);
  }
  pages.forEach((page, i) => {
    if (i < pages.length - 1) page.nextPageToken = `page-${i + 1}`;
    else if (emptyStyle === "list") page.nextPageToken = "";
  });
  return pages;
}

/** The night the oracle expects from one model (bedtime by offset arithmetic, no Date). */
export function expectedNight(m: SleepModel, nap: boolean): Night {
  const period = total(m);
  const asleep = asleepOf(m);
  const bed = m.wakeMinute - period + (m.startOffset - m.endOffset) / 60;
  const st = m.stages;
  return {
    date: m.wakeDate,
    bedtime: ((bed % 1440) + 1440) % 1440,
    wake: m.wakeMinute,
    minutesAsleep: asleep,
    efficiency: Math.round((100 * asleep) / period),
    split:
      m.kind === "STAGES"
        ? { kind: "stages", deep: st.DEEP, light: st.LIGHT, rem: st.REM, awake: st.AWAKE }
        : { kind: "classic", asleep: st.ASLEEP, restless: st.RESTLESS, awake: st.AWAKE },
    nap,
    // The generated stages[] is one LIGHT segment over the whole period: every column light (01).
    hypnogram: m.shape.stagesArray ? [0x5555, 0x5555, 0x5555] : null,
  };
}

/** docs/reference/google-health-api.md §4.1, written out plainly: the flag, else most asleep non-nap, else longest nap. */
export function expectedSleep(models: SleepModel[]): { nights: Record<number, Night>; unprocessed: number[] } {
  const nights: Record<number, Night> = {};
  const unprocessed: number[] = [];
  const dates = [...new Set(models.map((m) => m.wakeDate))];
  for (const date of dates) {
    const day = models.filter((m) => m.wakeDate === date);
    const better = (a: SleepModel, b: SleepModel) =>
      asleepOf(a) > asleepOf(b) ||
      (asleepOf(a) === asleepOf(b) && (total(a) > total(b) || (total(a) === total(b) && wakeUtcMs(a) > wakeUtcMs(b))));
    const best = (pool: SleepModel[], isBetter: (a: SleepModel, b: SleepModel) => boolean) => {
      let found: SleepModel | null = null;
      for (const m of pool) if (found === null || isBetter(m, found)) found = m;
      return found;
    };
    let main = best(
      day.filter((m) => m.mainSleep === true),
      better,
    );
    if (main === null)
      main = best(
        day.filter((m) => m.nap !== true),
        better,
      );
    let nap = false;
    if (main === null) {
      nap = true;
      main = best(day, (a, b) => total(a) > total(b) || (total(a) === total(b) && better(a, b)));
    }
    if (main === null) continue;
    nights[date] = expectedNight(main, nap);
    if (main.processed === false) unprocessed.push(date);
  }
  return { nights, unprocessed: unprocessed.sort() };
}

/** A day of a rollup: a value, an empty value object (0), a window without value, or no window. */
export interface RollupDay {
  date: number;
  kind: "value" | "emptyObject" | "noValueKey" | "missing";
  steps: number;
  stringInts: boolean;
  emptyTime: boolean;
}

export const rollupArb: fc.Arbitrary<RollupDay[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(
        "value" as const,
        "value" as const,
        "emptyObject" as const,
        "noValueKey" as const,
        "missing" as const,
      ),
      steps: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200000 })),
      stringInts: fc.boolean(),
      emptyTime: fc.boolean(),
    }),
    { minLength: 7, maxLength: 7 },
  )
  .map((days) => days.map((d, i) => ({ ...d, date: shiftDate(TODAY, i - 6) })));

function civilDateOf(date: number): Json {
  return { year: Math.floor(date / 10000), month: Math.floor(date / 100) % 100, day: date % 100 };
}

export function renderRollup(days: RollupDay[], emptyStyle: "braces" | "list"): Json {
  const windows = days
    .filter((d) => d.kind !== "missing")
    .reverse() // newest first
    .map((d) => {
      const window: Json = {
        civilStartTime: d.emptyTime ? { date: civilDateOf(d.date), time: {} } : { date: civilDateOf(d.date) },
        civilEndTime: { date: civilDateOf(shiftDate(d.date, 1)) },
      };
      if (d.kind === "emptyObject") window.steps = {};
      if (d.kind === "value")
        window.steps = d.steps === 0 ? {} : { countSum: d.stringInts ? String(d.steps) : d.steps };
      return window;
    });
  return windows.length === 0 && emptyStyle === "braces" ? {} : { rollupDataPoints: windows };
}

export function expectedRollup(days: RollupDay[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const d of days) {
    if (d.kind === "value") out[d.date] = d.steps;
    if (d.kind === "emptyObject") out[d.date] = 0;
  }
  return out;
}

/** Resting heart rate per day: a value, or a day not yet computed (absent). */
export interface HeartDay {
  date: number;
  bpm: number | null;
  stringInts: boolean;
  metadata: boolean;
}

export const heartArb: fc.Arbitrary<HeartDay[]> = fc
  .array(
    fc.record({
      bpm: fc.option(fc.integer({ min: 20, max: 250 }), { nil: null }),
      stringInts: fc.boolean(),
      metadata: fc.boolean(),
    }),
    { minLength: 7, maxLength: 7 },
  )
  .map((days) => days.map((d, i) => ({ ...d, date: shiftDate(TODAY, i - 6) })));

export function renderHeart(days: HeartDay[]): Json[] {
  return days
    .filter((d) => d.bpm !== null)
    .map((d) => {
      const value: Json = { date: civilDateOf(d.date), beatsPerMinute: d.stringInts ? String(d.bpm) : d.bpm };
      if (d.metadata) value.dailyRestingHeartRateMetadata = { calculationMethod: "WITH_SLEEP" };
      return { dataSource: { platform: "FITBIT" }, dailyRestingHeartRate: value };
    });
}

export function expectedHeart(days: HeartDay[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const d of days) if (d.bpm !== null) out[d.date] = d.bpm;
  return out;
}
