// The sign-in state machine's transition table (companion/auth/sign-in-steps.ts), row by row.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Phase, SignInEvent, step } from "../../companion/auth/sign-in-steps";

const OFFER = { phase: "awaitingReturn", effects: ["publishRequest", "probeRetired"] };
const ROWS: Array<[Phase, SignInEvent, boolean, { phase: Phase; effects: string[] }]> = [
  [
    "idle",
    { type: "launch" },
    true,
    { phase: "awaitingReturn", effects: ["revoke", "publishRequest", "probeRetired"] },
  ],
  ["idle", { type: "launch" }, false, { phase: "idle", effects: ["revoke", "clearRequest"] }],
  ["idle", { type: "providerChanged" }, true, OFFER as { phase: Phase; effects: string[] }],
  ["idle", { type: "providerChanged" }, false, { phase: "idle", effects: ["clearRequest"] }],
  ["awaitingReturn", { type: "launch" }, true, { phase: "awaitingReturn", effects: ["revoke", "probeRetired"] }],
  [
    "awaitingReturn",
    { type: "returned", matches: true, code: true },
    true,
    { phase: "exchanging", effects: ["exchangeCode"] },
  ],
  [
    "awaitingReturn",
    { type: "returned", matches: true, code: false },
    true,
    OFFER as { phase: Phase; effects: string[] },
  ],
  ["awaitingReturn", { type: "returned", matches: false, code: true }, true, { phase: "awaitingReturn", effects: [] }],
  ["awaitingReturn", { type: "providerChanged" }, true, OFFER as { phase: Phase; effects: string[] }],
  ["awaitingReturn", { type: "probedRetired" }, true, { phase: "retired", effects: ["clearRequest", "markRetired"] }],
  ["awaitingReturn", { type: "signOutTapped" }, true, { phase: "awaitingReturn", effects: [] }],
  [
    "exchanging",
    { type: "exchanged", result: "ok" },
    true,
    { phase: "signedIn", effects: ["keepTokens", "clearRequest"] },
  ],
  ["exchanging", { type: "exchanged", result: "retired" }, true, { phase: "retired", effects: ["markRetired"] }],
  ["exchanging", { type: "exchanged", result: "failed" }, true, OFFER as { phase: Phase; effects: string[] }],
  ["exchanging", { type: "timeout" }, true, OFFER as { phase: Phase; effects: string[] }],
  [
    "exchanging",
    { type: "launch" },
    true,
    { phase: "awaitingReturn", effects: ["revoke", "publishRequest", "probeRetired"] },
  ],
  ["exchanging", { type: "returned", matches: true, code: true }, true, { phase: "exchanging", effects: [] }],
  ["signedIn", { type: "launch" }, true, { phase: "signedIn", effects: ["revoke"] }],
  ["signedIn", { type: "providerChanged" }, true, { phase: "signedIn", effects: ["sync"] }],
  ["signedIn", { type: "returned", matches: false, code: true }, true, { phase: "signedIn", effects: [] }],
  ["signedIn", { type: "signOutTapped" }, true, { phase: "signingOut", effects: ["wipeTokens", "revoke"] }],
  ["signedIn", { type: "probedRetired" }, true, { phase: "signedIn", effects: [] }],
  ["signedIn", { type: "grantEnded" }, true, OFFER as { phase: Phase; effects: string[] }],
  ["awaitingReturn", { type: "grantEnded" }, true, { phase: "awaitingReturn", effects: [] }],
  ["signingOut", { type: "revoked" }, true, OFFER as { phase: Phase; effects: string[] }],
  ["signingOut", { type: "revoked" }, false, { phase: "idle", effects: ["clearRequest"] }],
  [
    "signingOut",
    { type: "launch" },
    true,
    { phase: "awaitingReturn", effects: ["revoke", "publishRequest", "probeRetired"] },
  ],
  ["signingOut", { type: "providerChanged" }, true, { phase: "signingOut", effects: [] }],
  ["retired", { type: "launch" }, true, { phase: "retired", effects: ["revoke"] }],
  [
    "retired",
    { type: "providerChanged" },
    true,
    { phase: "awaitingReturn", effects: ["clearRetired", "publishRequest", "probeRetired"] },
  ],
  ["retired", { type: "returned", matches: true, code: true }, true, { phase: "retired", effects: [] }],
];

describe("sign-in transition table", () => {
  for (const [phase, event, configured, expected] of ROWS) {
    const what = `${phase} + ${JSON.stringify(event)}${configured ? "" : " (no client)"}`;
    it(`${what} → ${expected.phase} [${expected.effects.join(", ")}]`, () =>
      assert.deepEqual(step(phase, event, configured), expected));
  }
});
