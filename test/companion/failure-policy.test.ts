import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem, SyncStatus } from "../../common/sync-status";
import { applyFailure, endsSignIn } from "../../companion/http/failure-policy";
import { Failure } from "../../companion/http/outcome";
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

  it("treats a provider's unexpected answer as its problem: retried in an hour, the sign-in kept", () => {
    const now = Date.parse("2026-11-24T09:00:00Z");
    const state = emptyState(SyncStatus.Ok);
    assert.equal(
      applyFailure(state, { kind: "provider", status: 404 }, now, () => 0.5),
      true,
    );
    assert.equal(state.status, SyncStatus.Retrying);
    assert.equal(state.problem, Problem.Server);
    assert.equal(state.retryAt, now + 60 * 60000);
    assert.equal(endsSignIn({ kind: "provider", status: 404 }), false);
  });

  const ending: Array<[Failure, boolean]> = [
    [{ kind: "invalidGrant" }, true],
    [{ kind: "retired" }, true],
    [{ kind: "expired" }, false],
    [{ kind: "missingScope" }, false],
    [{ kind: "rateLimited", retryAfterSeconds: 30 }, false],
    [{ kind: "server", status: 503 }, false],
    [{ kind: "network" }, false],
    [{ kind: "malformed", field: "body" }, false],
    [{ kind: "config", detail: "invalid_client" }, false],
    [{ kind: "accountNotLinked" }, false],
    [{ kind: "legacyLogin" }, false],
  ];
  for (const [failure, ends] of ending) {
    it(`${ends ? "ends" : "keeps"} the sign-in on ${failure.kind}`, () => assert.equal(endsSignIn(failure), ends));
  }
});
