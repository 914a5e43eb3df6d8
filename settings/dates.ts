// The page's dates and times in its own language, with date-fns and its locales. Each settings
// catalogue names its locale under the msgid "date-locale" (the settings page has no other way to
// learn the phone's language than its gettext).
import { format, formatDistance, Locale } from "date-fns";
import { de, enUS, es, fr, ja } from "date-fns/locale";

const LOCALES: { [tag: string]: Locale } = { "en-US": enUS, "de-DE": de, "fr-FR": fr, "es-ES": es, "ja-JP": ja };

/** The date-fns locale of the page's language (en-US when the catalogue names none). */
export function pageLocale(gettext: (msgid: string) => string): Locale {
  return LOCALES[gettext("date-locale")] ?? enUS;
}

/** "2 minutes ago", "vor 2 Minuten", "il y a 2 minutes" … */
export function formatAgo(epochSeconds: number, now: number, locale: Locale): string {
  return formatDistance(epochSeconds * 1000, now, { addSuffix: true, locale });
}

/** A clock time the way the language writes it ("2:05 PM", "14:05"). */
export function formatClock(epochSeconds: number, locale: Locale): string {
  return format(epochSeconds * 1000, "p", { locale });
}
