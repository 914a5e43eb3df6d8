// Google Health API v4 data endpoints over the demo user (docs/reference/google-health-api.md §4), the ones the
// companion calls: sleep list by civil end date, the steps dailyRollUp, resting heart rate list.
// int64 values are strings, lists are newest first, an empty answer is `{}`.
import { dayKey, offsetSeconds, parseIsoDay, shiftDay, toCivil } from "./civil-time";
import { demoAsleep, demoDay, DemoDay, demoNight, DemoNight, demoRestingHeartRate } from "./demo-user";
import { Variation } from "./answer-style";
import { FakeResponse, googleError, json } from "./http-kit";

const SCOPE = "https://www.googleapis.com/auth/googlehealth.";
export const SCOPES = {
  sleep: `${SCOPE}sleep.readonly`,
  activity: `${SCOPE}activity_and_fitness.readonly`,
  metrics: `${SCOPE}health_metrics_and_measurements.readonly`,
};

// Only the rollup the companion asks for (steps); other types answer 404 like an unknown one.
const ROLLUPS: Record<string, { max: number; value: (d: DemoDay) => Record<string, unknown> }> = {
  steps: { max: 90, value: (d) => ({ steps: { countSum: String(d.steps) } }) },
};

export interface HealthContext {
  now(): number;
  timeZone: string;
  seed: number;
  /** Which optional parts the answers carry (answer-style.ts). */
  variation: Variation;
  /** Sleep list page size (Google's default and maximum is 25). */
  sleepPageSize: number;
}

/** Leaves out zero numbers ("0" or 0), as proto3 JSON does. */
function withoutZeros(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === 0 || v === "0") continue;
    out[key] =
      typeof v === "object" && v !== null && !Array.isArray(v) ? withoutZeros(v as Record<string, unknown>) : v;
  }
  return out;
}

