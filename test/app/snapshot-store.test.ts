import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutKeys, workedExampleNight } from "../helpers/samples";
import { createSnapshotStore, SnapshotFiles } from "../../app/snapshot-store";
import { defaultOptions } from "../../common/options";
import { encodeSnapshot, Snapshot, SNAPSHOT_VERSION } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";
import { decodeCbor, encodeCbor } from "fitbit-os-sim";

/** The watch's fs in memory, with its rename semantics. */
function memoryFs(): SnapshotFiles & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    existsSync: (n) => files.has(n),
    readFileSync: (n) => {
      const data = files.get(n);
      if (data === undefined) throw new Error("no file " + n);
      return decodeCbor(data);
    },
    writeFileSync: (n, d) => void files.set(n, encodeCbor(d)),
    renameSync: (a, b) => {
      const data = files.get(a);
      if (data === undefined) throw new Error("no file " + a);
      files.set(b, data);
      files.delete(a);
    },
    unlinkSync: (n) => void files.delete(n),
  };
}

/** A snapshot whose sequence is `generatedAt` too, in epoch 7 unless told. */
const snap = (generatedAt: number, over: Partial<Snapshot> = {}): Snapshot => ({
  generatedAt,
  epoch: 7,
  sequence: generatedAt,
  lastSyncAt: generatedAt,
  nextCallAt: null,
  status: SyncStatus.Ok,
  night: null,
  nights: [null, null, null, null, null, null, null],
  steps: [null, null, null, null, null, null, null],
  restingHeartRate: 58,
  options: defaultOptions(),
  ...over,
});

describe("snapshot store", () => {
  it("stores what it validated: a received value's extra keys never reach the disk (security review 11)", () => {
    const junk = "x".repeat(200 * 1024);
    for (const night of [null, { ...workedExampleNight(20261124), nap: true }]) {
      const fs = memoryFs();
      const store = createSnapshotStore(fs, () => undefined);
      const full = encodeSnapshot(snap(2000, { night }));
      const wire = { ...full, junk, n: full.n === null ? null : { ...full.n, junk } };
      assert.equal(store.accept(wire), true);
      const stored = fs.files.get("last.cbor");
      assert.ok(stored !== undefined && stored.length < 512, `last.cbor is ${stored?.length} bytes`);
      assert.deepEqual(decodeCbor(stored), full);
      // ... and it is what the next start shows.
      assert.deepEqual(createSnapshotStore(fs, () => undefined).current(), snap(2000, { night }));
    }
  });

  it("keeps the newest snapshot whatever order they arrive in", () => {
    const store = createSnapshotStore(memoryFs(), () => undefined);
    assert.equal(store.accept(encodeSnapshot(snap(2000))), true);
    assert.equal(store.accept(encodeSnapshot(snap(1000))), false);
    assert.equal(store.current()?.generatedAt, 2000);
  });

  it("orders by sequence, not by the phone's clock: a future-dated snapshot freezes nothing", () => {
    const store = createSnapshotStore(memoryFs(), () => undefined);
    assert.equal(store.accept(encodeSnapshot(snap(1, { generatedAt: 4102444000 }))), true); // year 2099
    assert.equal(store.accept(encodeSnapshot(snap(2, { generatedAt: 1795503600 }))), true);
    assert.equal(store.current()?.sequence, 2);
  });

  it("takes any snapshot of a new sign-in epoch, whatever its sequence", () => {
    const store = createSnapshotStore(memoryFs(), () => undefined);
    store.accept(encodeSnapshot(snap(500)));
    assert.equal(store.accept(encodeSnapshot(snap(1, { epoch: 8 }))), true);
    assert.equal(store.current()?.epoch, 8);
    assert.equal(store.accept(encodeSnapshot(snap(1, { epoch: 8 }))), false, "the same one twice is not newer");
  });

  it("never lets a version 1 snapshot (no epoch) replace one of a real epoch", () => {
    const store = createSnapshotStore(memoryFs(), () => undefined);
    store.accept(encodeSnapshot(snap(5)));
    const v1 = { ...withoutKeys(encodeSnapshot(snap(9)), ["e", "i"]), v: 1, d: 20261124, p: 0 };
    assert.equal(store.accept(v1), false);
    assert.equal(store.current()?.sequence, 5);
  });

  it("keeps the old state when a file is malformed, and deletes the file", () => {
    const fs = memoryFs();
    const warnings: string[] = [];
    const store = createSnapshotStore(fs, (w) => warnings.push(w));
    store.accept(encodeSnapshot(snap(1000)));
    fs.files.set("snapshot.cbor", encodeCbor({ v: 2, t: "garbage" }));
    assert.equal(store.acceptFile("snapshot.cbor"), false);
    assert.equal(store.current()?.generatedAt, 1000);
    assert.equal(fs.files.has("snapshot.cbor"), false);
    assert.deepEqual(warnings, ["rejected malformed t"]);
  });

  it("rejects a snapshot from a future schema version", () => {
    const store = createSnapshotStore(memoryFs(), () => undefined);
    assert.equal(store.accept({ ...encodeSnapshot(snap(1000)), v: SNAPSHOT_VERSION + 1 }), false);
    assert.equal(store.current(), null);
  });

  it("shows the persisted snapshot immediately after a restart", () => {
    const fs = memoryFs();
    createSnapshotStore(fs, () => undefined).accept(encodeSnapshot(snap(1500)));
    assert.equal(createSnapshotStore(fs, () => undefined).current()?.generatedAt, 1500);
    assert.deepEqual([...fs.files.keys()], ["last.cbor"]);
  });
});
