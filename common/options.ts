/**
 * The user's options: one table, from which the settings page draws its Selects (key, values, and
 * beside it their labels as msgids), the companion reads the stored choice, and the watch decodes
 * the wire form.
 */

/** How often the companion syncs, in minutes (settings: 15, 30 or 60). */
export type RefreshMinutes = 15 | 30 | 60;

/** Distance units: follow the device, or force one. */
export type UnitsChoice = "auto" | "metric" | "imperial";

/** Which 7-bar weekly trend the face shows. */
export type TrendChoice = "sleep" | "steps";

/** One option: the stored values and the default. Its settingsStorage key is its name in {@link OPTIONS}. */
export interface OptionSpec {
  values: string[];
  /** Index of the default value. */
  initial: number;
}

/** Every option the watch needs, in the order the settings page shows them and the wire carries them. */
export const OPTIONS = {
  refreshMinutes: { values: ["15", "30", "60"], initial: 0 },
  units: { values: ["auto", "metric", "imperial"], initial: 0 },
  trend: { values: ["sleep", "steps"], initial: 0 },
  /** Colour themes, by index into the face's theme table (app/themes.ts). */
  theme: { values: ["0", "1", "2", "3"], initial: 0 },
  /**
   * The night's goal in minutes, 6 h to 10 h by half hours (8 h by default): a setting, because the
   * Google Health API has no goals (docs/reference/google-health-api.md §4.2) and the legacy
   * provider's own goal endpoint answers 410 like the rest of it.
   */
  sleepGoal: { values: ["360", "390", "420", "450", "480", "510", "540", "570", "600"], initial: 4 },
};

/** An option's name, which is also its settingsStorage key. */
export type OptionName = keyof typeof OPTIONS;

/** What the settings page shows of an option: its label and its values' names (msgids, in `values` order). */
export interface OptionTexts {
  label: string;
  names: string[];
}

/**
 * The settings page's texts of each option, beside the table they belong to. Kept apart from
 * {@link OPTIONS} so the watch bundle, which reads only values, carries none of them.
 */
export const OPTION_TEXTS: { [name in keyof typeof OPTIONS]: OptionTexts } = {
  refreshMinutes: { label: "Refresh every", names: ["15 minutes", "30 minutes", "60 minutes"] },
  units: { label: "Units", names: ["Automatic", "Metric", "Imperial"] },
  trend: { label: "Weekly trend", names: ["Sleep", "Steps"] },
  theme: { label: "Color theme", names: ["Night", "Ocean", "Forest", "Ember"] },
  sleepGoal: {
    label: "Sleep goal",
    names: ["6 hours", "6½ hours", "7 hours", "7½ hours", "8 hours", "8½ hours", "9 hours", "9½ hours", "10 hours"],
  },
};

/** The user's options that the watch needs, travelling inside every snapshot. */
export interface WatchOptions {
  refreshMinutes: RefreshMinutes;
  units: UnitsChoice;
  trend: TrendChoice;
  /** 0 … OPTIONS.theme.values.length − 1 */
  theme: number;
  /** Minutes of sleep the user aims for each night. */
  sleepGoal: number;
}

/** The options' names in the table's order, which is the order of {@link WatchOptions} and of the wire form. */
const NAMES = Object.keys(OPTIONS) as OptionName[];
const ORDER: OptionSpec[] = NAMES.map((name) => OPTIONS[name]);

/** The options from the index of each one's value (wire order); null when an index is out of range. */
function fromIndexes(indexes: number[]): WatchOptions | null {
  const values: string[] = [];
  for (let i = 0; i < ORDER.length; i++) {
    const value = ORDER[i].values[indexes[i]];
    if (value === undefined) return null;
    values.push(value);
  }
  return {
    refreshMinutes: Number(values[0]) as RefreshMinutes,
    units: values[1] as UnitsChoice,
    trend: values[2] as TrendChoice,
    theme: Number(values[3]),
    sleepGoal: Number(values[4]),
  };
}

/** Options before the user picks any (a function: the watch never needs it, and a call at load would stay in its bundle). */
export function defaultOptions(): WatchOptions {
  return fromIndexes(ORDER.map((spec) => spec.initial)) as WatchOptions;
}

/** Reads the options from stored values (each falling back to its default when unset or unknown). */
export function optionsFromValues(value: (name: OptionName) => string | undefined): WatchOptions {
  return fromIndexes(
    NAMES.map((name) => {
      const spec: OptionSpec = OPTIONS[name];
      const i = spec.values.indexOf(value(name) ?? "");
      return i < 0 ? spec.initial : i;
    }),
  ) as WatchOptions;
}

/** Wire form: [refresh minutes, units index, trend index, theme, sleep goal minutes]. */
export function encodeOptions(options: WatchOptions): number[] {
  return [
    options.refreshMinutes,
    OPTIONS.units.values.indexOf(options.units),
    OPTIONS.trend.values.indexOf(options.trend),
    options.theme,
    options.sleepGoal,
  ];
}

/**
 * Decodes the wire form; null when any element is out of range. Four elements (a file written
 * before the sleep goal existed) read with the default goal.
 */
export function decodeOptions(value: unknown): WatchOptions | null {
  if (!Array.isArray(value) || value.length < 4 || value.length > 5) return null;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "number" || value[i] % 1 !== 0) return null;
  const w = value as number[];
  return fromIndexes([
    OPTIONS.refreshMinutes.values.indexOf(String(w[0])),
    w[1],
    w[2],
    OPTIONS.theme.values.indexOf(String(w[3])),
    w.length > 4 ? OPTIONS.sleepGoal.values.indexOf(String(w[4])) : OPTIONS.sleepGoal.initial,
  ]);
}
