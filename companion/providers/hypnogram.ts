// The night's stages over its time, reduced to the columns the watch draws (its hypnogram): each
// column is the stage that fills most of it. Read from Google's `stages[]` and the legacy
// `levels.data[]`; any doubt about the segments (a bad time, an unknown stage, nothing covered)
// leaves the night without a chart rather than without its figures.
import { HYPNOGRAM_COLUMNS, packHypnogram } from "../../common/snapshot";
import { JsonObject, list, obj, timestamp } from "./json-reader";

/** Stage codes, bottom of the chart to top: deep 0, light 1, REM 2, awake 3 (classic: asleep 1, restless 2, awake 3). */
const STAGE_CODES: { [type: string]: number } = {
  DEEP: 0,
  LIGHT: 1,
  REM: 2,
  AWAKE: 3,
  ASLEEP: 1,
  RESTLESS: 2,
  // Legacy level names.
  WAKE: 3,
};

/** One stretch of one stage, in epoch ms (any common origin will do). */
export interface StageSegment {
  from: number;
  to: number;
  code: number;
}

/**
 * The packed columns of the period `start`–`end` (see {@link packHypnogram}), or null when the
 * segments do not say: no period, no segment, or less than half of the period covered. An
 * uncovered column is drawn awake (nothing says asleep); a tie goes to the deeper stage.
 */
export function hypnogram(start: number, end: number, segments: StageSegment[]): number[] | null {
  if (!(end > start) || segments.length === 0) return null;
  const width = (end - start) / HYPNOGRAM_COLUMNS;
  const columns: number[] = [];
  let covered = 0;
  for (let c = 0; c < HYPNOGRAM_COLUMNS; c++) {
    const from = start + c * width;
    const to = from + width;
    const filled = [0, 0, 0, 0];
    for (const s of segments) filled[s.code] += Math.max(0, Math.min(to, s.to) - Math.max(from, s.from));
    let best = -1;
    for (let code = 0; code < 4; code++) if (filled[code] > (best < 0 ? 0 : filled[best])) best = code;
    covered += filled[0] + filled[1] + filled[2] + filled[3];
    columns.push(best < 0 ? 3 : best);
  }
  return covered * 2 >= end - start ? packHypnogram(columns) : null;
}

function code(type: unknown): number | null {
  const c = typeof type === "string" ? STAGE_CODES[type.toUpperCase()] : undefined;
  return c === undefined ? null : c;
}

/** Segments of a list read by `read`, or null at the first one that is not understood. */
function segments(value: unknown, read: (item: JsonObject) => StageSegment | null): StageSegment[] | null {
  try {
    const out: StageSegment[] = [];
    for (const item of list(value, "stages")) {
      const s = read(obj(item, "stage"));
      if (s === null || !(s.to > s.from)) return null;
      out.push(s);
    }
    return out;
  } catch {
    return null;
  }
}

/** Google: `stages[]` of `{startTime, endTime, type}` over the interval `start`–`end` (epoch ms). */
export function googleHypnogram(stages: unknown, start: number, end: number): number[] | null {
  if (stages === undefined) return null;
  const read = segments(stages, (s) => {
    const c = code(s.type);
    return c === null
      ? null
      : { from: timestamp(s.startTime, "startTime"), to: timestamp(s.endTime, "endTime"), code: c };
  });
  return read === null ? null : hypnogram(start, end, read);
}

/**
 * Legacy Fitbit: `levels.data[]` of `{dateTime, level, seconds}` in local time without an offset,
 * over `startTime`–`endTime` in the same local time (read alike, so the origin cancels out).
 */
export function fitbitHypnogram(data: unknown, startTime: unknown, endTime: unknown): number[] | null {
  if (data === undefined) return null;
  // The same clock for every time: read as if UTC.
  const at = (time: unknown, field: string) => timestamp(typeof time === "string" ? time + "Z" : time, field);
  try {
    const start = at(startTime, "startTime");
    const end = at(endTime, "endTime");
    const read = segments(data, (s) => {
      const c = code(s.level);
      const from = at(s.dateTime, "dateTime");
      return c === null || typeof s.seconds !== "number" ? null : { from, to: from + s.seconds * 1000, code: c };
    });
    return read === null ? null : hypnogram(start, end, read);
  } catch {
    return null;
  }
}
