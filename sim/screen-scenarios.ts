// The documented screens (docs/screens, `npm run screens`) and the worst cases of the layout check
// (test/sim/layout.e2e.test.ts), as scenario documents. One place writes what the screens show, so the
// pictures in the README and the layout test cover the same states.
import { defaultOptions, OptionName, OPTIONS } from "../common/options";
import { SettingsKey } from "../common/settings-keys";
import { providerChoice, themeChoice } from "./choices";
import { encodeSnapshot, Night, Snapshot, SNAPSHOT_FILE } from "../common/snapshot";
import { SyncStatus } from "../common/sync-status";
import { LANGUAGES } from "../common/languages";
import { COMPLICATIONS } from "../app/complication";

export const LOCALES = LANGUAGES;
export const TARGETS = ["atlas", "vulcan"] as const;
export const THEME_COUNT = OPTIONS.theme.values.length;
/** Taps that cycle the complication through all its kinds and back to the first. */
export const COMPLICATION_COUNT = COMPLICATIONS.length;

type Step = Record<string, unknown>;

/** Screens of every complication in every theme, at the current state (the layout test's sweep). */
function sweep(name: string): Step[] {
  const steps: Step[] = [];
  for (let theme = 0; theme < THEME_COUNT; theme++) {
    steps.push({
      do: "setting",
      key: "theme" satisfies OptionName,
      value: themeChoice(theme),
    });
    steps.push({ do: "advance", minutes: 1 });
    for (let c = 0; c < COMPLICATION_COUNT; c++) {
      steps.push({ do: "screen", name: `${name}-theme${theme}-c${c}` });
      steps.push({ do: "tap", id: "complication-hit" });
    }
  }
  steps.push({
    do: "setting",
    key: "theme" satisfies OptionName,
    value: themeChoice(0),
  });
  return steps;
}

/** The authorized always-on build, for scenarios that show the always-on layout. */
const AOD_BUILD = { build: "aod", authorizedPermissions: ["access_aod"] };

/**
 * A day through the face's states with the settings page beside it: signed out, no sleep yet,
 * synced, always-on (the authorized build), phone out of reach, a rate limit, sign in again, the
 * legacy API retired. With `exhaustive`, the synced state is also shown in every theme and
 * complication.
 */
export function documentedScenario(locale: string, target: string, exhaustive = false): unknown {
  return {
    ...AOD_BUILD,
    start: "2026-11-24T06:40:00",
    timeZone: "Europe/Berlin",
    locale,
    target,
    // The clock most people in the locale keep (the watch's own setting, which the face follows).
    watch: {
      clockDisplay: locale === "en-US" ? "12h" : "24h",
      steps: 6842,
      activeZoneMinutes: 14,
      calories: 1320,
      distanceMeters: 5200,
      floors: 7,
    },
    steps: [
      { do: "sleepState", state: "asleep" },
      { do: "screen", name: "sign-in" },
      { do: "page", name: "signed-out" },
      { do: "signIn" },
      { do: "screen", name: "no-sleep-yet" },
      // the watch's sleep detection says the wearer is up; last night arrives within the interval
      { do: "advance", minutes: 10 },
      { do: "sleepState", state: "awake" },
      { do: "advance", minutes: 35 },
      { do: "screen", name: "synced" },
      // a tap on the sleep block: minutes per stage; another tap, the face again
      { do: "tap", id: "sleep-hit" },
      { do: "screen", name: "stages" },
      { do: "tap", id: "sleep-hit" },
      { do: "page", name: "signed-in" },
      ...(exhaustive ? sweep("synced") : []),
      { do: "aod", on: true },
      { do: "advance", minutes: 1 },
      { do: "screen", name: "always-on" },
      { do: "aod", on: false },
      { do: "disconnectWatch" },
      // past the companion's next planned call (the 6-hourly recheck) and its grace
      { do: "advance", minutes: 390 },
      { do: "screen", name: "not-connected" },
      { do: "connectWatch" },
      { do: "fault", name: "rateLimit", retryAfterSeconds: 5400 },
      // the next sync meets the 429 and says on the page when syncing resumes
      { do: "advance", minutes: 400 },
      { do: "page", name: "rate-limit" },
      { do: "clearFaults" },
      { do: "fault", name: "invalidGrant" },
      { do: "advance", minutes: 360 },
      { do: "screen", name: "sign-in-again" },
      { do: "clearFaults" },
      { do: "fault", name: "retired" },
      { do: "setting", key: SettingsKey.provider, value: providerChoice("fitbit") },
      { do: "advance", minutes: 1 },
      { do: "screen", name: "retired" },
      { do: "page", name: "retired" },
    ],
  };
}

/** The settings page of a build without OAuth clients (whoever built it supplied none). */
export function noClientScenario(locale: string): unknown {
  return {
    start: "2026-11-24T06:40:00",
    timeZone: "Europe/Berlin",
    locale,
    oauthClients: "none",
    steps: [{ do: "page", name: "no-client" }],
  };
}

