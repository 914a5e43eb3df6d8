// A plausible user, deterministic from a seed: each night's sleep, each day's activity and
// resting heart rate. A night becomes visible only after its wake time plus a sync lag, and
// today's activity accumulates through the day on the virtual clock.
import { CivilDateTime, fromCivil, toCivil } from "./civil-time";

export interface DemoNight {
  day: number;
  start: number;
  end: number;
  kind: "STAGES" | "CLASSIC";
  /** minutes per stage: STAGES → DEEP, LIGHT, REM, AWAKE; CLASSIC → ASLEEP, RESTLESS, AWAKE */
  stages: Record<string, number>;
  visibleAt: number;
}

export interface DemoDay {
  steps: number;
  distanceMm: number;
  floors: number;
  calories: number;
  activeCalories: number;
  zoneMinutes: { fatBurn: number; cardio: number; peak: number };
}

/** Hash of (seed, key) to [0, 1): the same inputs always give the same user. */
export function unit(seed: number, key: number, salt: number): number {
  let h = (seed ^ Math.imul(key, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export const SYNC_LAG_MINUTES = 25;

/** The main sleep that ended on civil day `day` (yyyymmdd). */
export function demoNight(seed: number, day: number, timeZone: string): DemoNight {
  const r = (salt: number) => unit(seed, day, salt);
  const wakeMinute = 6 * 60 + 10 + Math.floor(r(1) * 90);
  const wake: CivilDateTime = {
    year: Math.floor(day / 10000),
    month: Math.floor(day / 100) % 100,
    day: day % 100,
    hours: Math.floor(wakeMinute / 60),
    minutes: wakeMinute % 60,
  };
  const end = fromCivil(wake, timeZone);
  const asleep = 360 + Math.floor(r(2) * 150);
  const awake = 20 + Math.floor(r(3) * 40);
  const start = end - (asleep + awake) * 60000;
  const classic = r(4) < 0.1;
  const deep = Math.round(asleep * (0.12 + r(5) * 0.08));
  const rem = Math.round(asleep * (0.18 + r(6) * 0.07));
  const stages: Record<string, number> = classic
    ? { ASLEEP: asleep, RESTLESS: Math.round(awake / 3), AWAKE: awake - Math.round(awake / 3) }
    : { DEEP: deep, LIGHT: asleep - deep - rem, REM: rem, AWAKE: awake };
  return { day, start, end, kind: classic ? "CLASSIC" : "STAGES", stages, visibleAt: end + SYNC_LAG_MINUTES * 60000 };
}

/** Minutes asleep in a demo night: deep + light + REM, or ASLEEP for a classic night. */
export function demoAsleep(night: DemoNight): number {
  const s = night.stages;
  return night.kind === "CLASSIC" ? s.ASLEEP : s.DEEP + s.LIGHT + s.REM;
}

/** A day's activity; today's is the part of the day that has passed by `now`. */
export function demoDay(seed: number, day: number, now: number, timeZone: string): DemoDay {
  const r = (salt: number) => unit(seed, day, 10 + salt);
  const c = toCivil(now, timeZone);
  const today = c.year * 10000 + c.month * 100 + c.day;
  const minutes = c.hours * 60 + c.minutes;
  const share = day < today ? 1 : day > today ? 0 : Math.max(0, Math.min(1, (minutes - 420) / (22 * 60 - 420)));
  const steps = Math.round((6000 + r(1) * 8000) * share);
  return {
    steps,
    distanceMm: Math.round(steps * 762),
    floors: Math.round((4 + r(2) * 12) * share),
    calories: Math.round((1700 + r(3) * 900) * (day === today ? Math.max(share, minutes / 1440) : 1) * 100) / 100,
    activeCalories: Math.round((300 + r(4) * 700) * share * 100) / 100,
    zoneMinutes: {
      fatBurn: Math.round(r(5) * 30 * share),
      cardio: Math.round(r(6) * 15 * share),
      peak: Math.round(r(7) * 5 * share),
    },
  };
}

/** Resting heart rate of a day, known once the night that ended that day is visible. */
export function demoRestingHeartRate(seed: number, day: number): number {
  return 54 + Math.floor(unit(seed, day, 30) * 9);
}
