import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem, SyncStatus } from "../../common/sync-status";
import { applyFailure } from "../../companion/sync/apply-failure";
import { emptyState } from "../../companion/sync/sync-state";

describe("applyFailure", () => {
  it("backs a malformed answer off exactly like a server error, keeping the data", () => {
    const now = Date.parse("2026-11-24T09:00:00Z");
    const malformed = emptyState(SyncStatus.Ok);
    malformed.steps = { 20261124: 5000 };
    const server = emptyState(SyncStatus.Ok);
    assert.equal(
      applyFailure(malformed, { kind: "malformed", field: "body" }, now, () => 0.5),
      true,
    );
    assert.equal(
      applyFailure(server, { kind: "server", status: 500 }, now, () => 0.5),
      true,
    );
    assert.equal(malformed.retryAt, server.retryAt);
    assert.ok((malformed.retryAt ?? 0) > now);
    assert.equal(malformed.failures, 1);
    assert.equal(malformed.status, SyncStatus.Retrying);
    assert.equal(malformed.problem, Problem.Malformed);
    assert.deepEqual(malformed.steps, { 20261124: 5000 });
  });
});
