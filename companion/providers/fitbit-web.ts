// Legacy Fitbit Web API requests and readers (docs/reference/fitbit-web-api.md §4, §5): sleep v1.2 by date range,
// steps time series, daily activity summary for resting heart rate. Retired upstream (410).
import { CivilDate } from "../../common/civil-date";
import { addCivilDays, formatCivilDate } from "../civil-days";
import { LIMITS } from "../../common/limits";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";
import { checkNight } from "./check-night";
import { fitbitHypnogram } from "./hypnogram";
import {
  int,
  isoDate,
  JsonObject,
  list,
  MalformedError,
  obj,
  optionalInt,
  optionalObj,
  readEach,
  readOne,
} from "./json-reader";
import { Call, DataProvider, DayValue, SleepRecord } from "./provider";

const BASE = "https://api.fitbit.com";
const DAY_MINUTES = LIMITS.minutesPerDay;

function get(path: string, token: string): HttpRequest {
  return { method: "GET", url: BASE + path, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } };
}

function request(call: Call, today: CivilDate, token: string): HttpRequest {
  if (call === "sleep")
    return get(
      `/1.2/user/-/sleep/date/${formatCivilDate(addCivilDays(today, 1 - LIMITS.weekDays))}/${formatCivilDate(today)}.json`,
      token,
    );
  if (call === "steps") return get(`/1/user/-/activities/steps/date/${formatCivilDate(today)}/7d.json`, token);
  return get(`/1/user/-/activities/date/${formatCivilDate(today)}.json`, token);
}

/** `HH:mm` taken straight from the local timestamp string (never re-parsed in the phone's zone). */
function localMinute(text: unknown, field: string): number {
  const m = typeof text === "string" ? /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/.exec(text) : null;
  if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59) throw new MalformedError(field);
  return Number(m[1]) * 60 + Number(m[2]);
}

function sleepKind(type: unknown, summary: JsonObject, at: string): "stages" | "classic" {
  if (type === "stages" || type === "classic") return type;
  if (type !== undefined) throw new MalformedError(`${at}.type`);
  return summary.asleep !== undefined ? "classic" : "stages";
}

function readLog(entry: unknown, at: string): SleepRecord {
  const log = obj(entry, at);
  const summary = optionalObj(optionalObj(log.levels, `${at}.levels`).summary, `${at}.levels.summary`);
  const m = (key: string) =>
    optionalInt(
      optionalObj(summary[key], `${at}.levels.summary.${key}`).minutes,
      `${at}.levels.summary.${key}.minutes`,
      0,
      DAY_MINUTES,
    );
  const asleep = int(log.minutesAsleep, `${at}.minutesAsleep`, 0, DAY_MINUTES);
  const inBed = int(log.timeInBed, `${at}.timeInBed`, 0, DAY_MINUTES);
  const durationMs =
    log.duration === undefined ? inBed * 60000 : int(log.duration, `${at}.duration`, 0, DAY_MINUTES * 60000);
  const kind = sleepKind(log.type, summary, at);
  const night: Night = {
    date: isoDate(log.dateOfSleep, `${at}.dateOfSleep`),
    bedtime: localMinute(log.startTime, `${at}.startTime`),
    wake: localMinute(log.endTime, `${at}.endTime`),
    minutesAsleep: asleep,
    // Shown as the body gives it (it is not asleep / in bed); derived only when it is missing.
    efficiency:
      log.efficiency === undefined
        ? inBed > 0
          ? Math.round((100 * asleep) / inBed)
          : 0
        : int(log.efficiency, `${at}.efficiency`, 0, 100),
    split:
      kind === "classic"
        ? { kind: "classic", asleep: m("asleep"), restless: m("restless"), awake: m("awake") }
        : { kind: "stages", deep: m("deep"), light: m("light"), rem: m("rem"), awake: m("wake") },
    nap: false,
    hypnogram: fitbitHypnogram(optionalObj(log.levels, `${at}.levels`).data, log.startTime, log.endTime),
  };
  if (log.isMainSleep !== undefined && typeof log.isMainSleep !== "boolean")
    throw new MalformedError(`${at}.isMainSleep`);
  return {
    night: checkNight(night, inBed, at),
    inBed,
    end: 0,
    durationMs,
    main: log.isMainSleep === true,
    nap: false,
    processed: true,
  };
}

/** The flagged main sleep, else the longest `duration` (docs/reference/fitbit-web-api.md §4, the product's rule). */
function pickMainSleep(records: SleepRecord[]): SleepRecord | null {
  const sorted = records
    .slice()
    .sort(
      (a, b) =>
        Number(b.main === true) - Number(a.main === true) ||
        b.durationMs - a.durationMs ||
        b.night.minutesAsleep - a.night.minutesAsleep,
    );
  return sorted.length === 0 ? null : sorted[0];
}

function readStepsRow(row: unknown, at: string): DayValue {
  const r = obj(row, at);
  return {
    date: isoDate(r.dateTime, `${at}.dateTime`),
    value: int(r.value, `${at}.value`, 0, LIMITS.maxStepsPerDay),
  };
}

export const fitbitWeb: DataProvider = {
  request: (call, today, token) => request(call, today, token),
  nextPageToken: () => null, // the date-range forms used here do not page
  readSleep: (body) => readEach(list(obj(body, "body").sleep, "sleep"), "sleep", readLog),
  pickMainSleep,
  readSteps: (body) =>
    readEach(list(obj(body, "body")["activities-steps"], "activities-steps"), "activities-steps", readStepsRow),
  readRestingHeartRate(body: unknown, today: CivilDate) {
    const summary = obj(obj(body, "body").summary, "summary");
    // Absent until computed for the day: unknown, never 0.
    return readOne(() =>
      summary.restingHeartRate === undefined
        ? null
        : {
            date: today,
            value: int(
              summary.restingHeartRate,
              "summary.restingHeartRate",
              LIMITS.minRestingHeartRate,
              LIMITS.maxRestingHeartRate,
            ),
          },
    );
  },
};