/** The longest values each line of the face can show. */
function worstNight(nap: boolean): Night {
  // 12 h 59 min asleep from 10:58 PM: the longest duration and the widest times in 12-hour form
  return {
    date: 20261124,
    bedtime: 22 * 60 + 58,
    wake: 11 * 60 + 58,
    minutesAsleep: 12 * 60 + 59,
    efficiency: 100,
    nap,
    split: { kind: "stages", deep: 120, light: 500, rem: 159, awake: 1 },
    // Every column a different stage from the last: the most rects the chart can change.
    hypnogram: [0xe4e4, 0xe4e4, 0xe4e4],
  };
}

function worstSnapshot(
  status: SyncStatus,
  lastSyncAt: number | null,
  nextCallAt: number,
  nap: boolean,
  sequence: number,
): Snapshot {
  return {
    generatedAt: lastSyncAt ?? 0,
    // an epoch of its own: the signed-out companion's snapshot was delivered before and is not resent
    epoch: 2000000000,
    sequence,
    lastSyncAt,
    nextCallAt,
    status,
    night: status === SyncStatus.SignedOut ? null : worstNight(nap),
    nights: [779, 779, 779, 779, 779, 779, 779],
    steps: [23456, 23456, 23456, 23456, 23456, 23456, 23456],
    restingHeartRate: 188,
    options: defaultOptions(),
  };
}

/**
 * The worst cases for the layout: 10:58 PM on a 12-hour watch, five-digit figures everywhere, the
 * longest night, and each status line (the long German and French ones included), in every theme
 * and complication, and the always-on layout (the authorized build). The companion is signed out:
 * its one snapshot arrives first, and then only these snapshots count.
 */
export function worstCaseScenario(locale: string, target: string): unknown {
  const start = Date.parse("2026-11-24T22:58:00+01:00") / 1000;
  const late = start - 3 * 3600; // a next call long overdue: the line gives the data's age
  const planned = start + 600; // a next call still to come: all as planned
  // [name, status, last sync, next call, a nap, refresh minutes]: each status line at its longest
  const cases: Array<[string, SyncStatus, number | null, number, boolean, number]> = [
    ["updated", SyncStatus.Ok, start - 59 * 60, late, false, 15],
    ["updated-hours", SyncStatus.Ok, start - 23 * 3600, late, false, 60],
    ["nap", SyncStatus.Ok, start - 23 * 3600, planned, true, 15],
    ["retrying", SyncStatus.Retrying, start - 60, planned, false, 15],
    ["offline", SyncStatus.Offline, start - 60, planned, false, 15],
    ["no-internet", SyncStatus.NoInternet, start - 60, planned, false, 15],
    ["sign-in-again", SyncStatus.Reauth, start - 60, planned, false, 15],
    ["retired", SyncStatus.Retired, start - 60, planned, false, 15],
    ["signed-out", SyncStatus.SignedOut, null, planned, false, 15],
    ["not-connected", SyncStatus.Ok, start - 5 * 3600, late, false, 15],
    ["no-sleep-yet", SyncStatus.Ok, start - 60, planned, false, 15],
  ];
  const steps: Step[] = [{ do: "advance", minutes: 1 }];
  cases.forEach(([name, status, lastSyncAt, nextCallAt, nap, refreshMinutes], i) => {
    if (name === "not-connected") steps.push({ do: "disconnectWatch" });
    const snapshot = worstSnapshot(status, lastSyncAt, nextCallAt, nap, i + 1);
    if (name === "no-sleep-yet") snapshot.night = { ...worstNight(false), date: 20261123 };
    for (let theme = 0; theme < THEME_COUNT; theme++) {
      const options = { ...defaultOptions(), theme, refreshMinutes: refreshMinutes as 15 | 60 };
      const wire = encodeSnapshot({ ...snapshot, sequence: i * THEME_COUNT + theme + 1, options });
      steps.push({ do: "sendFile", name: SNAPSHOT_FILE, value: wire });
      for (let c = 0; c < COMPLICATION_COUNT; c++) {
        steps.push({ do: "screen", name: `${name}-theme${theme}-c${c}` });
        steps.push({ do: "tap", id: "complication-hit" });
      }
    }
    // The minutes per stage of the longest night, and back to the face.
    steps.push(
      { do: "tap", id: "sleep-hit" },
      { do: "screen", name: `${name}-stages` },
      { do: "tap", id: "sleep-hit" },
    );
    steps.push({ do: "aod", on: true }, { do: "screen", name: `${name}-aod` }, { do: "aod", on: false });
    if (name === "not-connected") steps.push({ do: "connectWatch" });
  });
  return {
    ...AOD_BUILD,
    start: "2026-11-24T22:57:00", // a minute before the screens, for the companion's one snapshot
    timeZone: "Europe/Berlin",
    locale,
    target,
    watch: {
      clockDisplay: "12h",
      steps: 23456,
      stepsGoal: 10000,
      activeZoneMinutes: 123,
      activeZoneMinutesGoal: 150,
      calories: 12345,
      distanceMeters: 42195,
      floors: 123,
    },
    steps,
  };
}
