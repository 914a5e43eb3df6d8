/** Minutes as hours and zero-padded minutes: 421 → "7h 01m" (compact in every language). */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  const rest = m % 60;
  return Math.floor(m / 60) + "h " + (rest < 10 ? "0" : "") + rest + "m";
}
