// Typed reads from unknown JSON: int64 as string or number, civil dates, RFC 3339 timestamps,
// UTC offsets. Every read checks type and range (common/limits.ts); a failed read names the field.
// Callers catch the error per record (readEach), so one bad record never discards the others.
import { CivilDate, isCivilDate, toCivilDate } from "../../common/civil-date";
import { LIMITS } from "../../common/limits";

export class MalformedError extends Error {
  constructor(readonly field: string) {
    super(`unexpected JSON at ${field}`);
  }
}

export type JsonObject = { [key: string]: unknown };

export function obj(value: unknown, field: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new MalformedError(field);
  return value as JsonObject;
}

/** An optional object: absent is `{}` (proto3 JSON leaves empty messages out). */
export function optionalObj(value: unknown, field: string): JsonObject {
  return value === undefined ? {} : obj(value, field);
}

/** An array; absent is empty (proto3 JSON leaves empty lists out). */
export function list(value: unknown, field: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MalformedError(field);
  return value;
}

/** An int64 as Google sends it (a string of digits) or a plain JSON integer, within [min, max]. */
export function int(value: unknown, field: string, min: number, max: number): number {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!(n % 1 === 0 && n >= min && n <= max)) throw new MalformedError(field);
  return n;
}

/** A number field that proto3 JSON leaves out when it is zero. */
export function optionalInt(value: unknown, field: string, min: number, max: number): number {
  return value === undefined ? 0 : int(value, field, min, max);
}

/** A plausible civil date from `{year, month, day}` → yyyymmdd. */
export function civilDate(value: unknown, field: string): CivilDate {
  const d = obj(value, field);
  const date = toCivilDate(
    int(d.year, `${field}.year`, 1, 9999),
    int(d.month, `${field}.month`, 1, 12),
    int(d.day, `${field}.day`, 1, 31),
  );
  return checkDate(date, field);
}

/** A plausible civil date from the text `yyyy-MM-dd…`. */
export function isoDate(value: unknown, field: string): CivilDate {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (m === null) throw new MalformedError(field);
  return checkDate(toCivilDate(Number(m[1]), Number(m[2]), Number(m[3])), field);
}

function checkDate(date: number, field: string): CivilDate {
  if (!isCivilDate(date) || date < LIMITS.minDate || date > LIMITS.maxDate) throw new MalformedError(field);
  return date;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 timestamp (`2026-11-11T07:04:00Z`, fractions and numeric offsets allowed) → epoch ms. */
export function timestamp(value: unknown, field: string): number {
  const m = typeof value === "string" ? RFC3339.exec(value) : null;
  if (m === null) throw new MalformedError(field);
  const day = checkDate(toCivilDate(Number(m[1]), Number(m[2]), Number(m[3])), field);
  const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hours > 23 || minutes > 59 || seconds > 60) throw new MalformedError(field);
  const offset = m[9] === undefined ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(m[7]) * 1000);
  return (
    Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100, hours, minutes, seconds) +
    fraction -
    offset * 60000
  );
}

/** A UTC offset as a proto3 duration (`"-28800s"`, `"19800.000s"`) → seconds east of UTC. */
export function utcOffset(value: unknown, field: string): number {
  const m = typeof value === "string" ? /^(-?\d{1,6})(\.\d{1,9})?s$/.exec(value) : null;
  const seconds = m === null ? NaN : Number(m[1]);
  if (!(Math.abs(seconds) <= LIMITS.maxUtcOffsetSeconds)) throw new MalformedError(field);
  return seconds;
}

/** The local civil date and minute of day of an instant at a fixed offset. */
export function localAt(epochMs: number, offsetSeconds: number): { date: CivilDate; minute: number } {
  const local = new Date(epochMs + offsetSeconds * 1000);
  return {
    date: toCivilDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** What one answer (one page) held: the usable items, and the fields of the records refused. */
export interface Page<T> {
  items: T[];
  rejected: string[];
}

/**
 * Reads every element of a list on its own: a record whose read fails with {@link MalformedError}
 * is refused (its field noted) and the rest are kept; `null` from `read` means "unusable on its
 * own" (for example proto3 left its only figure out), which is skipped without a complaint.
 */
export function readEach<T>(items: unknown[], at: string, read: (item: unknown, at: string) => T | null): Page<T> {
  const page: Page<T> = { items: [], rejected: [] };
  items.forEach((item, i) => readInto(page, () => read(item, `${at}[${i}]`)));
  return page;
}

/** Reads a single record the same way: refused on its own, skipped when `read` gives null. */
export function readOne<T>(read: () => T | null): Page<T> {
  const page: Page<T> = { items: [], rejected: [] };
  readInto(page, read);
  return page;
}

function readInto<T>(page: Page<T>, read: () => T | null): void {
  try {
    const value = read();
    if (value !== null) page.items.push(value);
  } catch (error) {
    if (!(error instanceof MalformedError)) throw error;
    page.rejected.push(error.field);
  }
}
