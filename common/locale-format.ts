/**
 * Dates, times, durations and numbers on the watch: it has no Intl (docs/reference/fitbit-os.md
 * §2.1). Names and word order come from the watch's catalogues (`app/i18n/<lang>.po`, through
 * `gettext`), which the platform keeps outside the bundle's JavaScript; untranslated, the msgid is
 * the en-US form. Only number separators are a table here (a language without one groups as en-US).
 */
import { CivilDate, pad2, splitCivilDate } from "./civil-date";
import { ClockDisplay, formatClockTime } from "./format-clock";

/** The watch's `gettext`: the msgstr of the watch's language, or the msgid itself. */
export type Gettext = (msgid: string) => string;

/** The `index`-th of the language's names, from one space-separated msgstr. */
const nth = (gettext: Gettext, names: string, index: number): string => gettext(names).split(" ")[index];

/** The short name of a weekday (0 = Sunday): `Mon`, `Mo`, `lun`, `月` … */
export const formatLocalWeekdayName = (gettext: Gettext, weekday: number): string =>
  nth(gettext, "Sun Mon Tue Wed Thu Fri Sat", weekday);

/** The short date in a language: `Tue, Nov 24`, `Di, 24. Nov`, `11月24日(火)` … */
export function formatLocalDate(gettext: Gettext, weekday: number, month: number, day: number): string {
  return gettext("{w}, {m} {d}")
    .replace("{w}", formatLocalWeekdayName(gettext, weekday))
    .replace("{m}", nth(gettext, "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", month))
    .replace("{d}", "" + day);
}

/** The short name of a civil date's weekday in a language: `Mon`, `Mo`, `lun`, `月` … */
export function formatLocalWeekday(gettext: Gettext, date: CivilDate): string {
  const p = splitCivilDate(date);
  return formatLocalWeekdayName(gettext, new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay());
}

/** Thousands separators that are not en-US's `,` (their decimal mark is then `,`). */
const GROUPS: { [language: string]: string } = { de: ".", fr: " ", es: "." };

/** An integer with the language's thousands separator: `8,421`, `8.421`, `8 421` (es: `8421`, `12.345`). */
export function formatLocalCount(language: string, value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  const code = language.slice(0, 2).toLowerCase();
  // Spanish leaves four-digit numbers ungrouped (RAE: `4321`, `12.345`).
  const group = digits.length < (code === "es" ? 5 : 4) ? "" : GROUPS[code] || ",";
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits.charAt(i);
  }
  return (value < 0 ? "-" : "") + out;
}

/** A number with one decimal in the language: `3.1` / `3,1`. */
export function formatLocalDecimal(language: string, value: number): string {
  const tenths = Math.round(value * 10);
  return (
    formatLocalCount(language, Math.floor(tenths / 10)) +
    (GROUPS[language.slice(0, 2).toLowerCase()] ? "," : ".") +
    (tenths % 10)
  );
}

/**
 * Minutes as a duration in the language: `7h 05m`, `7 h 05 min`, `7時間5分` (`{mm}` is the
 * minutes in two digits, `{m}` as they are). `whole` drops zero minutes: a goal of `8h`.
 */
export function formatLocalDuration(gettext: Gettext, minutes: number, whole?: boolean): string {
  const m = Math.max(0, Math.round(minutes));
  return gettext(whole && m % 60 === 0 ? "{h}h" : "{h}h {mm}m")
    .replace("{h}", "" + Math.floor(m / 60))
    .replace("{mm}", pad2(m % 60))
    .replace("{m}", "" + (m % 60));
}

/**
 * A time of day (minutes after midnight) as the watch is set: `22:58`, or in 12-hour form with the
 * language's marker, `10:58 PM`, `午後10:58`. Unlike the big clock, a time in a sentence-like line
 * needs its marker to be read.
 */
export function formatLocalTimeOfDay(gettext: Gettext, minuteOfDay: number, display: ClockDisplay): string {
  const hours = Math.floor(minuteOfDay / 60) % 24;
  const time = formatClockTime(hours, minuteOfDay % 60, display);
  return display === "24h" ? time : gettext(hours >= 12 ? "{t} PM" : "{t} AM").replace("{t}", time);
}
