// Google Health API v4 requests and parsers (google-health-api.md §4). API field names appear
// only here; the rest of the companion sees domain values.
import { addCivilDays, CivilDate, formatCivilDate, splitCivilDate } from "../../common/civil-date";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";
import { civilDate, int, list, obj, optionalInt } from "./json-reader";
import { DataProvider, DayValues, SleepHistory } from "./provider";

const BASE = "https://health.googleapis.com/v4/users/me/dataTypes";

function get(url: string, token: string): HttpRequest {
  return { method: "GET", url, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } };
}

function dateFilter(field: string, from: CivilDate, to: CivilDate): string {
  return encodeURIComponent(`${field} >= "${formatCivilDate(from)}" AND ${field} < "${formatCivilDate(to)}"`);
}

/** Sleep that ended on the 7 days up to `today` (filter on civil end time, never start time). */
export function buildSleepRequest(today: CivilDate, token: string): HttpRequest {
  return get(
    `${BASE}/sleep/dataPoints?filter=${dateFilter("sleep.interval.civil_end_time", addCivilDays(today, -6), addCivilDays(today, 1))}`,
    token,
  );
}

/** Steps for the 7 days up to `today`, one window per day (`end` exclusive). */
export function buildStepsRequest(today: CivilDate, token: string): HttpRequest {
  const date = (d: CivilDate) => {
    const p = splitCivilDate(d);
    return { date: { year: p.year, month: p.month, day: p.day } };
  };
  return {
    method: "POST",
    url: `${BASE}/steps/dataPoints:dailyRollUp`,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({
      range: { start: date(addCivilDays(today, -6)), end: date(addCivilDays(today, 1)) },
      windowSizeDays: 1,
    }),
  };
}

export function buildRestingHeartRateRequest(today: CivilDate, token: string): HttpRequest {
  return get(
    `${BASE}/daily-resting-heart-rate/dataPoints?filter=${dateFilter("daily_resting_heart_rate.date", addCivilDays(today, -6), addCivilDays(today, 1))}`,
    token,
  );
}

interface Candidate {
  night: Night;
  inBed: number;
  end: number;
  main: boolean | null;
  nap: boolean;
}

function minuteOfDay(civil: unknown, field: string): number {
  const t = civil === undefined ? {} : obj(obj(civil, field).time ?? {}, `${field}.time`);
  return optionalInt(t.hours, `${field}.time.hours`) * 60 + optionalInt(t.minutes, `${field}.time.minutes`);
}

function readSplit(type: unknown, summary: { [key: string]: unknown }): Night["split"] {
  const minutes: { [type: string]: number } = {};
  list(summary.stagesSummary, "summary.stagesSummary").forEach((s, i) => {
    const stage = obj(s, `summary.stagesSummary[${i}]`);
    minutes[String(stage.type)] = optionalInt(stage.minutes, `summary.stagesSummary[${i}].minutes`);
  });
  const m = (key: string) => minutes[key] ?? 0;
  return type === "CLASSIC"
    ? { kind: "classic", asleep: m("ASLEEP"), restless: m("RESTLESS"), awake: m("AWAKE") }
    : { kind: "stages", deep: m("DEEP"), light: m("LIGHT"), rem: m("REM"), awake: m("AWAKE") };
}

