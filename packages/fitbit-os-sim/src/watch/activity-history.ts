// The watch's `user-activity` history (fitbit-sdk-types: dayHistory, minuteHistory): what the
// scenario's step counts did over time, kept as change points. minuteHistory gives steps per
// minute, dayHistory each past day's totals, both most recent first (the order is not documented;
// the SDK's own examples read index 0 as the latest). Record counts are not documented either: 60
// minutes and 7 days here.

/** One record as fitbit-sdk-types types `ActivityHistoryRecord`. */
export interface HistoryRecord {
  averageHeartRate: number | undefined;
  calories: number | undefined;
  distance: number | undefined;
  elevationGain: number | undefined;
  restingHeartRate: number | undefined;
  steps: number | undefined;
}

const MINUTE = 60000;
export const MINUTE_RECORDS = 60;
export const DAY_RECORDS = 7;

function record(steps: number | undefined, rest: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    averageHeartRate: undefined,
    calories: undefined,
    distance: undefined,
    elevationGain: undefined,
    restingHeartRate: undefined,
    steps,
    ...rest,
  };
}

export class ActivityHistory {
  /** (time, steps today) at every change, oldest first. */
  private readonly points: Array<{ at: number; steps: number }> = [];
  /** Past days' totals, most recent first. */
  private readonly days: HistoryRecord[] = [];

  /** The step count today is `steps` from `at` on. */
  noteSteps(at: number, steps: number | undefined): void {
    if (steps === undefined) return;
    const last = this.points[this.points.length - 1];
    if (last !== undefined && last.steps === steps) return;
    this.points.push({ at, steps });
  }

  /** Midnight: the day's totals go to the day history and the count starts again at 0. */
  closeDay(at: number, totals: { steps?: number; calories?: number; distanceMeters?: number; floors?: number }): void {
    this.days.unshift(
      record(totals.steps, {
        calories: totals.calories,
        distance: totals.distanceMeters,
        elevationGain: totals.floors,
      }),
    );
    this.days.length = Math.min(this.days.length, DAY_RECORDS);
    this.points.length = 0;
    this.points.push({ at, steps: 0 });
  }

  private stepsAt(t: number): number {
    let steps = 0;
    for (const p of this.points) if (p.at <= t) steps = p.steps;
    return steps;
  }

  /** Steps per whole minute before `now`, most recent first. */
  minutes(now: number, limit: number): HistoryRecord[] {
    const end = Math.floor(now / MINUTE) * MINUTE;
    const out: HistoryRecord[] = [];
    for (let i = 0; i < Math.min(limit, MINUTE_RECORDS); i++) {
      const to = end - i * MINUTE;
      out.push(record(Math.max(0, this.stepsAt(to - 1) - this.stepsAt(to - MINUTE - 1))));
    }
    return out;
  }

  daysBefore(limit: number): HistoryRecord[] {
    return this.days.slice(0, Math.min(limit, DAY_RECORDS));
  }
}
