import { pad2 } from "./civil-date";

/** The device's clock preference (`user-settings` `preferences.clockDisplay`). */
export type ClockDisplay = "12h" | "24h";

/** Formats a wall-clock time: `07:05` in 24 h, `7:05` in 12 h (the face shows no AM/PM). */
export function formatClockTime(hours: number, minutes: number, display: ClockDisplay): string {
  if (display === "24h") return pad2(hours) + ":" + pad2(minutes);
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return h12 + ":" + pad2(minutes);
}
