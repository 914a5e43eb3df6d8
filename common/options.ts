/** How often the companion syncs, in minutes (settings: 15, 30 or 60). */
export type RefreshMinutes = 15 | 30 | 60;

/** Distance units: follow the device, or force one. */
export type UnitsChoice = "auto" | "metric" | "imperial";

/** Which 7-bar weekly trend the face shows. */
export type TrendChoice = "sleep" | "steps";

/** Colour themes, by index into the face's theme table (0 is the default). */
export const THEME_COUNT = 4;

/** The user's options that the watch needs, travelling inside every snapshot. */
export interface WatchOptions {
  refreshMinutes: RefreshMinutes;
  units: UnitsChoice;
  trend: TrendChoice;
  /** 0 … THEME_COUNT − 1 */
  theme: number;
}

/** Options before the user picks any. */
export const DEFAULT_OPTIONS: WatchOptions = { refreshMinutes: 15, units: "auto", trend: "sleep", theme: 0 };

const REFRESH_MINUTES: RefreshMinutes[] = [15, 30, 60];
const UNITS: UnitsChoice[] = ["auto", "metric", "imperial"];
const TRENDS: TrendChoice[] = ["sleep", "steps"];

/** Wire form: [refresh minutes, units index, trend index, theme]. */
export function encodeOptions(options: WatchOptions): number[] {
  return [options.refreshMinutes, UNITS.indexOf(options.units), TRENDS.indexOf(options.trend), options.theme];
}

/** Decodes the wire form; null when any element is out of range. */
export function decodeOptions(value: unknown): WatchOptions | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  const refresh = value[0] as RefreshMinutes;
  const units = UNITS[value[1] as number];
  const trend = TRENDS[value[2] as number];
  const theme = value[3] as number;
  if (REFRESH_MINUTES.indexOf(refresh) < 0 || units === undefined || trend === undefined) return null;
  if (typeof theme !== "number" || theme % 1 !== 0 || theme < 0 || theme >= THEME_COUNT) return null;
  return { refreshMinutes: refresh, units: units, trend: trend, theme: theme };
}
