// Sample values shared by tests: the night of docs/reference/google-health-api.md §7's worked example.
import { Night } from "../../common/snapshot";

/**
 * 23:04 → 06:52, 421 min asleep, deep/light/REM/awake 75/240/106/47, efficiency 90 %. Its
 * hypnogram, columns first to last (0 deep, 1 light, 2 REM, 3 awake), worked out from the
 * fixture's 21 stages by hand-written arithmetic outside this code base (each 19.5-minute column
 * takes the stage that fills most of it): 110012110112311012211213.
 */
export const WORKED_EXAMPLE_COLUMNS = "110012110112311012211213";
export function workedExampleNight(date: number): Night {
  return {
    date,
    bedtime: 23 * 60 + 4,
    wake: 6 * 60 + 52,
    minutesAsleep: 421,
    efficiency: 90,
    split: { kind: "stages", deep: 75, light: 240, rem: 106, awake: 47 },
    nap: false,
    hypnogram: [22789, 6036, 55657],
  };
}

/** A wire object without some keys (as an older companion wrote it). */
export function withoutKeys(wire: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(wire).filter(([key]) => keys.indexOf(key) < 0));
}
