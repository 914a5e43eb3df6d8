// Civil-date arithmetic on the phone, with date-fns: whole days in the user's own calendar
// (noon local time, so a DST change never moves the date), and the ISO form the provider APIs
// take. The watch has no date-fns (budget); it only compares and splits yyyymmdd integers.
import { addDays, formatISO } from "date-fns";
import { CivilDate, splitCivilDate, toCivilDate } from "../common/civil-date";

function toDate(date: CivilDate): Date {
  const p = splitCivilDate(date);
  return new Date(p.year, p.month - 1, p.day, 12);
}

/** Adds (or with a negative count subtracts) whole days to a civil date. */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  const d = addDays(toDate(date), days);
  return toCivilDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A civil date as ISO `YYYY-MM-DD`, as the provider APIs expect. */
export function formatCivilDate(date: CivilDate): string {
  return formatISO(toDate(date), { representation: "date" });
}
