// Legacy Fitbit Web API data endpoints over the demo user: sleep v1.2 by date and range, the
// steps time series and the daily activity summary (docs/reference/fitbit-web-api.md).
import { dayKey, parseIsoDay, shiftDay, toCivil } from "./civil-time";
import { demoAsleep, demoDay, demoNight, DemoNight, demoRestingHeartRate } from "./demo-user";
import { HealthContext } from "./google-health";
import { FakeResponse, fitbitError, json } from "./http-kit";

export function routeFitbitData(ctx: HealthContext, path: string): FakeResponse {
  const sleep = /^\/1\.2\/user\/-\/sleep\/date\/(\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?\.json$/.exec(path);
  if (sleep !== null) return listSleepLogs(ctx, sleep[1], sleep[2] ?? sleep[1]);
  const steps = /^\/1\/user\/-\/activities\/steps\/date\/(\d{4}-\d{2}-\d{2})\/(7d|\d{4}-\d{2}-\d{2})\.json$/.exec(path);
  if (steps !== null) return stepsSeries(ctx, steps[1], steps[2]);
  const summary = /^\/1\/user\/-\/activities\/date\/(\d{4}-\d{2}-\d{2})\.json$/.exec(path);
  if (summary !== null) return dailySummary(ctx, summary[1]);
  return fitbitError(404, "not_found", "The API you are requesting could not be found.");
}

function listSleepLogs(ctx: HealthContext, fromText: string, toText: string): FakeResponse {
  const from = parseIsoDay(fromText);
  const to = parseIsoDay(toText);
  if (from === null || to === null || to < from) return fitbitError(400, "validation", "Invalid date range.");
  const nights: DemoNight[] = [];
  for (let d = to; d >= from && nights.length < 100; d = shiftDay(d, -1)) {
    const night = demoNight(ctx.seed, d, ctx.timeZone);
    if (night.visibleAt <= ctx.now() && !ctx.variation.bare(d)) nights.push(night);
  }
  return json(200, { sleep: nights.map((n) => sleepLog(ctx, n)), summary: { totalSleepRecords: nights.length } });
}

function sleepLog(ctx: HealthContext, n: DemoNight): Record<string, unknown> {
  const local = (ms: number) => {
    const c = toCivil(ms, ctx.timeZone);
    const p = (x: number) => String(x).padStart(2, "0");
    return `${c.year}-${p(c.month)}-${p(c.day)}T${p(c.hours)}:${p(c.minutes)}:00.000`;
  };
  const inBed = Object.values(n.stages).reduce((a, b) => a + b, 0);
  const stages = n.kind === "STAGES";
  const asleep = demoAsleep(n);
  const summary: Record<string, { count: number; minutes: number }> = stages
    ? {
        deep: { count: 3, minutes: n.stages.DEEP },
        light: { count: 8, minutes: n.stages.LIGHT },
        rem: { count: 4, minutes: n.stages.REM },
        wake: { count: 6, minutes: n.stages.AWAKE },
      }
    : {
        asleep: { count: 1, minutes: n.stages.ASLEEP },
        restless: { count: 2, minutes: n.stages.RESTLESS },
        awake: { count: 1, minutes: n.stages.AWAKE },
      };
  const d = String(n.day);
  const omit = ctx.variation.omitZero(n.day, 0);
  const levels = Object.fromEntries(Object.entries(summary).filter(([, level]) => !omit || level.minutes !== 0));
  return {
    dateOfSleep: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`,
    startTime: local(n.start),
    endTime: local(n.end),
    duration: inBed * 60000,
    efficiency: Math.round((100 * asleep) / inBed),
    isMainSleep: true,
    logId: n.day,
    minutesAsleep: asleep,
    minutesAwake: inBed - asleep,
    minutesAfterWakeup: 0,
    minutesToFallAsleep: 0,
    timeInBed: inBed,
    type: stages ? "stages" : "classic",
    levels: { summary: levels, data: [] },
  };
}

function stepsSeries(ctx: HealthContext, baseText: string, endText: string): FakeResponse {
  const base = parseIsoDay(baseText);
  const end = endText === "7d" ? base : parseIsoDay(endText);
  if (base === null || end === null) return fitbitError(400, "validation", "Invalid date.");
  const from = endText === "7d" ? shiftDay(base, -6) : base;
  const today = dayKey(toCivil(ctx.now(), ctx.timeZone));
  const rows: Array<{ dateTime: string; value: string }> = [];
  for (let d = from; d <= end; d = shiftDay(d, 1)) {
    const s = String(d);
    rows.push({
      dateTime: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`,
      value: String(d > today ? 0 : demoDay(ctx.seed, d, ctx.now(), ctx.timeZone).steps),
    });
  }
  return json(200, { "activities-steps": rows });
}

function dailySummary(ctx: HealthContext, dayText: string): FakeResponse {
  const day = parseIsoDay(dayText);
  if (day === null) return fitbitError(400, "validation", "Invalid date.");
  const d = demoDay(ctx.seed, day, ctx.now(), ctx.timeZone);
  const rhr =
    demoNight(ctx.seed, day, ctx.timeZone).visibleAt <= ctx.now() && !ctx.variation.bare(day)
      ? { restingHeartRate: demoRestingHeartRate(ctx.seed, day) }
      : {};
  return json(200, {
    activities: [],
    goals: { steps: 10000, floors: 10, caloriesOut: 2500, distance: 8.05, activeMinutes: 30 },
    summary: {
      steps: d.steps,
      floors: d.floors,
      caloriesOut: Math.round(d.calories),
      activityCalories: Math.round(d.activeCalories),
      distances: [{ activity: "total", distance: d.distanceMm / 1e6 }],
      ...rhr,
    },
  });
}
