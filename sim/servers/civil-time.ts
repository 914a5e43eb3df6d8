// Civil (wall-clock) dates and times in an IANA zone, computed with Intl so the fake servers
// agree with the user's clock whatever zone the simulator process runs in.

import { CivilDateTime, offsetSeconds, toCivil } from "fitbit-os-sim";
import { CivilDate, splitCivilDate, toCivilDate } from "../../common/civil-date";

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

/** yyyymmdd of a civil date (the encoding is common/civil-date.ts's). */
export function dayKey(civil: { year: number; month: number; day: number }): CivilDate {
  return toCivilDate(civil.year, civil.month, civil.day);
}

/**
 * The civil date `days` after a yyyymmdd key. The fake servers count days on their own (UTC
 * arithmetic), not with the companion's addCivilDays (date-fns): a fake that shared the code under
 * test could not catch its mistakes (docs/decisions.md).
 */
export function shiftDay(key: CivilDate, days: number): CivilDate {
  const p = splitCivilDate(key);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return toCivilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Parses `YYYY-MM-DD` (no zero-padding leniency) into a yyyymmdd key, or null. */
export function parseIsoDay(text: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m === null ? null : toCivilDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
