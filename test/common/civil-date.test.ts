import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isCivilDate } from "../../common/civil-date";

describe("civil dates", () => {
  const valid: unknown[] = [20261124, 20280229, 19700101];
  const invalid: unknown[] = [20270229, 20261301, 20261100, 20261131, 2026112, "20261124", 20261124.5, null];
  for (const value of valid) it(`accepts ${String(value)}`, () => assert.equal(isCivilDate(value), true));
  for (const value of invalid) it(`rejects ${String(value)}`, () => assert.equal(isCivilDate(value), false));
});
