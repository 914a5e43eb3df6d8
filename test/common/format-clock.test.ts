import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatClockTime } from "../../common/format-clock";

describe("formatClockTime", () => {
  const cases: Array<[number, number, "12h" | "24h", string]> = [
    [0, 5, "24h", "00:05"],
    [0, 5, "12h", "12:05"],
    [7, 9, "24h", "07:09"],
    [7, 9, "12h", "7:09"],
    [12, 0, "12h", "12:00"],
    [23, 59, "12h", "11:59"],
    [23, 59, "24h", "23:59"],
  ];
  for (const [h, m, display, expected] of cases) {
    it(`shows ${h}:${m} as ${expected} in ${display}`, () => assert.equal(formatClockTime(h, m, display), expected));
  }
});
