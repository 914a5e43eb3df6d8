import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutKeys, workedExampleNight } from "../helpers/samples";
import { decodeSnapshot } from "../../common/decode-snapshot";
import { defaultOptions } from "../../common/options";
import { encodeSnapshot, Snapshot, SNAPSHOT_VERSION, WireSnapshot } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";
import { encodeCbor } from "fitbit-os-sim";

const STAGES_NIGHT: Snapshot = {
  generatedAt: 1795503600,
  epoch: 7,
  sequence: 3,
  lastSyncAt: 1795503540,
  nextCallAt: 1795507140,
  status: SyncStatus.Ok,
  night: workedExampleNight(20261111),
  nights: [402, null, 455, 380, 417, 398, 421],
  steps: [9120, 10422, null, 7310, 12011, 11873, 6342],
  restingHeartRate: 58,
  options: defaultOptions(),
};

const CLASSIC_NIGHT: Snapshot = {
  ...STAGES_NIGHT,
  night: {
    date: 20261111,
    bedtime: 23 * 60 + 31,
    wake: 5 * 60 + 47,
    minutesAsleep: 349,
    efficiency: 93,
    nap: false,
    split: { kind: "classic", asleep: 349, restless: 7, awake: 20 },
    hypnogram: null,
  },
};

const SIGNED_OUT: Snapshot = {
  generatedAt: 1795503600,
  epoch: 7,
  sequence: 3,
  lastSyncAt: null,
  nextCallAt: null,
  status: SyncStatus.SignedOut,
  night: null,
  nights: [null, null, null, null, null, null, null],
  steps: [null, null, null, null, null, null, null],
  restingHeartRate: null,
  options: { refreshMinutes: 60, units: "imperial", trend: "steps", theme: 3, sleepGoal: 450 },
};

describe("snapshot codec", () => {
  for (const [name, snapshot] of [
    ["a night with stages", STAGES_NIGHT],
    ["a classic night", CLASSIC_NIGHT],
    ["a signed-out snapshot with nothing known", SIGNED_OUT],
    ["a nap shown in place of a night", { ...STAGES_NIGHT, night: { ...workedExampleNight(20261124), nap: true } }],
  ] as const) {
    it(`round-trips ${name} unchanged`, () => {
      assert.deepEqual(decodeSnapshot(encodeSnapshot(snapshot)), { ok: true, value: snapshot });
    });
  }

  it("stays far below 256 bytes of CBOR even with every field at its largest", () => {
    const largest: Snapshot = {
      ...STAGES_NIGHT,
      nights: [1440, 1440, 1440, 1440, 1440, 1440, 1440],
      steps: [200000, 200000, 200000, 200000, 200000, 200000, 200000],
      night: { ...workedExampleNight(20261124), nap: true, hypnogram: [65535, 65535, 65535] },
    };
    const bytes = encodeCbor(encodeSnapshot(largest)).length;
    console.log(`# largest snapshot on the wire: ${bytes} bytes`);
    assert.ok(bytes <= 256, `${bytes} bytes`);
  });

  it("reads a night without a hypnogram (none from the provider, or an older companion) as one without a chart", () => {
    const wire = encodeSnapshot(CLASSIC_NIGHT);
    assert.equal("h" in (wire.n ?? {}), false);
    const decoded = decodeSnapshot(wire);
    assert.ok(decoded.ok && decoded.value.night !== null);
    assert.equal(decoded.value.night.hypnogram, null);
  });

  it("reads a night without the nap key (what older companions send) as a night", () => {
    const decoded = decodeSnapshot(encodeSnapshot(STAGES_NIGHT));
    assert.ok(decoded.ok && decoded.value.night !== null);
    assert.equal("z" in (encodeSnapshot(STAGES_NIGHT).n ?? {}), false);
    assert.equal(decoded.value.night.nap, false);
  });

  it("refuses a version 1 snapshot left by an older face as unsupported (the next snapshot replaces it)", () => {
    const v1 = { ...withoutKeys(encodeSnapshot(STAGES_NIGHT), ["e", "i"]), v: 1, d: 20261111, p: 4 };
    assert.deepEqual(decodeSnapshot(v1), { ok: false, error: { code: "unsupported-version", field: "v" } });
  });

  it("refuses a version 2 snapshot without its epoch or sequence", () => {
    const noSequence = withoutKeys(encodeSnapshot(STAGES_NIGHT), ["i"]);
    assert.deepEqual(decodeSnapshot(noSequence), { ok: false, error: { code: "malformed", field: "i" } });
  });

  it("keeps unknown days as null, never as zero", () => {
    const decoded = decodeSnapshot(encodeSnapshot(STAGES_NIGHT));
    assert.ok(decoded.ok);
    assert.equal(decoded.value.nights[1], null);
    assert.equal(decoded.value.steps[2], null);
  });
});

