import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SyncStatus } from "../../common/sync-status";
import { nextCallAt, planCalls, PlanInput } from "../../companion/sync/plan-calls";
import { emptyState, SyncState } from "../../companion/sync/sync-state";

const NIGHT = {
  date: 20261124,
  bedtime: 1380,
  wake: 410,
  minutesAsleep: 420,
  efficiency: 90,
  nap: false,
  split: { kind: "stages" as const, deep: 60, light: 240, rem: 120, awake: 40 },
  hypnogram: null,
};
const T0 = Date.parse("2026-11-24T05:00:00Z");
/** Past nights that woke at 06:50, 07:10 and 07:30 (the median, the usual wake time: 07:10). */
const PAST_WEEK = {
  20261121: { ...NIGHT, date: 20261121, wake: 6 * 60 + 50 },
  20261122: { ...NIGHT, date: 20261122, wake: 7 * 60 + 10 },
  20261123: { ...NIGHT, date: 20261123, wake: 7 * 60 + 30 },
};
const MIN = 60000;

function input(state: SyncState, overrides: Partial<PlanInput> = {}): PlanInput {
  return { state, now: T0, today: 20261124, minuteOfDay: 6 * 60, intervalMs: 15 * MIN, ...overrides };
}

function fetched(partial: Partial<SyncState> = {}): SyncState {
  return {
    ...emptyState(SyncStatus.Ok),
    fetchedAt: { sleep: T0 - 15 * MIN, steps: T0 - 60 * MIN, restingHeartRate: T0 - 60 * MIN },
    stepsDay: 20261124,
    ...partial,
  };
}

describe("planCalls", () => {
  it("fetches everything on the first run", () => {
    assert.deepEqual(planCalls(input(emptyState(SyncStatus.Ok))), ["sleep", "steps", "restingHeartRate"]);
  });

  it("polls for last night at most hourly in the morning until it arrives, with resting heart rate", () => {
    assert.deepEqual(planCalls(input(fetched())), []);
    assert.deepEqual(planCalls(input(fetched(), { now: T0 + 45 * MIN })), ["sleep", "restingHeartRate"]);
  });

  it("does not poll for sleep before 04:00 local", () => {
    assert.deepEqual(planCalls(input(fetched({ restingHeartRate: { 20261124: 58 } }), { minuteOfDay: 3 * 60 })), []);
  });

  it("rechecks an arrived night only every 6 hours", () => {
    const state = fetched({ nights: { 20261124: NIGHT }, restingHeartRate: { 20261124: 58 } });
    assert.deepEqual(planCalls(input(state, { now: T0 + 3 * 60 * MIN })), []);
    assert.deepEqual(planCalls(input(state, { now: T0 + 6 * 60 * MIN })), ["sleep"]);
  });

  it("asks for resting heart rate only alongside a sleep call", () => {
    const state = fetched({ nights: { 20261124: NIGHT } });
    assert.deepEqual(planCalls(input(state, { now: T0 + 2 * 60 * MIN })), []);
    assert.deepEqual(planCalls(input(state, { now: T0 + 6 * 60 * MIN })), ["sleep", "restingHeartRate"]);
  });

  it("polls again hourly while last night's stages are still being processed", () => {
    const state = fetched({ nights: { 20261124: NIGHT }, restingHeartRate: { 20261124: 58 }, unprocessed: [20261124] });
    assert.deepEqual(planCalls(input(state, { now: T0 + 45 * MIN })), ["sleep"]);
  });

  it("polls again hourly while today's only sleep is a nap (the night may still come)", () => {
    const state = fetched({ nights: { 20261124: { ...NIGHT, nap: true } }, restingHeartRate: { 20261124: 58 } });
    assert.deepEqual(planCalls(input(state, { now: T0 + 45 * MIN })), ["sleep"]);
  });

  it("fetches the steps history again once the civil day rolls over at midnight", () => {
    const state = fetched({ nights: { 20261124: NIGHT }, restingHeartRate: { 20261124: 58 } });
    const next = planCalls(input(state, { today: 20261125, minuteOfDay: 5, now: T0 + 20 * MIN }));
    assert.deepEqual(next, ["steps"]);
  });

  it("uses the civil date it is given across a DST change (25 h day)", () => {
    const state = fetched({
      nights: { 20261025: { ...NIGHT, date: 20261025 } },
      restingHeartRate: { 20261025: 58 },
      stepsDay: 20261025,
    });
    assert.deepEqual(planCalls(input(state, { today: 20261025, minuteOfDay: 23 * 60 + 30 })), []);
    assert.deepEqual(planCalls(input(state, { today: 20261026, minuteOfDay: 6 * 60 + 30, now: T0 + 5 * 60 * MIN })), [
      "sleep",
      "steps",
      "restingHeartRate",
    ]);
  });

  it("fetches the steps history once a day", () => {
    const state = fetched({ nights: { 20261124: NIGHT }, restingHeartRate: { 20261124: 58 } });
    assert.deepEqual(planCalls(input(state, { now: T0 + 6 * 60 * MIN })), ["sleep"]);
  });

  it("starts asking for last night half an hour before the usual wake time of the past week", () => {
    // Past nights woke at 06:50, 07:10 and 07:30: the median is 07:10, so polls start at 06:40.
    const state = fetched({ nights: PAST_WEEK, restingHeartRate: { 20261124: 58 } });
    const at = (minuteOfDay: number) => planCalls(input(state, { minuteOfDay, now: T0 + 2 * 60 * MIN }));
    assert.deepEqual(at(6 * 60 + 39), []);
    assert.deepEqual(at(6 * 60 + 40), ["sleep"]);
    assert.deepEqual(planCalls(input(state, { minuteOfDay: 5 * 60, now: T0 + 2 * 60 * MIN })), []);
  });

  it("makes no call before a rate-limit's retry time, whoever asks", () => {
    const state = fetched({ retryAt: T0 + 30 * MIN });
    assert.deepEqual(planCalls(input(state)), []);
    assert.ok(planCalls(input(state, { now: T0 + 60 * MIN })).length > 0);
  });
});

