// The tappable complication: Active Zone Minutes to goal, calories, distance and floors, each
// from the watch's own sensors, then last night's sleep efficiency from the snapshot. Floors are
// skipped on a watch without a barometer.
import { formatLocalCount, formatLocalDecimal } from "../common/locale-format";
import { UnitsChoice } from "../common/options";

/** Today's figures from `user-activity`, each possibly unknown. */
export interface ActivityFigures {
  steps: number | undefined;
  stepsGoal: number | undefined;
  azm: number | undefined;
  azmGoal: number | undefined;
  calories: number | undefined;
  distanceMeters: number | undefined;
  /** undefined on a watch without a barometer */
  floors: number | undefined;
}

export const COMPLICATIONS = ["azm", "calories", "distance", "floors", "efficiency"];
const METERS_PER_MILE = 1609.344;

/** The next complication after `index` that this watch can show. */
export function nextComplication(index: number, figures: ActivityFigures): number {
  const next = (index + 1) % COMPLICATIONS.length;
  return COMPLICATIONS[next] === "floors" && figures.floors === undefined ? next + 1 : next;
}

/**
 * The complication's text: `12/22`, `1,200 kcal`, `3.1 km`, `5 floors`, `Efficiency 90%` (last
 * night's efficiency, null when no night is known); `--` when unknown.
 */
export function complicationText(
  index: number,
  f: ActivityFigures,
  efficiency: number | null,
  units: UnitsChoice,
  deviceUnits: string,
  language: string,
  gettext: (m: string) => string,
): string {
  const kind = COMPLICATIONS[index];
  if (kind === "efficiency")
    return gettext("Efficiency {n}%").replace("{n}", efficiency === null ? "--" : "" + efficiency);
  const count = (v: number | undefined) => (v === undefined ? "--" : formatLocalCount(language, v));
  // Zone minutes are the bolt glyph and the numbers: "AZM" meant nothing to most users.
  if (kind === "azm") return count(f.azm) + (f.azmGoal === undefined ? "" : "/" + f.azmGoal);
  if (kind === "calories") return count(f.calories) + " " + gettext("kcal");
  if (kind === "floors") return count(f.floors) + " " + gettext("floors");
  const miles = units === "imperial" || (units === "auto" && deviceUnits === "us");
  if (f.distanceMeters === undefined) return "-- " + (miles ? "mi" : "km");
  return formatLocalDecimal(language, f.distanceMeters / (miles ? METERS_PER_MILE : 1000)) + (miles ? " mi" : " km");
}
