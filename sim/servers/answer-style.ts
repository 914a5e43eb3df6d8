// How the fake servers shape their answers (docs/contracts.md §4). Real answers differ from the
// documentation's examples (docs/reference/google-health-api.md §2, §8 items 8–9): civil times are usually
// absent, proto3 JSON leaves zero fields out, and days without data are left out altogether.
import { unit } from "./demo-user";

/**
 * `documented`: civil times and zero fields always present (the documentation's shape).
 * `live`: no civil times, zero fields left out, and one day without any data (three days before
 * the run's first day: no sleep, no steps window, no resting heart rate), as live answers look.
 * `seeded` (the default): each record and field drawn from the seed, the values unchanged.
 */
export type AnswerStyle = "documented" | "live" | "seeded";

export const ANSWER_STYLES: AnswerStyle[] = ["documented", "live", "seeded"];

export interface Variation {
  /** Whether the sleep record that ended on `day` carries civilStartTime/civilEndTime. */
  civilTimes(day: number): boolean;
  /** Whether a zero field of the record or window of `day` is left out (`salt` tells fields apart). */
  omitZero(day: number, salt: number): boolean;
  /** Whether `day` has no data at all. */
  bare(day: number): boolean;
}

export function variationOf(style: AnswerStyle, seed: number, bareDays: number[]): Variation {
  const draw = (day: number, salt: number) => unit(seed, day, 40 + salt) < 0.5;
  return {
    civilTimes: (day) => (style === "seeded" ? draw(day, 0) : style === "documented"),
    omitZero: (day, salt) => (style === "seeded" ? draw(day, 1 + salt) : style === "live"),
    bare: (day) => style === "live" && bareDays.indexOf(day) >= 0,
  };
}