describe("decodeSnapshot rejects", () => {
  const good = (): WireSnapshot => encodeSnapshot(STAGES_NIGHT);
  const cases: Array<[string, unknown, string]> = [
    ["a non-object", "snapshot", "root"],
    ["null", null, "root"],
    ["an array", [1, 2, 3], "root"],
    ["a missing version", { ...good(), v: undefined }, "v"],
    ["a string version", { ...good(), v: "1" }, "v"],
    ["version zero", { ...good(), v: 0 }, "v"],
    ["a fractional time", { ...good(), t: 1.5 }, "t"],
    ["a time in milliseconds", { ...good(), t: 1795503600000 }, "t"],
    ["an unknown status", { ...good(), s: 9 }, "s"],
    ["six nights", { ...good(), w: [1, 2, 3, 4, 5, 6] }, "w"],
    ["a negative step count", { ...good(), q: [1, 2, 3, 4, 5, 6, -7] }, "q"],
    ["a step count beyond the plausible limit", { ...good(), q: [1, 2, 3, 4, 5, 6, 200001] }, "q"],
    ["a nap flag other than 1", { ...good(), n: { ...good().n, z: 2 } }, "n.z"],
    ["a string step count", { ...good(), q: [1, 2, 3, 4, 5, 6, "7"] }, "q"],
    ["an implausible resting heart rate", { ...good(), r: 0 }, "r"],
    ["a bedtime past midnight's end", { ...good(), n: { ...good().n, b: 1440 } }, "n.b"],
    ["an efficiency over 100", { ...good(), n: { ...good().n, f: 101 } }, "n.f"],
    ["an unknown night kind", { ...good(), n: { ...good().n, k: 2 } }, "n.k"],
    ["a stage split of the wrong length", { ...good(), n: { ...good().n, g: [1, 2, 3] } }, "n.g"],
    ["a classic split of the wrong length", { ...good(), n: { ...good().n, k: 1 } }, "n.g"],
    ["a hypnogram of two words", { ...good(), n: { ...good().n, h: [1, 2] } }, "n.h"],
    ["a hypnogram word over 16 bits", { ...good(), n: { ...good().n, h: [1, 2, 65536] } }, "n.h"],
    ["a hypnogram word that is not an integer", { ...good(), n: { ...good().n, h: [1, 2, "6"] } }, "n.h"],
    ["a hypnogram that is not a list", { ...good(), n: { ...good().n, h: 7 } }, "n.h"],
    ["missing options", { ...good(), o: undefined }, "o"],
    ["an unsupported refresh interval", { ...good(), o: [20, 0, 0, 0] }, "o"],
    ["an unknown theme", { ...good(), o: [15, 0, 0, 4] }, "o"],
  ];
  for (const [what, value, field] of cases) {
    it(`${what} as malformed, naming field ${field}`, () => {
      assert.deepEqual(decodeSnapshot(value), { ok: false, error: { code: "malformed", field } });
    });
  }

  it("a future version as unsupported, even when the rest looks valid", () => {
    assert.deepEqual(decodeSnapshot({ ...good(), v: SNAPSHOT_VERSION + 1 }), {
      ok: false,
      error: { code: "unsupported-version", field: "v" },
    });
  });

  it("nothing that a version 1 watch would take for its own (it refuses any v above 1)", () => {
    assert.equal(encodeSnapshot(STAGES_NIGHT).v, 2);
  });

  it("a future version whose other fields are unknown to this code", () => {
    assert.deepEqual(decodeSnapshot({ v: 7, x: [1] }), {
      ok: false,
      error: { code: "unsupported-version", field: "v" },
    });
  });
});
