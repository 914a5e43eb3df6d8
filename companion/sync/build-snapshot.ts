// Condenses the sync state into the snapshot the watch shows (common/snapshot.ts).
import { CivilDate } from "../../common/civil-date";
import { addCivilDays } from "../civil-days";
import { WatchOptions } from "../../common/options";
import { Snapshot } from "../../common/snapshot";
import { LIMITS } from "../../common/limits";
import { SyncState } from "./sync-state";

function series(today: CivilDate, value: (date: CivilDate) => number | undefined): Array<number | null> {
  const out: Array<number | null> = [];
  for (let i = 1 - LIMITS.weekDays; i <= 0; i++) {
    const v = value(addCivilDays(today, i));
    out.push(v === undefined ? null : v);
  }
  return out;
}

export function buildSnapshot(
  state: SyncState,
  today: CivilDate,
  now: number,
  options: WatchOptions,
  epoch: number,
  sequence: number,
): Snapshot {
  const rhr = state.restingHeartRate[today] ?? state.restingHeartRate[addCivilDays(today, -1)];
  return {
    generatedAt: Math.floor(now / 1000),
    epoch,
    sequence,
    lastSyncAt: state.lastSyncAt === null ? null : Math.floor(state.lastSyncAt / 1000),
    nextCallAt: state.nextCallAt === null ? null : Math.floor(state.nextCallAt / 1000),
    status: state.status,
    // Last night stays until a newer night arrives (after midnight: yesterday's wake date).
    night: state.nights[today] ?? state.nights[addCivilDays(today, -1)] ?? null,
    nights: series(today, (d) => state.nights[d]?.minutesAsleep),
    steps: series(today, (d) => state.steps[d]),
    restingHeartRate:
      rhr === undefined || rhr < LIMITS.minRestingHeartRate || rhr > LIMITS.maxRestingHeartRate ? null : rhr,
    options,
  };
}
