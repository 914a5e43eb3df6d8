/**
 * Dates, times, durations and numbers for the watch's five languages, as tables: the watch has no
 * Intl (docs/reference/fitbit-os.md §2.1). Unknown languages fall back to en-US.
 */
import { CivilDate, pad2, splitCivilDate } from "./civil-date";
import { ClockDisplay, formatClockTime } from "./format-clock";

interface LocaleTable {
  group: string;
  /** Spanish leaves four-digit numbers ungrouped (RAE: `4321`, `12.345`): set to 5 there. */
  groupFrom?: number;
  decimal: string;
  weekdays: string[];
  months: string[];
  /** Builds the date from weekday, day of month and month names. */
  date(weekday: string, day: number, month: string, monthNumber: number): string;
  /** A duration in the language's usual short form, from hours and minutes. */
  duration(hours: number, minutes: number): string;
  /** A 12-hour time with its morning/afternoon marker, from "10:58" and whether it is after noon. */
  time12(time: string, pm: boolean): string;
}

const spaced = (h: number, m: number) => h + " h " + pad2(m) + " min";
const latin12 = (t: string, pm: boolean) => t + (pm ? " PM" : " AM");

const TABLES: { [language: string]: LocaleTable } = {
  en: {
    decimal: ".",
    group: ",",
    weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    date: (w, d, m) => w + ", " + m + " " + d,
    duration: (h, m) => h + "h " + pad2(m) + "m",
    time12: latin12,
  },
  de: {
    decimal: ",",
    group: ".",
    weekdays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    date: (w, d, m) => w + ", " + d + ". " + m,
    duration: spaced,
    time12: latin12,
  },
  fr: {
    decimal: ",",
    group: " ",
    weekdays: ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"],
    months: ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
    date: (w, d, m) => w + " " + d + " " + m,
    duration: spaced,
    time12: latin12,
  },
  es: {
    decimal: ",",
    group: ".",
    groupFrom: 5,
    weekdays: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    date: (w, d, m) => w + ", " + d + " " + m,
    duration: spaced,
    time12: (t, pm) => t + (pm ? " p. m." : " a. m."),
  },
  ja: {
    decimal: ".",
    group: ",",
    weekdays: ["日", "月", "火", "水", "木", "金", "土"],
    months: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    date: (w, d, _m, n) => n + "月" + d + "日(" + w + ")",
    duration: (h, m) => h + "時間" + m + "分",
    time12: (t, pm) => (pm ? "午後" : "午前") + t,
  },
};

function table(language: string): LocaleTable {
  return TABLES[language.slice(0, 2).toLowerCase()] || TABLES.en;
}

/** The short date in a language: `Tue, Nov 24`, `Di, 24. Nov`, `11月24日(火)` … */
export function formatLocalDate(language: string, weekday: number, month: number, day: number): string {
  const t = table(language);
  return t.date(t.weekdays[weekday], day, t.months[month], month + 1);
}

/** The short name of a civil date's weekday in a language: `Mon`, `Mo`, `lun`, `月` … */
export function formatLocalWeekday(language: string, date: CivilDate): string {
  const p = splitCivilDate(date);
  return table(language).weekdays[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
}

/** An integer with the language's thousands separator: `8,421`, `8.421`, `8 421` (es: `8421`, `12.345`). */
export function formatLocalCount(language: string, value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  const t = table(language);
  const group = digits.length < (t.groupFrom || 4) ? "" : t.group;
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
  return formatLocalCount(language, Math.floor(tenths / 10)) + table(language).decimal + (tenths % 10);
}

/** Minutes as a duration in the language: `7h 05m`, `7 h 05 min`, `7時間5分`. */
export function formatLocalDuration(language: string, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return table(language).duration(Math.floor(m / 60), m % 60);
}

/**
 * A time of day (minutes after midnight) as the watch is set: `22:58`, or in 12-hour form with the
 * language's marker, `10:58 PM`, `午後10:58`. Unlike the big clock, a time in a sentence-like line
 * needs its marker to be read.
 */
export function formatLocalTimeOfDay(language: string, minuteOfDay: number, display: ClockDisplay): string {
  const hours = Math.floor(minuteOfDay / 60) % 24;
  const time = formatClockTime(hours, minuteOfDay % 60, display);
  return display === "24h" ? time : table(language).time12(time, hours >= 12);
}
