import { isCivilDate } from "./civil-date";
import { LIMITS } from "./limits";
import { decodeOptions } from "./options";
import { err, ok, Result } from "./result";
import { HYPNOGRAM_COLUMNS, Night, SNAPSHOT_VERSION, Snapshot } from "./snapshot";
import { isSyncStatus } from "./sync-status";

/** Why a received value is not a usable snapshot; `field` names the first bad wire key. */
export interface SnapshotError {
  code: "malformed" | "unsupported-version";
  field: string;
}

const MINUTES_PER_DAY = LIMITS.minutesPerDay;
const MAX_EPOCH_SECONDS = 4102444800; // 2100-01-01: guards against milliseconds sent by mistake

type Record = { [key: string]: unknown };

function isRecord(value: unknown): value is Record {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && value % 1 === 0 && value >= min && value <= max;
}

function isIntOrNull(value: unknown, min: number, max: number): value is number | null {
  return value === null || isInt(value, min, max);
}

function isSeries(value: unknown, max: number): value is Array<number | null> {
  if (!Array.isArray(value) || value.length !== LIMITS.weekDays) return false;
  for (let i = 0; i < value.length; i++) {
    if (!isIntOrNull(value[i], 0, max)) return false;
  }
  return true;
}

function malformed(field: string): { ok: false; error: SnapshotError } {
  return err({ code: "malformed", field: field });
}

/**
 * Validates a decoded CBOR value (from a file or a message) and maps it to a {@link Snapshot}.
 * Anything unexpected is rejected whole, so a bad file can never replace good data.
 */
export function decodeSnapshot(value: unknown): Result<Snapshot, SnapshotError> {
  if (!isRecord(value)) return malformed("root");
  if (!isInt(value.v, 1, 0x7fffffff)) return malformed("v");
  if (value.v !== SNAPSHOT_VERSION) return err({ code: "unsupported-version", field: "v" });
  if (!isInt(value.t, 0, MAX_EPOCH_SECONDS)) return malformed("t");
  if (!isInt(value.e, 0, 0x7fffffff)) return malformed("e");
  if (!isInt(value.i, 0, 0x7fffffff)) return malformed("i");
  if (!isIntOrNull(value.u, 0, MAX_EPOCH_SECONDS)) return malformed("u");
  if (value.x !== undefined && !isIntOrNull(value.x, 0, MAX_EPOCH_SECONDS)) return malformed("x");
  if (!isSyncStatus(value.s)) return malformed("s");
  if (!isSeries(value.w, MINUTES_PER_DAY)) return malformed("w");
  if (!isSeries(value.q, LIMITS.maxStepsPerDay)) return malformed("q");
  if (!isIntOrNull(value.r, LIMITS.minRestingHeartRate, LIMITS.maxRestingHeartRate)) return malformed("r");
  const options = decodeOptions(value.o);
  if (options === null) return malformed("o");
  let night: Night | null = null;
  if (value.n !== null) {
    const decoded = decodeNight(value.n);
    if (!decoded.ok) return decoded;
    night = decoded.value;
  }
  return ok({
    generatedAt: value.t,
    epoch: value.e,
    sequence: value.i,
    lastSyncAt: value.u,
    nextCallAt: value.x === undefined ? null : value.x,
    status: value.s,
    night: night,
    nights: value.w,
    steps: value.q,
    restingHeartRate: value.r,
    options: options,
  });
}

/** Validates a wire night exactly as the watch does (the companion checks each night with it). */
export function decodeNight(value: unknown): Result<Night, SnapshotError> {
  if (!isRecord(value)) return malformed("n");
  if (!isCivilDate(value.d)) return malformed("n.d");
  if (!isInt(value.b, 0, MINUTES_PER_DAY - 1)) return malformed("n.b");
  if (!isInt(value.e, 0, MINUTES_PER_DAY - 1)) return malformed("n.e");
  if (!isInt(value.a, 0, MINUTES_PER_DAY)) return malformed("n.a");
  if (!isInt(value.f, 0, 100)) return malformed("n.f");
  if (value.z !== undefined && value.z !== 1) return malformed("n.z");
  const g = value.g;
  const kind = value.k;
  const size = kind === 0 ? 4 : kind === 1 ? 3 : -1;
  if (size < 0) return malformed("n.k");
  if (!Array.isArray(g) || g.length !== size) return malformed("n.g");
  for (let i = 0; i < g.length; i++) {
    if (!isInt(g[i], 0, MINUTES_PER_DAY)) return malformed("n.g");
  }
  const m = g as number[];
  const h = value.h;
  if (h !== undefined) {
    if (!Array.isArray(h) || h.length !== HYPNOGRAM_COLUMNS / 8) return malformed("n.h");
    for (let i = 0; i < h.length; i++) if (!isInt(h[i], 0, 0xffff)) return malformed("n.h");
  }
  return ok({
    date: value.d,
    bedtime: value.b,
    wake: value.e,
    minutesAsleep: value.a,
    efficiency: value.f,
    nap: value.z === 1,
    split:
      kind === 0
        ? { kind: "stages", deep: m[0], light: m[1], rem: m[2], awake: m[3] }
        : { kind: "classic", asleep: m[0], restless: m[1], awake: m[2] },
    hypnogram: h === undefined ? null : (h as number[]),
  });
}
