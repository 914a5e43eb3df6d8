/**
 * Dates and numbers for the watch's five languages, as tables: the watch has no Intl
 * (fitbit-os.md §2.1). Unknown languages fall back to en-US.
 */
interface LocaleTable {
  group: string;
  decimal: string;
  weekdays: string[];
  months: string[];
  /** Builds the date from weekday, day of month and month names. */
  date(weekday: string, day: number, month: string, monthNumber: number): string;
}

const TABLES: { [language: string]: LocaleTable } = {
  en: {
    decimal: ".",
    group: ",",
    weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    date: (w, d, m) => w + ", " + m + " " + d,
  },
  de: {
    decimal: ",",
    group: ".",
    weekdays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    date: (w, d, m) => w + ", " + d + ". " + m,
  },
  fr: {
    decimal: ",",
    group: " ",
    weekdays: ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"],
    months: ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
    date: (w, d, m) => w + " " + d + " " + m,
  },
  es: {
    decimal: ",",
    group: ".",
    weekdays: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    date: (w, d, m) => w + ", " + d + " " + m,
  },
  ja: {
    decimal: ".",
    group: ",",
    weekdays: ["日", "月", "火", "水", "木", "金", "土"],
    months: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    date: (w, d, _m, n) => n + "月" + d + "日(" + w + ")",
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

/** An integer with the language's thousands separator: `8,421`, `8.421`, `8 421`. */
export function formatLocalCount(language: string, value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  const group = table(language).group;
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
