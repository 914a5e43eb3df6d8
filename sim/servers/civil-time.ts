// Civil (wall-clock) dates and times in an IANA zone, computed with Intl so the fake servers
// agree with the user's clock whatever zone the simulator process runs in.

export interface CivilDateTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
}

/** The wall-clock reading of an instant in `timeZone`. */
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

/** UTC offset of `timeZone` at an instant, in seconds (Google's `"-28800s"` form without the s). */
export function offsetSeconds(epochMs: number, timeZone: string): number {
  const c = toCivil(epochMs, timeZone);
  return Math.round(
    (Date.UTC(c.year, c.month - 1, c.day, c.hours, c.minutes) - Math.floor(epochMs / 60000) * 60000) / 1000,
  );
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
