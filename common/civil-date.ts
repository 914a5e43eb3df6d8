/**
 * A civil (calendar) date as the integer yyyymmdd, e.g. 20261124: compact on the wire
 * (a 5-byte CBOR integer) and readable in logs. Pure arithmetic, no time zones involved.
 */
export type CivilDate = number;

/** Builds a {@link CivilDate} from year, month (1–12) and day (1–31). */
export function toCivilDate(year: number, month: number, day: number): CivilDate {
  return year * 10000 + month * 100 + day;
}

/** Splits a {@link CivilDate} into year, month (1–12) and day. */
export function splitCivilDate(date: CivilDate): { year: number; month: number; day: number } {
  return { year: Math.floor(date / 10000), month: Math.floor(date / 100) % 100, day: date % 100 };
}

/** Returns true when `value` is an integer yyyymmdd naming a real calendar day. */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== "number" || value % 1 !== 0 || value < 19700101 || value > 29991231) {
    return false;
  }
  const parts = splitCivilDate(value);
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return false;
  return parts.day <= daysInMonth(parts.year, parts.month);
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Zero-pads a non-negative integer below 100 to two digits. */
export function pad2(n: number): string {
  return n < 10 ? "0" + n : "" + n;
}
