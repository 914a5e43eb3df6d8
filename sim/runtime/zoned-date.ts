// A watch in another time zone than the phone (scenario field `watchTimeZone`): the process's TZ
// is the phone's, so the watch's dates get local getters computed for the watch's zone.
import { offsetSeconds } from "../servers/civil-time";

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
