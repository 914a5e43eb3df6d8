// Scenario files (sim/README.md): validated strictly; an error names the bad field.
import { ANSWER_STYLES, AnswerStyle } from "./servers/answer-style";
import { WatchSetup } from "./watch/watch-modules";

export type Step =
  | { do: "signIn" | "signOut" | "disconnectWatch" | "connectWatch" | "phoneOffline" | "phoneOnline" }
  | { do: "restartWatchApp" | "restartCompanion" | "clearFaults" | "displayOff" | "displayOn" }
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
  | { do: "sendFile"; name: string; value?: unknown; base64?: string }
  | { do: "fault"; name: string; count?: number; retryAfterSeconds?: number; delayMs?: number };

/** How the phone fires the companion's wake-ups: on time, 0–3 intervals late, or not at all. */
export type WakeUpMode = "exact" | "late" | "dropped";

export interface Scenario {
  provider: "google" | "fitbit";
  /** Draws the demo user and the fake servers' answer shapes (default 1). */
  seed: number;
  /** How the fake servers shape their answers (sim/servers/answer-style.ts; default "seeded"). */
  answers: AnswerStyle;
  /** Unload the companion after every wake-up and sync, as phones do (default false). */
  unloadAfterEachRun: boolean;
  /** "demo" (default): the simulator's usual OAuth clients; "none": a build without any. */
  oauthClients: "demo" | "none";
  /** Sign in through the token broker (broker/) run under miniflare (default false). */
  broker: boolean;
  /** "default": the installable build; "aod": the authorized always-on build (tools/build-variant.ts). */
  build: "default" | "aod";
  /** Restricted permissions Fitbit authorized for this developer (default none): others refuse the install. */
  authorizedPermissions: string[];
  /** What `display.on` reads while `aodActive` (undocumented; default true). */
  aodDisplayOn: boolean;
  start: string;
  timeZone: string;
  /** The watch's zone, when it differs from the phone's (default: `timeZone`). */
  watchTimeZone: string;
  locale: string;
  target: "atlas" | "vulcan";
  watch: WatchSetup;
  steps: Step[];
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
  "clearFaults",
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
] as const;
const FAULTS = [
  "expiredToken",
  "invalidGrant",
  "missingScope",
  "rateLimit",
  "serverError",
  "malformedJson",
  "outOfRange",
  "slow",
  "hang",
  "retired",
  "legacyLogin",
  "accountNotLinked",
];

function fail(field: string, why: string): never {
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

function count(value: unknown, field: string, min = 0): number {
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
    else if (key === "hasBarometer")
      result.hasBarometer = typeof v === "boolean" ? v : fail(`${field}.hasBarometer`, "must be true or false");
    else fail(`${field}.${key}`, "is not a known field");
  }
  return result;
}

function parseStep(value: unknown, field: string): Step {
  if (!isRecord(value)) fail(field, "must be an object");
  const kind = value.do;
  if (typeof kind !== "string") fail(`${field}.do`, "must name an action");
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
    case "fault": {
      if (typeof value.name !== "string" || !FAULTS.includes(value.name))
        fail(`${field}.name`, `must be one of ${FAULTS.join(", ")}`);
      const step: Step = { do: "fault", name: value.name };
      if (value.count !== undefined) step.count = count(value.count, `${field}.count`, 1);
      if (value.retryAfterSeconds !== undefined)
        step.retryAfterSeconds = count(value.retryAfterSeconds, `${field}.retryAfterSeconds`);
      if (value.delayMs !== undefined) step.delayMs = count(value.delayMs, `${field}.delayMs`);
      return step;
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
};

/** Parses and validates a scenario document. */
export function parseScenario(value: unknown, defaultProvider: "google" | "fitbit" = "google"): Scenario {
  if (!isRecord(value)) fail("root", "must be a JSON object");
  const provider = optionalString(value, "provider", defaultProvider, "provider");
  if (provider !== "google" && provider !== "fitbit") fail("provider", 'must be "google" or "fitbit"');
  const start = optionalString(value, "start", "2026-11-24T07:30:00", "start");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(start))
    fail("start", "must be local time YYYY-MM-DDTHH:mm[:ss] without offset");
  const timeZone = optionalString(value, "timeZone", "UTC", "timeZone");
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    fail("timeZone", `"${timeZone}" is not an IANA time zone`);
  }
  const watchTimeZone = optionalString(value, "watchTimeZone", timeZone, "watchTimeZone");
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: watchTimeZone });
  } catch {
    fail("watchTimeZone", `"${watchTimeZone}" is not an IANA time zone`);
  }
  const target = optionalString(value, "target", "atlas", "target");
  if (target !== "atlas" && target !== "vulcan") fail("target", 'must be "atlas" or "vulcan"');
  if (!Array.isArray(value.steps)) fail("steps", "must be an array of steps");
  for (const key of Object.keys(value)) {
    if (
      ![
        "provider",
        "seed",
        "answers",
        "unloadAfterEachRun",
        "oauthClients",
        "broker",
        "build",
        "authorizedPermissions",
        "aodDisplayOn",
        "watchTimeZone",
        "start",
        "timeZone",
        "locale",
        "target",
        "watch",
        "steps",
      ].includes(key)
    )
      fail(key, "is not a known field");
  }
  const seed = value.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail("seed", "must be a whole number from 0 to 4294967295");
  const answers = optionalString(value, "answers", "seeded", "answers");
  if (!(ANSWER_STYLES as string[]).includes(answers)) fail("answers", `must be one of ${ANSWER_STYLES.join(", ")}`);
  const unloadAfterEachRun = value.unloadAfterEachRun ?? false;
  if (typeof unloadAfterEachRun !== "boolean") fail("unloadAfterEachRun", "must be true or false");
  const oauthClients = optionalString(value, "oauthClients", "demo", "oauthClients");
  if (oauthClients !== "demo" && oauthClients !== "none") fail("oauthClients", 'must be "demo" or "none"');
  const broker = value.broker ?? false;
  if (typeof broker !== "boolean") fail("broker", "must be true or false");
  const build = optionalString(value, "build", "default", "build");
  if (build !== "default" && build !== "aod") fail("build", 'must be "default" or "aod"');
  const authorizedPermissions = value.authorizedPermissions ?? [];
  if (!Array.isArray(authorizedPermissions) || !authorizedPermissions.every((p) => typeof p === "string"))
    fail("authorizedPermissions", "must be an array of permission names");
  const aodDisplayOn = value.aodDisplayOn ?? true;
  if (typeof aodDisplayOn !== "boolean") fail("aodDisplayOn", "must be true or false");
  return {
    provider,
    seed,
    unloadAfterEachRun,
    oauthClients,
    broker,
    build,
    authorizedPermissions: authorizedPermissions,
    aodDisplayOn,
    answers: answers as AnswerStyle,
    start,
    timeZone,
    watchTimeZone,
    target,
    locale: optionalString(value, "locale", "en-US", "locale"),
    watch: parseWatch(value.watch, "watch", DEFAULT_WATCH),
    steps: value.steps.map((step, i) => parseStep(step, `steps[${i}]`)),
  };
}
