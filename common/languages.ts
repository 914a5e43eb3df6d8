/**
 * The languages the face, the page and the simulator's screens speak: one list. Each has an
 * `app/i18n/<tag>.po` and a `settings/i18n/<tag>.po` (a test checks both ways), a table in
 * `common/locale-format.ts` and a date-fns locale in `settings/dates.ts`.
 */
export const LANGUAGES = ["en-US", "de-DE", "fr-FR", "es-ES", "ja-JP"];
