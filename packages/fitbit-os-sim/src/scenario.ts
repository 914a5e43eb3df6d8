// Scenario files (README "Scenarios"): validated strictly; an error names the bad field. A project
// can add top-level fields and steps of its own (ScenarioExtension): the simulator validates the
// rest and hands those steps back to the project when they run.
import { DEFAULT_PHONE, PhoneSetup, WEATHER_CONDITIONS } from "./phone/location";
import { WatchSetup } from "./watch/watch-modules";

export type Step =
  | { do: "signIn" | "signOut" | "disconnectWatch" | "connectWatch" | "phoneOffline" | "phoneOnline" }
  | { do: "restartWatchApp" | "restartCompanion" | "displayOff" | "displayOn" }
  | { do: "unloadCompanion" | "returnToClock" }
  | { do: "permission"; name: string; granted: boolean }
  | { do: "sleepState"; state: "awake" | "asleep" | "unknown" }
  | { do: "watchBusy"; on: boolean }
  | { do: "wakeUps"; mode: WakeUpMode }
  | { do: "phoneClock"; offsetMinutes: number }
  | { do: "advance"; minutes: number }
  | { do: "screen"; name: string }
  | { do: "page"; name: string }
  | { do: "aod"; on: boolean }
  | { do: "watch"; values: Partial<WatchSetup> }
  | { do: "setting"; key: string; value: string }
  | { do: "tap"; id: string }
  | { do: "tapAt"; x: number; y: number }
  | { do: "sendFile"; name: string; value?: unknown; base64?: string }
  /** A step of the project's own (ScenarioExtension), as its parser returned it. */
  | { do: "extension"; name: string; step: unknown };

/** How the phone fires the companion's wake-ups: on time, 0–3 intervals late, or not at all. */
export type WakeUpMode = "exact" | "late" | "dropped";

export interface Scenario {
  /** Unload the companion after every wake-up and sync, as phones do (default false). */
  unloadAfterEachRun: boolean;
  /** Restricted permissions Fitbit authorized for this developer (default none): others refuse the install. */
  authorizedPermissions: string[];
  /** What `display.on` reads while `aodActive` (undocumented; default true). */
  aodDisplayOn: boolean;
  start: string;
  timeZone: string;
  /** The watch's zone, when it differs from the phone's (default: `timeZone`). */
  watchTimeZone: string;
  locale: string;
  /** The build target the watch is; null: the .fba's first of atlas, vulcan, else its first. */
  target: string | null;
  watch: WatchSetup;
  /** Where the phone is and its weather (geolocation, weather). */
  phone: PhoneSetup;
  steps: Step[];
}

/** What a project adds to the scenario format. */
export interface ScenarioExtension {
  /** Top-level fields the project reads itself (the simulator only lets them pass). */
  fields: string[];
  /** Steps of the project's own, by `do` name: each parses its step or throws ScenarioError. */
  steps: { [name: string]: (value: Record<string, unknown>, field: string) => unknown };
}

export class ScenarioError extends Error {}

const SIMPLE = [
  "signIn",
  "signOut",
  "disconnectWatch",
  "connectWatch",
  "phoneOffline",
  "phoneOnline",
  "restartWatchApp",
  "restartCompanion",
  "displayOff",
  "displayOn",
  "unloadCompanion",
  "returnToClock",
];
const WATCH_NUMBERS = [
  "steps",
  "stepsGoal",
  "activeZoneMinutes",
  "activeZoneMinutesGoal",
  "calories",
  "caloriesGoal",
  "distanceMeters",
  "distanceGoal",
  "floors",
  "floorsGoal",
  "restingHeartRate",
  "heartRate",
  "batteryLevel",
] as const;

