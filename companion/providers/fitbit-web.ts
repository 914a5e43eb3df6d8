// Legacy Fitbit Web API requests and parsers (fitbit-web-api.md): sleep v1.2 by date range,
// steps time series, daily activity summary for resting heart rate. Retired upstream (410).
import { addCivilDays, CivilDate, formatCivilDate } from "../../common/civil-date";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";
import { int, list, MalformedError, obj, optionalInt } from "./json-reader";
import { DataProvider, DayValues, SleepHistory } from "./provider";

const BASE = "https://api.fitbit.com";

function get(path: string, token: string): HttpRequest {
  return { method: "GET", url: BASE + path, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } };
}

function isoDay(text: unknown, field: string): number {
  const m = typeof text === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
  if (m === null) throw new MalformedError(field);
  return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}

function localMinute(text: unknown, field: string): number {
  const m = typeof text === "string" ? /T(\d{2}):(\d{2})/.exec(text) : null;
  if (m === null) throw new MalformedError(field);
  return Number(m[1]) * 60 + Number(m[2]);
}

function readNight(log: { [key: string]: unknown }, at: string): Night {
  const summary = obj(obj(log.levels, `${at}.levels`).summary, `${at}.levels.summary`);
  const m = (key: string) =>
    summary[key] === undefined
      ? 0
      : optionalInt(obj(summary[key], `${at}.levels.summary.${key}`).minutes, `${at}.levels.summary.${key}.minutes`);
  const asleep = int(log.minutesAsleep, `${at}.minutesAsleep`);
  const inBed = int(log.timeInBed, `${at}.timeInBed`);
  return {
    date: isoDay(log.dateOfSleep, `${at}.dateOfSleep`),
    bedtime: localMinute(log.startTime, `${at}.startTime`),
    wake: localMinute(log.endTime, `${at}.endTime`),
    minutesAsleep: Math.min(asleep, 1440),
    efficiency: inBed > 0 ? Math.min(100, Math.round((100 * asleep) / inBed)) : 0,
    split:
      log.type === "classic"
        ? { kind: "classic", asleep: m("asleep"), restless: m("restless"), awake: m("awake") }
        : { kind: "stages", deep: m("deep"), light: m("light"), rem: m("rem"), awake: m("wake") },
  };
}

export const fitbitWeb: DataProvider = {
  sleepRequest: (today: CivilDate, token: string) =>
    get(`/1.2/user/-/sleep/date/${formatCivilDate(addCivilDays(today, -6))}/${formatCivilDate(today)}.json`, token),
  parseSleep(body: unknown): SleepHistory {
    const history: SleepHistory = {};
    const main: { [date: number]: boolean } = {};
    list(obj(body, "body").sleep, "sleep").forEach((entry, i) => {
      const log = obj(entry, `sleep[${i}]`);
      const night = readNight(log, `sleep[${i}]`);
      const current = history[night.date] as Night | undefined;
      const longer = current === undefined || night.minutesAsleep > current.minutesAsleep;
      // The main sleep wins; without one, the longest. A nap never replaces a main sleep.
      if (log.isMainSleep === true || (!main[night.date] && longer)) {
        history[night.date] = night;
        if (log.isMainSleep === true) main[night.date] = true;
      }
    });
    return history;
  },
  stepsRequest: (today: CivilDate, token: string) =>
    get(`/1/user/-/activities/steps/date/${formatCivilDate(today)}/7d.json`, token),
  parseSteps(body: unknown): DayValues {
    const values: DayValues = {};
    list(obj(body, "body")["activities-steps"], "activities-steps").forEach((row, i) => {
      const r = obj(row, `activities-steps[${i}]`);
      values[isoDay(r.dateTime, `activities-steps[${i}].dateTime`)] = int(r.value, `activities-steps[${i}].value`);
    });
    return values;
  },
  restingHeartRateRequest: (today: CivilDate, token: string) =>
    get(`/1/user/-/activities/date/${formatCivilDate(today)}.json`, token),
  parseRestingHeartRate(body: unknown, today: CivilDate): DayValues {
    const summary = obj(obj(body, "body").summary, "summary");
    return summary.restingHeartRate === undefined
      ? {}
      : { [today]: int(summary.restingHeartRate, "summary.restingHeartRate") };
  },
};
