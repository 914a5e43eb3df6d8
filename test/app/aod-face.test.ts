// The always-on layout (authorized build): it drifts a few pixels over the hours, against burn-in.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drawAod } from "../../app/aod-face";
import { FaceInput } from "../../app/face-input";

function positions(date: Date): { x: number; y: number } {
  const at: Record<string, number> = {};
  const input = {
    now: date,
    today: 20261124,
    clockDisplay: "24h",
    language: "en-US",
    gettext: (msgid: string) => msgid,
    snapshot: null,
  } as unknown as FaceInput;
  drawAod(input, {
    set: (id, prop, value) => {
      if (id === "face-aod" && (prop === "x" || prop === "y")) at[prop] = value as number;
    },
    centreWithGlyph: () => undefined,
  });
  return { x: at.x, y: at.y };
}

describe("always-on drift", () => {
  it("stays within 2 px each way, holds for 16 minutes, and visits every place of its 5 × 5 square in a day", () => {
    const seen = new Set<string>();
    for (let minute = 0; minute < 24 * 60; minute++) {
      const p = positions(new Date(2026, 10, 24, 0, minute));
      assert.ok(Math.abs(p.x) <= 2 && Math.abs(p.y) <= 2, JSON.stringify(p));
      if (minute % 16 !== 0) assert.deepEqual(p, positions(new Date(2026, 10, 24, 0, minute - 1)));
      seen.add(`${p.x},${p.y}`);
    }
    assert.equal(seen.size, 25);
  });
});
