// Tells when the wearer woke up, from what the watch itself knows (docs/reference/fitbit-os.md §2.7): its
// `sleep` state turning awake after it was seen asleep, or, since that module is "deactivated when
// the display is off", the first look of the morning: the state reads awake after a long dark
// night, or while the morning's first steps come (40 in the last 10 minutes of `minuteHistory`).
// At most once per day, between 03:00 and 14:00. Without `access_sleep` (no module, or revoked) it says nothing and the companion polls as
// it would without a watch that knows.
import { toCivilDate } from "../common/civil-date";

/** The `sleep` module's state, or null when the module is missing or its permission is not granted. */
export type SleepState = "awake" | "asleep" | "unknown" | null;

const HOUR = 3600000;
/** A display dark this long, ending in the morning, spanned a night. */
const DARK_NIGHT_MS = 3 * HOUR;
/** Steps in the last minutes (minuteHistory) that say the wearer is up and about. */
const MORNING_STEPS = 40;

export interface WakeWatch {
  /** The display went off (the face keeps when, to see a night in the dark). */
  displayOff(now: number): void;
  /**
   * Looks at the sleep state and, only when it must, the steps of the last minutes (display on, a
   * `sleep` change, a tick); may signal. Every minute tick calls it, so the step history is read
   * only in the morning, before today's signal, when nothing else already tells.
   */
  observe(now: Date, state: SleepState, recentSteps: () => number | undefined): void;
}

export function createWakeWatch(signal: (epochSeconds: number) => void): WakeWatch {
  let sawAsleep = false;
  let darkSince: number | null = null;
  let sentDay = 0;
  return {
    displayOff: (now) => {
      darkSince = now;
    },
    observe: (now, state, recentSteps) => {
      const dark = darkSince;
      darkSince = null;
      if (state === null || state === "unknown") return;
      if (state === "asleep") {
        sawAsleep = true;
        return;
      }
      const day = toCivilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
      const hour = now.getHours();
      if (day === sentDay || hour < 3 || hour >= 14) return;
      const darkNight = dark !== null && now.getTime() - dark >= DARK_NIGHT_MS;
      if (!sawAsleep && !darkNight) {
        const steps = recentSteps();
        if (steps === undefined || steps < MORNING_STEPS) return;
      }
      sentDay = day;
      sawAsleep = false;
      signal(Math.floor(now.getTime() / 1000));
    },
  };
}
