import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toCivilDate } from "../../common/civil-date";
import { addCivilDays, formatCivilDate } from "../../companion/civil-days";

describe("civil days on the phone (date-fns)", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    assert.equal(addCivilDays(20261130, 1), 20261201);
    assert.equal(addCivilDays(20261231, 1), 20270101);
    assert.equal(addCivilDays(20280228, 1), 20280229);
    assert.equal(addCivilDays(20270301, -1), 20270228);
    assert.equal(addCivilDays(20261124, -6), 20261118);
  });

  it("adds whole days across a DST change in the phone's zone", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = "Europe/Berlin";
      assert.equal(addCivilDays(20261024, 1), 20261025);
      assert.equal(addCivilDays(20261025, 1), 20261026);
      assert.equal(addCivilDays(20260329, -1), 20260328);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("formats as ISO with zero padding", () => {
    assert.equal(formatCivilDate(toCivilDate(2026, 3, 7)), "2026-03-07");
  });
});
