// Google Health API v4 requests and readers (docs/reference/google-health-api.md §2, §4). API field names appear
// only here; the rest of the companion sees domain values. Live answers usually lack the civil
// times (§8 item 9), leave zero fields out (§2) and may page: all of that is the normal path.
import { CivilDate, splitCivilDate } from "../../common/civil-date";
import { addCivilDays, formatCivilDate } from "../civil-days";
import { LIMITS } from "../../common/limits";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";
import { checkNight } from "./check-night";
import { googleHypnogram } from "./hypnogram";
import {
  civilDate,
  int,
  JsonObject,
  list,
  localAt,
  MalformedError,
  obj,
  optionalInt,
  optionalObj,
  Page,
  readEach,
  timestamp,
  utcOffset,
} from "./json-reader";
import { Call, DataProvider, DayValue, SleepRecord } from "./provider";

const BASE = "https://health.googleapis.com/v4/users/me/dataTypes";
const DAY_MINUTES = LIMITS.minutesPerDay;

function get(url: string, token: string, pageToken: string | null): HttpRequest {
  const page = pageToken === null ? "" : `&pageToken=${encodeURIComponent(pageToken)}`;
  return { method: "GET", url: url + page, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } };
}

function dateFilter(field: string, from: CivilDate, to: CivilDate): string {
  return encodeURIComponent(`${field} >= "${formatCivilDate(from)}" AND ${field} < "${formatCivilDate(to)}"`);
}

function weekFilter(field: string, today: CivilDate): string {
  return dateFilter(field, addCivilDays(today, 1 - LIMITS.weekDays), addCivilDays(today, 1));
}

/** Steps for the 7 days up to `today`, one window per day (`end` exclusive; rollups never page). */
function stepsRequest(today: CivilDate, token: string): HttpRequest {
  const date = (d: CivilDate) => {
    const p = splitCivilDate(d);
    return { date: { year: p.year, month: p.month, day: p.day } };
  };
  return {
    method: "POST",
    url: `${BASE}/steps/dataPoints:dailyRollUp`,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({
      range: { start: date(addCivilDays(today, 1 - LIMITS.weekDays)), end: date(addCivilDays(today, 1)) },
      windowSizeDays: 1,
    }),
  };
}

/** Sleep that ended on the 7 days up to `today` (filter on civil end time, never start time). */
function request(call: Call, today: CivilDate, token: string, pageToken: string | null): HttpRequest {
  if (call === "steps") return stepsRequest(today, token);
  if (call === "sleep")
    return get(
      `${BASE}/sleep/dataPoints?filter=${weekFilter("sleep.interval.civil_end_time", today)}`,
      token,
      pageToken,
    );
  return get(
    `${BASE}/daily-resting-heart-rate/dataPoints?filter=${weekFilter("daily_resting_heart_rate.date", today)}`,
    token,
    pageToken,
  );
}

/** Local date and minute of one end of the interval: the civil time if sent, else UTC + its own offset. */
function intervalEnd(interval: JsonObject, end: "Start" | "End", epochMs: number, at: string) {
  const civil = interval[`civil${end}Time`];
  if (civil === undefined) {
    const key = `${end.toLowerCase()}UtcOffset`;
    return localAt(epochMs, utcOffset(interval[key], `${at}.${key}`));
  }
  const field = `${at}.civil${end}Time`;
  const c = obj(civil, field);
  const time = optionalObj(c.time, `${field}.time`); // midnight may come without a time
  return {
    date: civilDate(c.date, `${field}.date`),
    minute:
      optionalInt(time.hours, `${field}.time.hours`, 0, 23) * 60 +
      optionalInt(time.minutes, `${field}.time.minutes`, 0, 59),
  };
}

function readSplit(kind: "stages" | "classic", summary: JsonObject, at: string): Night["split"] {
  const minutes: { [type: string]: number } = {};
  list(summary.stagesSummary, `${at}.stagesSummary`).forEach((s, i) => {
    const stage = obj(s, `${at}.stagesSummary[${i}]`);
    if (typeof stage.type !== "string") throw new MalformedError(`${at}.stagesSummary[${i}].type`);
    minutes[stage.type] = optionalInt(stage.minutes, `${at}.stagesSummary[${i}].minutes`, 0, DAY_MINUTES);
  });
  const m = (key: string) => minutes[key] ?? 0; // a missing type is 0 (proto3)
  return kind === "classic"
    ? { kind: "classic", asleep: m("ASLEEP"), restless: m("RESTLESS"), awake: m("AWAKE") }
    : { kind: "stages", deep: m("DEEP"), light: m("LIGHT"), rem: m("REM"), awake: m("AWAKE") };
}

function sleepKind(type: unknown, summary: JsonObject, at: string): "stages" | "classic" {
  if (type === "STAGES") return "stages";
  if (type === "CLASSIC") return "classic";
  if (type !== undefined) throw new MalformedError(`${at}.type`);
  // Unspecified (proto3 leaves the default out): classic logs are the ones with ASLEEP minutes.
  return JSON.stringify(summary.stagesSummary ?? []).indexOf('"ASLEEP"') >= 0 ? "classic" : "stages";
}

