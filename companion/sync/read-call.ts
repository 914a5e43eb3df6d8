// Turns the answer pages of one call into domain values, and merges them into the sync state.
// Whatever a body holds, reading it never throws: any exception (not only the readers' own) makes
// the whole answer malformed, and a refused record is named in `rejected` while the rest is kept.
import { LIMITS } from "../../common/limits";
import { CivilDate } from "../../common/civil-date";
import { addCivilDays } from "../civil-days";
import { err, ok, Result } from "../../common/result";
import { Night } from "../../common/snapshot";
import { MalformedError } from "../providers/json-reader";
import { Call, DataProvider, DayValue, SleepRecord } from "../providers/provider";
import { SyncState } from "./sync-state";

/** What one call brought: per-date values, the wake dates still being processed, refused fields. */
export interface CallData {
  call: Call;
  nights: { [date: number]: Night };
  days: { [date: number]: number };
  /** Wake dates whose main sleep is not yet processed (stages still computing). */
  unprocessed: CivilDate[];
  rejected: string[];
}

function readPages(provider: DataProvider, call: Call, bodies: unknown[], today: CivilDate): CallData {
  const data: CallData = { call, nights: {}, days: {}, unprocessed: [], rejected: [] };
  const records: SleepRecord[] = [];
  const values: DayValue[] = [];
  for (const body of bodies) {
    if (call === "sleep") {
      const page = provider.readSleep(body);
      records.push(...page.items);
      data.rejected.push(...page.rejected);
    } else {
      const page = call === "steps" ? provider.readSteps(body) : provider.readRestingHeartRate(body, today);
      values.push(...page.items);
      data.rejected.push(...page.rejected);
    }
  }
  for (const v of values) data.days[v.date] = v.value;
  const byDate: { [date: number]: SleepRecord[] } = {};
  for (const r of records) (byDate[r.night.date] = byDate[r.night.date] ?? []).push(r);
  for (const key of Object.keys(byDate)) {
    const main = provider.pickMainSleep(byDate[Number(key)]);
    if (main === null) continue;
    data.nights[main.night.date] = main.night;
    if (!main.processed) data.unprocessed.push(main.night.date);
  }
  return data;
}

/** Reads every page of a call's answer; an answer that cannot be read at all is an error naming where. */
export function readCall(
  provider: DataProvider,
  call: Call,
  bodies: unknown[],
  today: CivilDate,
): Result<CallData, { field: string }> {
  try {
    return ok(readPages(provider, call, bodies, today));
  } catch (error) {
    return err({ field: error instanceof MalformedError ? error.field : `body (${String(error)})` });
  }
}

/** Keeps what arrived for the 7 days up to `today`; a day the answer does not name keeps its value. */
export function mergeCall(state: SyncState, data: CallData, today: CivilDate, now: number): void {
  const oldest = addCivilDays(today, 1 - LIMITS.weekDays);
  const inWeek = (key: string) => Number(key) >= oldest && Number(key) <= today;
  if (data.call === "sleep") {
    for (const key of Object.keys(data.nights).filter(inWeek)) state.nights[Number(key)] = data.nights[Number(key)];
    state.unprocessed = data.unprocessed.filter((d) => inWeek(String(d)));
  } else {
    const target = data.call === "steps" ? state.steps : state.restingHeartRate;
    for (const key of Object.keys(data.days).filter(inWeek)) target[Number(key)] = data.days[Number(key)];
    if (data.call === "steps") state.stepsDay = today;
  }
  state.fetchedAt[data.call] = now;
}
