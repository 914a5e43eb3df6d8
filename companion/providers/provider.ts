// One interface for both data providers: build the three requests, parse the three answers.
import { CivilDate } from "../../common/civil-date";
import { Night } from "../../common/snapshot";
import { HttpRequest } from "../deps";

/** The main night per wake date. */
export type SleepHistory = { [date: number]: Night };
/** A number per civil date (steps, resting heart rate). */
export type DayValues = { [date: number]: number };

export interface DataProvider {
  sleepRequest(today: CivilDate, token: string): HttpRequest;
  parseSleep(body: unknown): SleepHistory;
  stepsRequest(today: CivilDate, token: string): HttpRequest;
  parseSteps(body: unknown): DayValues;
  restingHeartRateRequest(today: CivilDate, token: string): HttpRequest;
  parseRestingHeartRate(body: unknown, today: CivilDate): DayValues;
}