/** One sleep data point; null when it carries no summary or no minutes asleep (unusable alone). */
function readSleepPoint(point: unknown, at: string): SleepRecord | null {
  const sleep = obj(obj(point, at).sleep, `${at}.sleep`);
  at = `${at}.sleep`;
  const interval = obj(sleep.interval, `${at}.interval`);
  if (sleep.summary === undefined) return null;
  const summary = obj(sleep.summary, `${at}.summary`);
  if (summary.minutesAsleep === undefined) return null;
  const asleep = int(summary.minutesAsleep, `${at}.summary.minutesAsleep`, 0, DAY_MINUTES);
  const start = timestamp(interval.startTime, `${at}.interval.startTime`);
  const end = timestamp(interval.endTime, `${at}.interval.endTime`);
  if (end < start || end - start > DAY_MINUTES * 60000) throw new MalformedError(`${at}.interval`);
  const bed = intervalEnd(interval, "Start", start, `${at}.interval`);
  const wake = intervalEnd(interval, "End", end, `${at}.interval`);
  const inBed =
    summary.minutesInSleepPeriod === undefined
      ? Math.round((end - start) / 60000)
      : int(summary.minutesInSleepPeriod, `${at}.summary.minutesInSleepPeriod`, 0, DAY_MINUTES);
  const metadata = optionalObj(sleep.metadata, `${at}.metadata`);
  const night: Night = {
    date: wake.date,
    bedtime: bed.minute,
    wake: wake.minute,
    minutesAsleep: asleep,
    // No efficiency in the API: derived as §4.1 says (asleep ≤ in bed is checked below).
    efficiency: inBed > 0 ? Math.round((100 * asleep) / inBed) : 0,
    split: readSplit(sleepKind(sleep.type, summary, `${at}.type`), summary, `${at}.summary`),
    nap: false,
    hypnogram: googleHypnogram(sleep.stages, start, end),
  };
  return {
    night: checkNight(night, inBed, at),
    inBed,
    end,
    durationMs: end - start,
    main: typeof metadata.mainSleep === "boolean" ? metadata.mainSleep : null,
    nap: metadata.nap === true,
    processed: metadata.processed !== false,
  };
}

/** Most asleep first; ties: the longer period, then the later end. */
function byAsleep(a: SleepRecord, b: SleepRecord): number {
  return b.night.minutesAsleep - a.night.minutesAsleep || b.inBed - a.inBed || b.end - a.end;
}

/**
 * The main sleep per docs/reference/google-health-api.md §4.1: (1) the flagged one, else (2) the most asleep
 * record not marked as a nap, else (3) the longest record, which is then shown as a nap.
 */
export function pickMainSleep(records: SleepRecord[]): SleepRecord | null {
  const flagged = records.filter((r) => r.main === true).sort(byAsleep);
  if (flagged.length > 0) return flagged[0];
  const nights = records.filter((r) => !r.nap).sort(byAsleep);
  if (nights.length > 0) return nights[0];
  const naps = records.slice().sort((a, b) => b.durationMs - a.durationMs || byAsleep(a, b));
  return naps.length === 0 ? null : { ...naps[0], night: { ...naps[0].night, nap: true } };
}

function dataPoints(body: unknown): unknown[] {
  return list(obj(body, "body").dataPoints, "dataPoints");
}

/** A rollup window: steps for its civil start date; `"steps": {}` is 0, no `steps` is unknown. */
function readStepsWindow(point: unknown, at: string): DayValue | null {
  const window = obj(point, at);
  const date = civilDate(obj(window.civilStartTime, `${at}.civilStartTime`).date, `${at}.civilStartTime.date`);
  if (window.steps === undefined) return null;
  const steps = obj(window.steps, `${at}.steps`);
  return { date, value: optionalInt(steps.countSum, `${at}.steps.countSum`, 0, LIMITS.maxStepsPerDay) };
}

function readRestingHeartRatePoint(point: unknown, at: string): DayValue | null {
  const rhr = obj(obj(point, at).dailyRestingHeartRate, `${at}.dailyRestingHeartRate`);
  const date = civilDate(rhr.date, `${at}.dailyRestingHeartRate.date`);
  if (rhr.beatsPerMinute === undefined) return null;
  const bpm = int(
    rhr.beatsPerMinute,
    `${at}.dailyRestingHeartRate.beatsPerMinute`,
    LIMITS.minRestingHeartRate,
    LIMITS.maxRestingHeartRate,
  );
  return { date, value: bpm };
}

/** The Google Health provider behind the common interface. */
export const googleHealth: DataProvider = {
  request,
  nextPageToken(body: unknown): string | null {
    const token = typeof body === "object" && body !== null ? (body as JsonObject).nextPageToken : undefined;
    return typeof token === "string" && token !== "" ? token : null;
  },
  readSleep: (body): Page<SleepRecord> => readEach(dataPoints(body), "dataPoints", readSleepPoint),
  pickMainSleep,
  readSteps: (body): Page<DayValue> =>
    readEach(list(obj(body, "body").rollupDataPoints, "rollupDataPoints"), "rollupDataPoints", readStepsWindow),
  readRestingHeartRate: (body): Page<DayValue> => readEach(dataPoints(body), "dataPoints", readRestingHeartRatePoint),
};