describe("planCalls with the watch's wake signal", () => {
  // Past nights woke at 06:50, 07:10 and 07:30: the usual wake time is 07:10.
  const nights = PAST_WEEK;
  /** The plan at a local time (minutes after midnight, T0 being 06:00), sleep last asked at 05:00. */
  const at = (state: SyncState, minuteOfDay: number) =>
    planCalls(input(state, { minuteOfDay, now: T0 + (minuteOfDay - 6 * 60) * MIN }));
  const base = (partial: Partial<SyncState>) =>
    fetched({
      nights,
      restingHeartRate: { 20261124: 58 },
      fetchedAt: { sleep: T0 - 60 * MIN, steps: 0, restingHeartRate: T0 },
      ...partial,
    });

  it("asks nothing before the usual wake time plus 90 min while a watch that signals has not", () => {
    const state = base({ wakeSignals: true });
    assert.deepEqual(at(state, 8 * 60 + 39), []);
    assert.deepEqual(at(state, 8 * 60 + 40), ["sleep"]);
  });

  it("asks from 10 minutes after the signal, then every interval, for two hours", () => {
    const wokeAt = T0 + 45 * MIN; // 06:45
    const state = base({ wakeSignals: true, wokeDay: 20261124, wokeAt });
    assert.deepEqual(at(state, 6 * 60 + 54), []);
    assert.deepEqual(at(state, 6 * 60 + 55), ["sleep"]);
    const asked = { ...state, fetchedAt: { ...state.fetchedAt, sleep: T0 + 55 * MIN } };
    assert.deepEqual(at(asked, 7 * 60 + 8), []);
    assert.deepEqual(at(asked, 7 * 60 + 9), ["sleep"], "13.5 min later (0.9 of the interval)");
  });

  it("asks at once for a signal long after the usual wake time (a late first look)", () => {
    const wokeAt = T0 + 150 * MIN; // 08:30, usual 07:10
    const state = base({ wakeSignals: true, wokeDay: 20261124, wokeAt });
    assert.deepEqual(at(state, 8 * 60 + 30), ["sleep"]);
  });

  it("falls back to polling from half an hour before the usual wake time without signals", () => {
    const state = base({ wakeSignals: false });
    assert.deepEqual(at(state, 6 * 60 + 39), []);
    assert.deepEqual(at(state, 6 * 60 + 40), ["sleep"]);
  });

  it("announces the next call in whole minutes, never before a rate limit ends", () => {
    const state = base({ wakeSignals: true });
    const plan = input(state, { minuteOfDay: 6 * 60, now: T0 + 17_345 });
    assert.equal(nextCallAt(plan) % MIN, 0);
    assert.equal(nextCallAt(plan), T0 + 160 * MIN, "08:40, the safety net");
    const limited = base({ wakeSignals: true, retryAt: T0 + 200 * MIN + 5 });
    assert.equal(nextCallAt(input(limited)), T0 + 201 * MIN);
  });
});
