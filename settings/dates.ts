// The page's dates and times in its own language, with date-fns and its locales. Each settings
// catalogue names its locale under the msgid "date-locale" (the settings page has no other way to
// learn the phone's language than its gettext).
import { format, formatDistance, isValid, Locale } from "date-fns";
import { de, enUS, es, fr, ja } from "date-fns/locale";

const LOCALES: { [tag: string]: Locale } = { "en-US": enUS, "de-DE": de, "fr-FR": fr, "es-ES": es, "ja-JP": ja };

/** The date-fns locale of the page's language (en-US when the catalogue names none). */
export function pageLocale(gettext: (msgid: string) => string): Locale {
  return LOCALES[gettext("date-locale")] ?? enUS;
}

/** A time date-fns can format (it throws on an invalid one): the page never fails to render. */
function usable(epochMs: number): boolean {
  return isFinite(epochMs) && isValid(epochMs);
}

/** "2 minutes ago", "vor 2 Minuten", "il y a 2 minutes" … ("" for a time no date has). */
export function formatAgo(epochSeconds: number, now: number, locale: Locale): string {
  if (!usable(epochSeconds * 1000) || !usable(now)) return "";
  return formatDistance(epochSeconds * 1000, now, { addSuffix: true, locale });
}

/** A clock time the way the language writes it ("2:05 PM", "14:05"; "" for a time no date has). */
export function formatClock(epochSeconds: number, locale: Locale): string {
  return usable(epochSeconds * 1000) ? format(epochSeconds * 1000, "p", { locale }) : "";
}
