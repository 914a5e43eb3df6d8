import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isRefreshRequest, readSnapshotMessage } from "../../common/messages";

describe("peer messages", () => {
  it("finds the snapshot inside a snapshot message", () => {
    assert.deepEqual(readSnapshotMessage({ k: "s", s: { v: 1 } }), { v: 1 });
  });

  for (const data of [null, "s", { k: "r" }, { k: "s" }, [1]]) {
    it(`finds no snapshot in ${JSON.stringify(data)}`, () => assert.equal(readSnapshotMessage(data), null));
  }

  it("recognises a refresh request and nothing else", () => {
    assert.equal(isRefreshRequest({ k: "r" }), true);
    assert.equal(isRefreshRequest({ k: "s", s: {} }), false);
    assert.equal(isRefreshRequest(undefined), false);
  });
});