function civilDate(key: number) {
  return { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

function civilDateTime(ms: number, tz: string) {
  const c = toCivil(ms, tz);
  const time: Record<string, number> = {};
  if (c.hours !== 0) time.hours = c.hours;
  if (c.minutes !== 0) time.minutes = c.minutes;
  return { date: { year: c.year, month: c.month, day: c.day }, ...(Object.keys(time).length > 0 ? { time } : {}) };
}

/** Parses `<field> >= "D1" AND <field> < "D2"` into [D1, D2) day keys. */
export function parseDayFilter(filter: string, field: string): [number, number] | null {
  const escaped = field.replace(/\./g, "\\.");
  const m = new RegExp(
    `^\\s*${escaped}\\s*>=\\s*"(\\d{4}-\\d{2}-\\d{2})"\\s+AND\\s+${escaped}\\s*<\\s*"(\\d{4}-\\d{2}-\\d{2})"\\s*$`,
  ).exec(filter);
  if (m === null) return null;
  const from = parseIsoDay(m[1]);
  const to = parseIsoDay(m[2]);
  return from === null || to === null || to <= from ? null : [from, to];
}

function days(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d < to && out.length < 400; d = shiftDay(d, 1)) out.push(d);
  return out.reverse(); // newest first
}

function utc(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function sleepPoint(night: DemoNight, tz: string, variation: Variation): Record<string, unknown> {
  const offset = `${offsetSeconds(night.end, tz)}s`;
  const order =
    night.kind === "STAGES"
      ? ["AWAKE", "LIGHT", "DEEP", "LIGHT", "REM", "AWAKE", "LIGHT", "REM"]
      : ["AWAKE", "ASLEEP", "RESTLESS", "ASLEEP", "AWAKE"];
  const stages: Array<Record<string, unknown>> = [];
  const used: Record<string, number> = {};
  let at = night.start;
  order.forEach((type, i) => {
    const share = order.filter((t) => t === type).length;
    const last = order.lastIndexOf(type) === i;
    const minutes = last ? night.stages[type] - (used[type] ?? 0) : Math.floor(night.stages[type] / share);
    used[type] = (used[type] ?? 0) + minutes;
    if (minutes <= 0) return;
    stages.push({
      startTime: utc(at),
      startUtcOffset: offset,
      endTime: utc(at + minutes * 60000),
      endUtcOffset: offset,
      type,
    });
    at += minutes * 60000;
  });
  const awake = night.stages.AWAKE;
  const inBed = Object.values(night.stages).reduce((a, b) => a + b, 0);
  const asleep = demoAsleep(night);
  const civil = variation.civilTimes(night.day);
  const omit = variation.omitZero(night.day, 0);
  const summary: Record<string, unknown> = {
    minutesInSleepPeriod: String(inBed),
    minutesAsleep: String(asleep),
    minutesAwake: String(awake),
    minutesToFallAsleep: "0",
    minutesAfterWakeUp: "0",
    stagesSummary: Object.entries(night.stages)
      .filter(([, minutes]) => !omit || minutes !== 0)
      .map(([type, minutes]) =>
        (omit ? withoutZeros : (v: Record<string, unknown>) => v)({
          type,
          minutes: String(minutes),
          count: minutes === 0 ? "0" : "1",
        }),
      ),
  };
  return {
    name: `users/2515055256096816351/dataTypes/sleep/dataPoints/${night.day}`,
    dataSource: { recordingMethod: "PASSIVELY_MEASURED", platform: "FITBIT" },
    sleep: {
      interval: {
        startTime: utc(night.start),
        startUtcOffset: offset,
        endTime: utc(night.end),
        endUtcOffset: offset,
        ...(civil
          ? { civilStartTime: civilDateTime(night.start, tz), civilEndTime: civilDateTime(night.end, tz) }
          : {}),
      },
      type: night.kind,
      stages,
      metadata: {
        processed: true,
        // mainSleep exists in the newer API revision only (docs/reference/google-health-api.md §8 item 9).
        ...(variation.omitZero(night.day, 3) ? {} : { mainSleep: true }),
        stagesStatus: night.kind === "STAGES" ? "SUCCEEDED" : "REJECTED_COVERAGE",
      },
      summary: omit ? withoutZeros(summary) : summary,
    },
  };
}

/** GET /v4/users/me/dataTypes/sleep/dataPoints */
export function listSleep(ctx: HealthContext, filter: string, pageToken: string | null): FakeResponse {
  if (/start_time/.test(filter))
    return googleError(
      400,
      "INVALID_ARGUMENT",
      "Filtering on start time is not supported for sleep.",
      "INVALID_DATA_POINT_FILTER",
    );
  const range = parseDayFilter(filter, "sleep.interval.civil_end_time");
  if (range === null) return googleError(400, "INVALID_ARGUMENT", "Invalid filter.", "INVALID_FILTER_FORMAT");
  const nights = days(range[0], range[1])
    .filter((d) => !ctx.variation.bare(d))
    .map((d) => demoNight(ctx.seed, d, ctx.timeZone))
    .filter((n) => n.visibleAt <= ctx.now());
  // Pages of sleepPageSize; when the list pages at all, an empty page with a token follows the
  // first one (a page with a token and no points is not the end: docs/reference/google-health-api.md §2).
  const pages: DemoNight[][] = [];
  for (let i = 0; i < nights.length; i += ctx.sleepPageSize) pages.push(nights.slice(i, i + ctx.sleepPageSize));
  if (pages.length > 1) pages.splice(1, 0, []);
  const index = pageToken === null ? 0 : Number(/^p(\d+)$/.exec(pageToken)?.[1] ?? NaN);
  if (!(index >= 0 && index < Math.max(1, pages.length)))
    return googleError(400, "INVALID_ARGUMENT", "Invalid page token.", "INVALID_PAGE_TOKEN");
  const page = pages[index] ?? [];
  const next = index + 1 < pages.length ? { nextPageToken: `p${index + 1}` } : {};
  return json(
    200,
    page.length === 0 && pages.length <= 1
      ? {}
      : { dataPoints: page.map((n) => sleepPoint(n, ctx.timeZone, ctx.variation)), ...next },
  );
}

/** POST /v4/users/me/dataTypes/{type}/dataPoints:dailyRollUp */
export function dailyRollUp(ctx: HealthContext, type: string, body: string): FakeResponse {
  const spec = ROLLUPS[type];
  if (spec === undefined) return googleError(404, "NOT_FOUND", `Unknown data type ${type}.`);
  const range = parseRollupRange(body);
  if (range === null) return googleError(400, "INVALID_ARGUMENT", "Invalid range.", "INVALID_ROLLUP_WINDOW");
  const [from, to] = range;
  if (days(from, to).length > spec.max)
    return googleError(
      400,
      "INVALID_ARGUMENT",
      `The range may span at most ${spec.max} days.`,
      "INVALID_ROLLUP_WINDOW",
    );
  const today = dayKey(toCivil(ctx.now(), ctx.timeZone));
  const points = days(from, to)
    .filter((d) => d <= today && !ctx.variation.bare(d))
    .map((d) => {
      const value = spec.value(demoDay(ctx.seed, d, ctx.now(), ctx.timeZone));
      return {
        civilStartTime: { date: civilDate(d), time: {} },
        civilEndTime: { date: civilDate(shiftDay(d, 1)), time: {} },
        ...(ctx.variation.omitZero(d, 2) ? withoutZeros(value) : value),
      };
    });
  return json(200, points.length === 0 ? {} : { rollupDataPoints: points });
}

function parseRollupRange(body: string): [number, number] | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const date = (v: unknown): number | null => {
    const d = (v as { date?: Record<string, unknown> } | undefined)?.date;
    if (d === undefined || ![d.year, d.month, d.day].every((n) => typeof n === "number" && Number.isInteger(n)))
      return null;
    return (d.year as number) * 10000 + (d.month as number) * 100 + (d.day as number);
  };
  const range = (value as { range?: { start?: unknown; end?: unknown } } | null)?.range;
  const from = date(range?.start);
  const to = date(range?.end);
  return from === null || to === null || to <= from ? null : [from, to];
}

/** GET /v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints */
export function listRestingHeartRate(ctx: HealthContext, filter: string): FakeResponse {
  const range = parseDayFilter(filter, "daily_resting_heart_rate.date");
  if (range === null) return googleError(400, "INVALID_ARGUMENT", "Invalid filter.", "INVALID_FILTER_FORMAT");
  const known = days(range[0], range[1]).filter(
    (d) => !ctx.variation.bare(d) && demoNight(ctx.seed, d, ctx.timeZone).visibleAt <= ctx.now(),
  );
  const points = known.map((d) => ({
    dataSource: { recordingMethod: "DERIVED", platform: "FITBIT" },
    dailyRestingHeartRate: {
      date: civilDate(d),
      beatsPerMinute: String(demoRestingHeartRate(ctx.seed, d)),
      dailyRestingHeartRateMetadata: { calculationMethod: "WITH_SLEEP" },
    },
  }));
  return json(200, points.length === 0 ? {} : { dataPoints: points, nextPageToken: "" });
}
