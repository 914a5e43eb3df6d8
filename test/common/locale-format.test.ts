import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatLocalCount, formatLocalDate } from "../../common/locale-format";

describe("locale formats on the watch", () => {
  const dates: Array<[string, string]> = [
    ["en-US", "Tue, Nov 24"],
    ["de-DE", "Di, 24. Nov"],
    ["fr-FR", "mar 24 nov"],
    ["es-ES", "mar, 24 nov"],
    ["ja-JP", "11月24日(火)"],
    ["pt-BR", "Tue, Nov 24"],
  ];
  for (const [language, expected] of dates) {
    it(`writes 2026-11-24 as ${expected} in ${language}`, () =>
      assert.equal(formatLocalDate(language, 2, 10, 24), expected));
  }

  const counts: Array<[string, string]> = [
    ["en-US", "8,421"],
    ["de-DE", "8.421"],
    ["fr-FR", "8 421"],
    ["es-ES", "8.421"],
    ["ja-JP", "8,421"],
  ];
  for (const [language, expected] of counts) {
    it(`groups 8421 as ${expected} in ${language}`, () => assert.equal(formatLocalCount(language, 8421), expected));
  }

  it("groups millions and leaves small numbers alone", () => {
    assert.equal(formatLocalCount("en-US", 1234567), "1,234,567");
    assert.equal(formatLocalCount("en-US", 999), "999");
    assert.equal(formatLocalCount("en-US", 0), "0");
  });
});