export function fail(field: string, why: string): never {
  throw new ScenarioError(`scenario: ${field} ${why}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, key: string, fallback: string, field: string): string {
  const value = record[key];
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value === "") fail(field, "must be a non-empty string");
  return value;
}

export function count(value: unknown, field: string, min = 0): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) fail(field, `must be a number ≥ ${min}`);
  return value;
}

/** Validates the watch block; unknown keys are errors (a typo should not pass silently). */
export function parseWatch(value: unknown, field: string, base: WatchSetup): WatchSetup {
  if (value === undefined) return base;
  if (!isRecord(value)) fail(field, "must be an object");
  const result: WatchSetup = { ...base };
  for (const [key, v] of Object.entries(value)) {
    if ((WATCH_NUMBERS as readonly string[]).includes(key))
      (result as unknown as Record<string, number>)[key] = count(v, `${field}.${key}`);
    else if (key === "clockDisplay")
      result.clockDisplay = v === "12h" || v === "24h" ? v : fail(`${field}.clockDisplay`, 'must be "12h" or "24h"');
    else if (key === "units")
      result.units = v === "metric" || v === "us" ? v : fail(`${field}.units`, 'must be "metric" or "us"');
    else if (key === "hasBarometer" || key === "onWrist" || key === "charging")
      result[key] = typeof v === "boolean" ? v : fail(`${field}.${key}`, "must be true or false");
    else fail(`${field}.${key}`, "is not a known field");
  }
  return result;
}

/** An IANA time zone field (an unknown zone is an error that names the field). */
function zone(record: Record<string, unknown>, key: string, fallback: string): string {
  const name = optionalString(record, key, fallback, key);
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    fail(key, `"${name}" is not an IANA time zone`);
  }
  return name;
}

/** Validates the phone block (position and weather). */
function parsePhone(value: unknown): PhoneSetup {
  if (value === undefined) return { ...DEFAULT_PHONE };
  if (!isRecord(value)) fail("phone", "must be an object");
  const result = { ...DEFAULT_PHONE };
  for (const [key, v] of Object.entries(value)) {
    if (key === "latitude" || key === "longitude" || key === "temperatureCelsius") {
      if (typeof v !== "number" || !Number.isFinite(v)) fail(`phone.${key}`, "must be a number");
      result[key] = v;
    } else if (key === "place") result.place = typeof v === "string" ? v : fail("phone.place", "must be a string");
    else if (key === "condition") {
      if (typeof v !== "string" || !WEATHER_CONDITIONS.includes(v))
        fail("phone.condition", `must be one of ${WEATHER_CONDITIONS.join(", ")}`);
      result.condition = v;
    } else fail(`phone.${key}`, "is not a known field");
  }
  return result;
}

function parseStep(value: unknown, field: string, extension: ScenarioExtension): Step {
  if (!isRecord(value)) fail(field, "must be an object");
  const kind = value.do;
  if (typeof kind !== "string") fail(`${field}.do`, "must name an action");
  if (Object.prototype.hasOwnProperty.call(extension.steps, kind))
    return { do: "extension", name: kind, step: extension.steps[kind](value, field) };
  if (SIMPLE.includes(kind)) return { do: kind } as Step;
  switch (kind) {
    case "advance":
      return { do: "advance", minutes: count(value.minutes, `${field}.minutes`) };
    case "screen":
      return {
        do: "screen",
        name: optionalString(value, "name", "", `${field}.name`) || fail(`${field}.name`, "is required"),
      };
    case "page":
      return {
        do: "page",
        name: optionalString(value, "name", "", `${field}.name`) || fail(`${field}.name`, "is required"),
      };
    case "aod":
      if (typeof value.on !== "boolean") fail(`${field}.on`, "must be true or false");
      return { do: "aod", on: value.on };
    case "sendFile": {
      const name = optionalString(value, "name", "", `${field}.name`) || fail(`${field}.name`, "is required");
      if (value.base64 !== undefined && typeof value.base64 !== "string")
        fail(`${field}.base64`, "must be a base64 string");
      if ((value.value === undefined) === (value.base64 === undefined))
        fail(field, "needs exactly one of value (CBOR-encoded) or base64 (raw bytes)");
      return { do: "sendFile", name, value: value.value, base64: value.base64 };
    }
    case "tapAt":
      return { do: "tapAt", x: count(value.x, `${field}.x`), y: count(value.y, `${field}.y`) };
    case "tap":
      return { do: "tap", id: optionalString(value, "id", "", `${field}.id`) || fail(`${field}.id`, "is required") };
    case "setting": {
      const key = optionalString(value, "key", "", `${field}.key`) || fail(`${field}.key`, "is required");
      if (typeof value.value !== "string") fail(`${field}.value`, "must be a string (settingsStorage holds strings)");
      return { do: "setting", key, value: value.value };
    }
    case "watch": {
      const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== "do"));
      return { do: "watch", values: parseWatch(rest, field, {} as WatchSetup) };
    }
    case "wakeUps": {
      const mode = value.mode;
      if (mode !== "exact" && mode !== "late" && mode !== "dropped")
        fail(`${field}.mode`, 'must be "exact", "late" or "dropped"');
      return { do: "wakeUps", mode };
    }
    case "permission": {
      const name = optionalString(value, "name", "", `${field}.name`) || fail(`${field}.name`, "is required");
      if (typeof value.granted !== "boolean") fail(`${field}.granted`, "must be true or false");
      return { do: "permission", name, granted: value.granted };
    }
    case "sleepState": {
      const state = value.state;
      if (state !== "awake" && state !== "asleep" && state !== "unknown")
        fail(`${field}.state`, 'must be "awake", "asleep" or "unknown"');
      return { do: "sleepState", state };
    }
    case "watchBusy":
      if (typeof value.on !== "boolean") fail(`${field}.on`, "must be true or false");
      return { do: "watchBusy", on: value.on };
    case "phoneClock": {
      const offset = value.offsetMinutes;
      if (typeof offset !== "number" || !Number.isInteger(offset))
        fail(`${field}.offsetMinutes`, "must be a whole number");
      return { do: "phoneClock", offsetMinutes: offset };
    }
    default:
      return fail(`${field}.do`, `"${kind}" is not a known action`);
  }
}

export const DEFAULT_WATCH: WatchSetup = {
  steps: 5234,
  stepsGoal: 10000,
  activeZoneMinutes: 12,
  activeZoneMinutesGoal: 22,
  calories: 1200,
  caloriesGoal: 2400,
  distanceMeters: 3100,
  distanceGoal: 8000,
  floors: 5,
  floorsGoal: 10,
  clockDisplay: "24h",
  units: "metric",
  restingHeartRate: 58,
  hasBarometer: true,
  heartRate: 72,
  onWrist: true,
  batteryLevel: 80,
  charging: false,
};

const NO_EXTENSION: ScenarioExtension = { fields: [], steps: {} };

const FIELDS = [
  "unloadAfterEachRun",
  "authorizedPermissions",
  "aodDisplayOn",
  "watchTimeZone",
  "start",
  "timeZone",
  "locale",
  "target",
  "watch",
  "phone",
  "steps",
];

/** Parses and validates a scenario document (`{}` is a valid one: boot and one screen). */
export function parseScenario(value: unknown, extension: ScenarioExtension = NO_EXTENSION): Scenario {
  if (!isRecord(value)) fail("root", "must be a JSON object");
  const start = optionalString(value, "start", "2026-11-24T07:30:00", "start");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(start))
    fail("start", "must be local time YYYY-MM-DDTHH:mm[:ss] without offset");
  const timeZone = zone(value, "timeZone", "UTC");
  const watchTimeZone = zone(value, "watchTimeZone", timeZone);
  const target = value.target === undefined ? null : optionalString(value, "target", "", "target");
  const steps = value.steps ?? [{ do: "screen", name: "face" }];
  if (!Array.isArray(steps)) fail("steps", "must be an array of steps");
  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key) && !extension.fields.includes(key)) fail(key, "is not a known field");
  }
  const unloadAfterEachRun = value.unloadAfterEachRun ?? false;
  if (typeof unloadAfterEachRun !== "boolean") fail("unloadAfterEachRun", "must be true or false");
  const authorizedPermissions = value.authorizedPermissions ?? [];
  if (!Array.isArray(authorizedPermissions) || !authorizedPermissions.every((p) => typeof p === "string"))
    fail("authorizedPermissions", "must be an array of permission names");
  const aodDisplayOn = value.aodDisplayOn ?? true;
  if (typeof aodDisplayOn !== "boolean") fail("aodDisplayOn", "must be true or false");
  return {
    unloadAfterEachRun,
    authorizedPermissions: authorizedPermissions,
    aodDisplayOn,
    start,
    timeZone,
    watchTimeZone,
    target,
    locale: optionalString(value, "locale", "en-US", "locale"),
    watch: parseWatch(value.watch, "watch", DEFAULT_WATCH),
    phone: parsePhone(value.phone),
    steps: steps.map((step, i) => parseStep(step, `steps[${i}]`, extension)),
  };
}
