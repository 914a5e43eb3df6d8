// One interface for both data providers: build the requests, read the answers page by page.
import { CivilDate } from "../../common/civil-date";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";
import { Page } from "./json-reader";

/** What the companion fetches: last night's sleep, the steps history, resting heart rate. */
export type Call = "sleep" | "steps" | "restingHeartRate";

/** One sleep record as read, before the main sleep of its day is chosen. */
export interface SleepRecord {
  night: Night;
  /** Minutes from bedtime to wake. */
  inBed: number;
  /** Epoch ms of the wake time (breaks ties: later wins). */
  end: number;
  /** How long the record is, in ms, as the provider measures it (for "the longest record"). */
  durationMs: number;
  /** The provider's own main-sleep flag; null when it sends none. */
  main: boolean | null;
  nap: boolean;
  /** False while the provider is still computing stages: poll again later. */
  processed: boolean;
}

/** A figure for one civil date (steps, resting heart rate). */
export interface DayValue {
  date: CivilDate;
  value: number;
}

export interface DataProvider {
  /** The request for a call; `pageToken` asks for a later page of a list. */
  request(call: Call, today: CivilDate, token: string, pageToken: string | null): HttpRequest;
  /** The token of the next page, or null on the last page. */
  nextPageToken(body: unknown): string | null;
  readSleep(body: unknown): Page<SleepRecord>;
  /** The main sleep among the records of one wake date, or null if none qualifies. */
  pickMainSleep(records: SleepRecord[]): SleepRecord | null;
  readSteps(body: unknown): Page<DayValue>;
  readRestingHeartRate(body: unknown, today: CivilDate): Page<DayValue>;
}
