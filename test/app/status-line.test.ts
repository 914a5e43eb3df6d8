import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { workedExampleNight } from "../helpers/samples";
import { decideStatus, formatStatus, StatusInput } from "../../app/status-line";
import { defaultOptions } from "../../common/options";
import { Snapshot } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";

const NOW = 1795503600;
const NIGHT = workedExampleNight(20261124);
const BASE: Snapshot = {
  generatedAt: NOW - 60,
  epoch: 7,
  sequence: 3,
  lastSyncAt: NOW - 12 * 60,
  nextCallAt: NOW + 20 * 60,
  status: SyncStatus.Ok,
  night: NIGHT,
  nights: [null, null, null, null, null, null, 421],
  steps: [null, null, null, null, null, null, 100],
  restingHeartRate: 58,
  options: defaultOptions(),
};
const at = (snapshot: Snapshot | null, socketOpen = true): StatusInput => ({
  snapshot,
  now: NOW,
  socketOpen,
  today: 20261124,
});

describe("status line", () => {
  const cases: Array<[string, StatusInput, string]> = [
    ["never signed in", at(null), "Sign in on your phone"],
    ["signed out", at({ ...BASE, status: SyncStatus.SignedOut }), "Sign in on your phone"],
    ["token expired or revoked", at({ ...BASE, status: SyncStatus.Reauth }), "Sign in again on your phone"],
    ["legacy API retired", at({ ...BASE, status: SyncStatus.Retired }), "Sign in with Google on your phone"],
    ["all is as planned (the next call is still to come)", at(BASE), ""],
    ["all is as planned, no link (the companion sleeps between calls)", at(BASE, false), ""],
    [
      "the plan is overdue, phone connected: the age of the last provider answer",
      at({ ...BASE, lastSyncAt: NOW - 3 * 3600, nextCallAt: NOW - 45 * 60 }),
      "Updated 3 h ago",
    ],
    [
      "the plan is overdue by less than three intervals of data age",
      at({ ...BASE, lastSyncAt: NOW - 40 * 60, nextCallAt: NOW - 31 * 60 }),
      "Updated 40 min ago",
    ],
    [
      "the plan is overdue and there is no link",
      at({ ...BASE, lastSyncAt: NOW - 5 * 3600, nextCallAt: NOW - 31 * 60 }, false),
      "Phone not connected",
    ],
    ["an older companion sent no plan: data within two intervals", at({ ...BASE, nextCallAt: null }), ""],
    [
      "an older companion sent no plan: data older than two intervals, no link",
      at({ ...BASE, nextCallAt: null, lastSyncAt: NOW - 31 * 60 }, false),
      "Phone not connected",
    ],
    [
      "a plan from a phone clock a year ahead is not believed",
      at({ ...BASE, lastSyncAt: NOW - 5 * 3600, nextCallAt: NOW + 365 * 86400 }, false),
      "Phone not connected",
    ],
    [
      "a last sync from a phone clock a year ahead claims nothing",
      at({ ...BASE, lastSyncAt: NOW + 365 * 86400 }),
      "Sync problem — retrying",
    ],
    [
      "the phone had no network when a call was due",
      at({ ...BASE, status: SyncStatus.Offline }),
      "Phone has no internet",
    ],
    [
      "internet access is turned off for the app",
      at({ ...BASE, status: SyncStatus.NoInternet }),
      "Allow internet in the Fitbit app",
    ],
    ["signed in, no night for today", at({ ...BASE, night: null }), "No sleep data yet"],
    [
      "only yesterday's night after midnight",
      at({ ...BASE, night: { ...NIGHT, date: 20261123 } }),
      "No sleep data yet",
    ],
    ["a transient problem", at({ ...BASE, status: SyncStatus.Retrying }), "Sync problem — retrying"],
  ];
  for (const [what, input, text] of cases) {
    it(`shows "${text}" when ${what}`, () => {
      assert.equal(
        formatStatus(decideStatus(input), (m) => m),
        text,
      );
    });
  }
});

describe("status line translation", () => {
  it("translates the msgid and then fills in the number", () => {
    const line = decideStatus(at({ ...BASE, nextCallAt: NOW - 40 * 60 }));
    assert.equal(
      formatStatus(line, (m) => (m === "Updated {n} min ago" ? "Vor {n} Min. aktualisiert" : m)),
      "Vor 12 Min. aktualisiert",
    );
  });
});

describe("status line freshness (property)", () => {
  it("never claims data fresher than the last provider answer, whatever the times", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2 * 86400, max: 400 * 86400 }),
        fc.option(fc.integer({ min: -2 * 86400, max: 400 * 86400 })),
        fc.boolean(),
        fc.constantFrom(15, 30, 60),
        (ageSeconds, nextIn, socketOpen, refreshMinutes) => {
          const snapshot: Snapshot = {
            ...BASE,
            lastSyncAt: NOW - ageSeconds,
            nextCallAt: nextIn === null ? null : NOW + nextIn,
            options: { ...defaultOptions(), refreshMinutes: refreshMinutes },
          };
          const line = decideStatus(at(snapshot, socketOpen));
          // The age said is the age of the last provider answer, in whole minutes or hours.
          if (line.text === "Updated {n} min ago") assert.equal(line.n, Math.max(1, Math.floor(ageSeconds / 60)));
          if (line.text === "Updated {n} h ago") assert.equal(line.n, Math.floor(ageSeconds / 3600));
          // Nothing said only while the companion's plan holds (or, without one, the data is recent).
          if (line.text === "")
            assert.ok(nextIn === null ? ageSeconds <= 2 * refreshMinutes * 60 : nextIn >= -2 * refreshMinutes * 60);
        },
      ),
    );
  });
});
