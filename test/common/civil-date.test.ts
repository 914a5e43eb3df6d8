import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addCivilDays, formatCivilDate, isCivilDate, toCivilDate } from "../../common/civil-date";

describe("civil dates", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    assert.equal(addCivilDays(20261130, 1), 20261201);
    assert.equal(addCivilDays(20261231, 1), 20270101);
    assert.equal(addCivilDays(20280228, 1), 20280229);
    assert.equal(addCivilDays(20270301, -1), 20270228);
    assert.equal(addCivilDays(20261124, -6), 20261118);
  });

  it("formats as ISO with zero padding", () => {
    assert.equal(formatCivilDate(toCivilDate(2026, 3, 7)), "2026-03-07");
  });

  const valid: unknown[] = [20261124, 20280229, 19700101];
  const invalid: unknown[] = [20270229, 20261301, 20261100, 20261131, 2026112, "20261124", 20261124.5, null];
  for (const value of valid) it(`accepts ${String(value)}`, () => assert.equal(isCivilDate(value), true));
  for (const value of invalid) it(`rejects ${String(value)}`, () => assert.equal(isCivilDate(value), false));
});
