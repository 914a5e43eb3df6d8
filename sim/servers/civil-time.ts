// Civil (wall-clock) dates and times in an IANA zone, computed with Intl so the fake servers
// agree with the user's clock whatever zone the simulator process runs in.

import { CivilDateTime, offsetSeconds, toCivil } from "fitbit-os-sim";

export { offsetSeconds, toCivil };
export type { CivilDateTime };

/** The instant a wall-clock reading in `timeZone` names (the earlier one in a DST overlap). */
export function fromCivil(civil: CivilDateTime, timeZone: string): number {
  const asUtc = Date.UTC(civil.year, civil.month - 1, civil.day, civil.hours, civil.minutes);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = toCivil(guess, timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hours, seen.minutes);
    guess += asUtc - seenUtc;
  }
  return guess;
}

/** yyyymmdd of a civil date. */
export function dayKey(civil: { year: number; month: number; day: number }): number {
  return civil.year * 10000 + civil.month * 100 + civil.day;
}

/** The civil date `days` after a yyyymmdd key. */
export function shiftDay(key: number, days: number): number {
  const d = new Date(Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, (key % 100) + days));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Parses `YYYY-MM-DD` (no zero-padding leniency) into a yyyymmdd key, or null. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m === null ? null : Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}
