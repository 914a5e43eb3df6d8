// A watch in another time zone than the phone (scenario field `watchTimeZone`): the process's TZ
// is the phone's, so the watch's dates get local getters computed for the watch's zone.

/** A wall-clock reading to the minute. */
export interface CivilDateTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
}

/** The wall-clock reading of an instant in `timeZone` (Intl, whatever zone the process runs in). */
export function toCivil(epochMs: number, timeZone: string): CivilDateTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hours: get("hour"), minutes: get("minute") };
}

/** UTC offset of `timeZone` at an instant, in seconds. */
export function offsetSeconds(epochMs: number, timeZone: string): number {
  const c = toCivil(epochMs, timeZone);
  return Math.round(
    (Date.UTC(c.year, c.month - 1, c.day, c.hours, c.minutes) - Math.floor(epochMs / 60000) * 60000) / 1000,
  );
}

const LOCAL = ["getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes", "getSeconds"] as const;

/** Gives `date` (of any realm) the local readings of `timeZone`; returns it. */
export function inZone<T extends Date>(date: T, timeZone: string): T {
  const shifted = () => new Date(date.getTime() + offsetSeconds(date.getTime(), timeZone) * 1000);
  const utc = {
    getFullYear: () => shifted().getUTCFullYear(),
    getMonth: () => shifted().getUTCMonth(),
    getDate: () => shifted().getUTCDate(),
    getDay: () => shifted().getUTCDay(),
    getHours: () => shifted().getUTCHours(),
    getMinutes: () => shifted().getUTCMinutes(),
    getSeconds: () => shifted().getUTCSeconds(),
  };
  for (const name of LOCAL) Object.defineProperty(date, name, { value: utc[name] });
  Object.defineProperty(date, "getTimezoneOffset", {
    value: () => -offsetSeconds(date.getTime(), timeZone) / 60,
  });
  return date;
}