function readCandidate(point: unknown, index: number): Candidate {
  const at = `dataPoints[${index}].sleep`;
  const sleep = obj(obj(point, `dataPoints[${index}]`).sleep, at);
  const interval = obj(sleep.interval, `${at}.interval`);
  const summary = obj(sleep.summary, `${at}.summary`);
  const metadata = sleep.metadata === undefined ? {} : obj(sleep.metadata, `${at}.metadata`);
  const asleep = int(summary.minutesAsleep, `${at}.summary.minutesAsleep`);
  const inBed = optionalInt(summary.minutesInSleepPeriod, `${at}.summary.minutesInSleepPeriod`);
  const date = civilDate(
    obj(interval.civilEndTime, `${at}.interval.civilEndTime`).date,
    `${at}.interval.civilEndTime.date`,
  );
  const night: Night = {
    date,
    bedtime: minuteOfDay(interval.civilStartTime, `${at}.interval.civilStartTime`),
    wake: minuteOfDay(interval.civilEndTime, `${at}.interval.civilEndTime`),
    minutesAsleep: Math.min(asleep, 1440),
    efficiency: inBed > 0 ? Math.min(100, Math.round((100 * asleep) / inBed)) : 0,
    split: readSplit(sleep.type, summary),
  };
  return {
    night,
    inBed,
    end: Date.parse(String(interval.endTime)) || 0,
    main: typeof metadata.mainSleep === "boolean" ? metadata.mainSleep : null,
    nap: metadata.nap === true,
  };
}

/** The main sleep per google-health-api.md §4.1: mainSleep flag, else most asleep non-nap, else longest. */
export function pickMainSleep(candidates: Candidate[]): Night | null {
  const flagged = candidates.filter((c) => c.main === true);
  if (flagged.length > 0) return flagged[0].night;
  const pool = candidates.filter((c) => !c.nap).length > 0 ? candidates.filter((c) => !c.nap) : candidates;
  const sorted = pool
    .slice()
    .sort((a, b) => b.night.minutesAsleep - a.night.minutesAsleep || b.inBed - a.inBed || b.end - a.end);
  return sorted.length > 0 ? sorted[0].night : null;
}

/** Parses the sleep list into the main night per wake date and minutes asleep per date. */
export function parseSleepList(body: unknown): SleepHistory {
  const points = list(obj(body, "body").dataPoints, "dataPoints");
  const byDate: { [date: number]: Candidate[] } = {};
  points.forEach((p, i) => {
    const candidate = readCandidate(p, i);
    (byDate[candidate.night.date] = byDate[candidate.night.date] ?? []).push(candidate);
  });
  const history: SleepHistory = {};
  for (const key of Object.keys(byDate)) {
    const night = pickMainSleep(byDate[Number(key)]);
    if (night !== null) history[Number(key)] = night;
  }
  return history;
}

/** Parses a steps rollup: windows matched by their civil start date, never by position. */
export function parseStepsRollup(body: unknown): DayValues {
  const values: DayValues = {};
  list(obj(body, "body").rollupDataPoints, "rollupDataPoints").forEach((p, i) => {
    const point = obj(p, `rollupDataPoints[${i}]`);
    const date = civilDate(
      obj(point.civilStartTime, `rollupDataPoints[${i}].civilStartTime`).date,
      `rollupDataPoints[${i}].civilStartTime.date`,
    );
    if (point.steps !== undefined)
      values[date] = int(
        obj(point.steps, `rollupDataPoints[${i}].steps`).countSum,
        `rollupDataPoints[${i}].steps.countSum`,
      );
  });
  return values;
}

export function parseRestingHeartRate(body: unknown): DayValues {
  const values: DayValues = {};
  list(obj(body, "body").dataPoints, "dataPoints").forEach((p, i) => {
    const rhr = obj(obj(p, `dataPoints[${i}]`).dailyRestingHeartRate, `dataPoints[${i}].dailyRestingHeartRate`);
    values[civilDate(rhr.date, `dataPoints[${i}].dailyRestingHeartRate.date`)] = int(
      rhr.beatsPerMinute,
      `dataPoints[${i}].dailyRestingHeartRate.beatsPerMinute`,
    );
  });
  return values;
}

/** The Google Health provider behind the common interface. */
export const googleHealth: DataProvider = {
  sleepRequest: buildSleepRequest,
  parseSleep: parseSleepList,
  stepsRequest: buildStepsRequest,
  parseSteps: parseStepsRollup,
  restingHeartRateRequest: buildRestingHeartRateRequest,
  parseRestingHeartRate: parseRestingHeartRate,
};
