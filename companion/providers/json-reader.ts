// Typed reads from unknown JSON: int64-as-string, civil dates. A failed read names the field.

export class MalformedError extends Error {
  constructor(readonly field: string) {
    super(`unexpected JSON at ${field}`);
  }
}

export function obj(value: unknown, field: string): { [key: string]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new MalformedError(field);
  return value as { [key: string]: unknown };
}

export function list(value: unknown, field: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MalformedError(field);
  return value;
}

/** An int64 sent as a string (or a plain integer), as Google does (google-health-api.md §2). */
export function int(value: unknown, field: string): number {
  if (typeof value === "number" && value % 1 === 0) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  throw new MalformedError(field);
}

export function optionalInt(value: unknown, field: string): number {
  return value === undefined ? 0 : int(value, field);
}

/** `{year, month, day}` → yyyymmdd. */
export function civilDate(value: unknown, field: string): number {
  const d = obj(value, field);
  return int(d.year, `${field}.year`) * 10000 + int(d.month, `${field}.month`) * 100 + int(d.day, `${field}.day`);
}
