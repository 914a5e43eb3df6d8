import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { workedExampleNight } from "../helpers/samples";
import { decideStatus, formatStatus, StatusInput } from "../../app/status-line";
import { DEFAULT_OPTIONS } from "../../common/options";
import { Snapshot } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";

const NOW = 1795503600;
const NIGHT = workedExampleNight(20261124);
const BASE: Snapshot = {
  generatedAt: NOW - 60,
  epoch: 7,
  sequence: 3,
  lastSyncAt: NOW - 12 * 60,
  status: SyncStatus.Ok,
  night: NIGHT,
  nights: [null, null, null, null, null, null, 421],
  steps: [null, null, null, null, null, null, 100],
  restingHeartRate: 58,
  options: DEFAULT_OPTIONS,
};
const at = (snapshot: Snapshot | null, socketOpen = true): StatusInput => ({
  snapshot,
  now: NOW,
  socketOpen,
  today: 20261124,
});

describe("status line", () => {
  const cases: Array<[string, StatusInput, string, boolean]> = [
    ["never signed in", at(null), "Sign in on your phone", false],
    ["signed out", at({ ...BASE, status: SyncStatus.SignedOut }), "Sign in on your phone", false],
    ["token expired or revoked", at({ ...BASE, status: SyncStatus.Reauth }), "Sign in again on your phone", true],
    [
      "legacy API retired",
      at({ ...BASE, status: SyncStatus.Retired }),
      "Fitbit Web API retired — sign in with Google",
      true,
    ],
    ["fresh data", at({ ...BASE, lastSyncAt: NOW - 20 }), "Updated just now", false],
    ["12 minutes old", at(BASE), "Updated 12 min ago", false],
    ["3 hours old, phone connected", at({ ...BASE, lastSyncAt: NOW - 3 * 3600 }), "Updated 3 h ago", true],
    [
      "no link and older than two intervals",
      at({ ...BASE, lastSyncAt: NOW - 31 * 60 }, false),
      "Phone not connected",
      false,
    ],
    ["no link but recent data", at(BASE, false), "Updated 12 min ago", false],
    ["signed in, no night for today", at({ ...BASE, night: null }), "No sleep data yet", false],
    [
      "only yesterday's night after midnight",
      at({ ...BASE, night: { ...NIGHT, date: 20261123 } }),
      "No sleep data yet",
      false,
    ],
    ["a transient problem", at({ ...BASE, status: SyncStatus.Retrying }), "Sync problem — retrying", false],
  ];
  for (const [what, input, text, stale] of cases) {
    it(`shows "${text}" when ${what}`, () => {
      const line = decideStatus(input);
      assert.deepEqual({ text: formatStatus(line, (m) => m), stale: line.stale }, { text, stale });
    });
  }
});

describe("status line translation", () => {
  it("translates the msgid and then fills in the number", () => {
    const line = decideStatus(at(BASE));
    assert.equal(
      formatStatus(line, (m) => (m === "Updated {n} min ago" ? "Vor {n} Min. aktualisiert" : m)),
      "Vor 12 Min. aktualisiert",
    );
  });
});
