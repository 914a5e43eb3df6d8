/** Groups thousands with a separator: 8421 → "8,421". */
export function formatCount(value: number, separator: string): string {
  const digits = String(Math.round(Math.abs(value)));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits.charAt(i);
  }
  return (value < 0 ? "-" : "") + out;
}

/** Minutes as hours and zero-padded minutes: 421 → "7h 01m". */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  const rest = m % 60;
  return Math.floor(m / 60) + "h " + (rest < 10 ? "0" : "") + rest + "m";
}
