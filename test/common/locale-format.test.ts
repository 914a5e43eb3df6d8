import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  formatLocalCount,
  formatLocalDate,
  formatLocalDuration,
  formatLocalTimeOfDay,
} from "../../common/locale-format";
import { watchGettext } from "../helpers/po";

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
      assert.equal(formatLocalDate(watchGettext(language), 2, 10, 24), expected));
  }

  const counts: Array<[string, string]> = [
    ["en-US", "8,421"],
    ["de-DE", "8.421"],
    ["fr-FR", "8 421"],
    ["es-ES", "8421"], // Spanish leaves four digits ungrouped (RAE)
    ["ja-JP", "8,421"],
  ];
  for (const [language, expected] of counts) {
    it(`groups 8421 as ${expected} in ${language}`, () => assert.equal(formatLocalCount(language, 8421), expected));
  }

  it("groups millions and leaves small numbers alone", () => {
    assert.equal(formatLocalCount("en-US", 1234567), "1,234,567");
    assert.equal(formatLocalCount("en-US", 999), "999");
    assert.equal(formatLocalCount("en-US", 0), "0");
    assert.equal(formatLocalCount("es-ES", 12345), "12.345");
    assert.equal(formatLocalCount("es-ES", 1234567), "1.234.567");
  });

  const durations: Array<[string, number, string]> = [
    ["en-US", 430, "7h 10m"],
    ["en-US", 421, "7h 01m"],
    ["de-DE", 430, "7 h 10 min"],
    ["fr-FR", 430, "7 h 10 min"],
    ["es-ES", 779, "12 h 59 min"],
    ["ja-JP", 430, "7時間10分"],
    ["ja-JP", 421, "7時間1分"],
    ["pt-BR", 45, "0h 45m"],
  ];
  for (const [language, minutes, expected] of durations) {
    it(`writes ${minutes} minutes asleep as ${expected} in ${language}`, () =>
      assert.equal(formatLocalDuration(watchGettext(language), minutes), expected));
  }

  it("drops zero minutes from a whole-hour goal only when asked", () => {
    assert.equal(formatLocalDuration(watchGettext("en-US"), 480, true), "8h");
    assert.equal(formatLocalDuration(watchGettext("en-US"), 450, true), "7h 30m");
    assert.equal(formatLocalDuration(watchGettext("de-DE"), 480, true), "8 h");
    assert.equal(formatLocalDuration(watchGettext("ja-JP"), 480, true), "8時間");
    assert.equal(formatLocalDuration(watchGettext("en-US"), 480), "8h 00m");
  });

  const times: Array<[string, number, "12h" | "24h", string]> = [
    ["en-US", 22 * 60 + 58, "12h", "10:58 PM"],
    ["en-US", 22 * 60 + 58, "24h", "22:58"],
    ["en-US", 0, "12h", "12:00 AM"],
    ["en-US", 12 * 60 + 5, "12h", "12:05 PM"],
    ["de-DE", 6 * 60 + 31, "12h", "6:31 AM"],
    ["de-DE", 6 * 60 + 31, "24h", "06:31"],
    ["es-ES", 22 * 60 + 58, "12h", "10:58 p. m."],
    ["ja-JP", 22 * 60 + 58, "12h", "午後10:58"],
    ["ja-JP", 6 * 60 + 31, "12h", "午前6:31"],
  ];
  for (const [language, minute, display, expected] of times) {
    it(`writes minute ${minute} as ${expected} in ${language} on a ${display} watch`, () =>
      assert.equal(formatLocalTimeOfDay(watchGettext(language), minute, display), expected));
  }

  it("keeps every duration and time of day well formed in every language", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("en-US", "de-DE", "fr-FR", "es-ES", "ja-JP", "xx"),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom<"12h" | "24h">("12h", "24h"),
        (language, minute, display) => {
          const d = formatLocalDuration(watchGettext(language), minute);
          assert.ok(d.includes(String(Math.floor(minute / 60))), d);
          assert.doesNotMatch(d, /NaN|undefined|-/);
          const t = formatLocalTimeOfDay(watchGettext(language), minute, display);
          const [, h, m] = /(\d{1,2}):(\d{2})/.exec(t) ?? [];
          assert.equal(Number(m), minute % 60, t);
          const hours = Math.floor(minute / 60);
          assert.equal(Number(h), display === "24h" ? hours : hours % 12 === 0 ? 12 : hours % 12, t);
        },
      ),
    );
  });
});
