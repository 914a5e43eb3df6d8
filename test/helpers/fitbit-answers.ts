// Generated legacy Fitbit Web API answers (docs/reference/fitbit-web-api.md §4, §5) for property tests, with an
// oracle that computes the expected reading from the model alone.
import fc from "fast-check";
import { Night } from "../../common/snapshot";
import { shiftDate, TODAY } from "./google-answers";

type Json = Record<string, unknown>;

export interface LogModel {
  date: number;
  wakeMinute: number;
  kind: "stages" | "classic";
  levels: Record<string, number>;
  efficiency: number | undefined;
  isMainSleep: boolean | undefined;
  /** Extra milliseconds of `duration` beyond timeInBed, or null when `duration` is left out. */
  durationExtra: number | null;
  typeField: boolean;
  zeroLevels: "omit" | "explicit";
}

const minutes = (max: number, min = 0) => fc.integer({ min, max });

export const logArb: fc.Arbitrary<LogModel> = fc
  .record({
    date: fc.integer({ min: -6, max: 0 }).map((d) => shiftDate(TODAY, d)),
    wakeMinute: fc.integer({ min: 0, max: 1439 }),
    kind: fc.constantFrom("stages" as const, "classic" as const),
    levels: fc.record({ a: minutes(200), b: minutes(400, 1), c: minutes(200), d: minutes(120) }),
    efficiency: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    isMainSleep: fc.constantFrom(undefined, true, false, false),
    durationExtra: fc.option(fc.integer({ min: 0, max: 59999 }), { nil: null }),
    typeField: fc.boolean(),
    zeroLevels: fc.constantFrom("omit" as const, "explicit" as const),
  })
  .map((m): LogModel => ({
    ...m,
    // Stages: deep, light, rem, wake. Classic: asleep (≥ 1), restless, awake.
    levels:
      m.kind === "stages"
        ? { deep: m.levels.a, light: m.levels.b, rem: m.levels.c, wake: m.levels.d }
        : { asleep: m.levels.b, restless: m.levels.a % 60, awake: m.levels.d },
  }));

const inBedOf = (m: LogModel) => Object.values(m.levels).reduce((a, b) => a + b, 0);
const asleepOf = (m: LogModel) =>
  m.kind === "stages" ? m.levels.deep + m.levels.light + m.levels.rem : m.levels.asleep;
const durationOf = (m: LogModel) => inBedOf(m) * 60000 + (m.durationExtra ?? 0);

function localText(date: number, minute: number): string {
  const d = new Date(Date.UTC(Math.floor(date / 10000), (Math.floor(date / 100) % 100) - 1, date % 100, 0, minute));
  return d.toISOString().replace("Z", "");
}

export function renderLog(m: LogModel): Json {
  const inBed = inBedOf(m);
  const summary: Json = {};
  for (const [key, value] of Object.entries(m.levels))
    if (value > 0 || m.zeroLevels === "explicit") summary[key] = { count: 1, minutes: value };
  const log: Json = {
    dateOfSleep: localText(m.date, 0).slice(0, 10),
    startTime: localText(m.date, m.wakeMinute - inBed),
    endTime: localText(m.date, m.wakeMinute),
    minutesAsleep: asleepOf(m),
    minutesAwake: inBed - asleepOf(m),
    timeInBed: inBed,
    levels: { summary, data: [] },
    logId: m.date * 10000 + m.wakeMinute,
    logType: "auto_detected",
  };
  if (m.durationExtra !== null) log.duration = durationOf(m);
  if (m.efficiency !== undefined) log.efficiency = m.efficiency;
  if (m.isMainSleep !== undefined) log.isMainSleep = m.isMainSleep;
  if (m.typeField) log.type = m.kind;
  return log;
}

/** docs/reference/fitbit-web-api.md §4: `isMainSleep`, else the longest `duration`; efficiency as given. */
export function expectedLogs(models: LogModel[]): Record<number, Night> {
  const out: Record<number, Night> = {};
  for (const date of [...new Set(models.map((m) => m.date))]) {
    const day = models.filter((m) => m.date === date);
    const flagged = day.filter((m) => m.isMainSleep === true);
    let main: LogModel | null = null;
    for (const m of flagged.length > 0 ? flagged : day) {
      const longer =
        main === null ||
        durationOf(m) > durationOf(main) ||
        (durationOf(m) === durationOf(main) && asleepOf(m) > asleepOf(main));
      if (longer) main = m;
    }
    if (main === null) continue;
    const inBed = inBedOf(main);
    const l = main.levels;
    out[date] = {
      date,
      bedtime: (((main.wakeMinute - inBed) % 1440) + 1440) % 1440,
      wake: main.wakeMinute,
      minutesAsleep: asleepOf(main),
      efficiency: main.efficiency ?? Math.round((100 * asleepOf(main)) / inBed),
      split:
        main.kind === "stages"
          ? { kind: "stages", deep: l.deep, light: l.light, rem: l.rem, awake: l.wake }
          : { kind: "classic", asleep: l.asleep, restless: l.restless, awake: l.awake },
      nap: false,
      hypnogram: null, // generated logs carry no levels.data (test/companion/hypnogram.test.ts reads some)
    };
  }
  return out;
}

export interface StepsRow {
  date: number;
  steps: number;
  present: boolean;
}

export const stepsRowsArb: fc.Arbitrary<StepsRow[]> = fc
  .array(fc.record({ steps: fc.integer({ min: 0, max: 200000 }), present: fc.boolean() }), {
    minLength: 7,
    maxLength: 7,
  })
  .map((rows) => rows.map((r, i) => ({ ...r, date: shiftDate(TODAY, i - 6) })));

export function renderStepsRows(rows: StepsRow[]): Json {
  return {
    "activities-steps": rows
      .filter((r) => r.present)
      .map((r) => ({ dateTime: localText(r.date, 0).slice(0, 10), value: String(r.steps) })),
  };
}

export function expectedStepsRows(rows: StepsRow[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of rows) if (r.present) out[r.date] = r.steps;
  return out;
}

/** Today's activity summary: before the first sync of the day it has zeros and no resting heart rate. */
export function renderSummary(restingHeartRate: number | null): Json {
  const summary: Json = { steps: 0, floors: 0, caloriesOut: 1402, distances: [{ activity: "total", distance: 0 }] };
  if (restingHeartRate !== null) summary.restingHeartRate = restingHeartRate;
  return { activities: [], goals: { steps: 10000 }, summary };
}
