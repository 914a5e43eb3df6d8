import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ClockDisplay } from "../../common/format-clock";
import { TextElement, WatchDeps } from "../../app/deps";
import { start } from "../../app/start";

/** A behavioural fake of the watch: a document of text elements and a clock that ticks on demand. */
function fakeWatch(ids: string[], now: Date, display: ClockDisplay) {
  const elements = new Map<string, TextElement>(ids.map((id) => [id, { text: "" }]));
  const listeners: Array<(event: { date: Date }) => void> = [];
  const deps: WatchDeps = {
    clock: {
      granularity: "off",
      addEventListener: (_type, listener) => listeners.push(listener),
    },
    document: { getElementById: (id) => elements.get(id) ?? null },
    clockDisplay: () => display,
    now: () => now,
  };
  return {
    deps,
    text: (id: string) => elements.get(id)?.text,
    tick: (date: Date) => listeners.forEach((listener) => listener({ date })),
  };
}

const IDS = ["time", "date", "steps", "sleep", "status"];

describe("watch face start", () => {
  it("shows the time and date at once, in 24 h when the device says so", () => {
    const watch = fakeWatch(IDS, new Date(2026, 10, 24, 7, 30), "24h");
    start(watch.deps);
    assert.equal(watch.text("time"), "07:30");
    assert.equal(watch.text("date"), "Tue, Nov 24");
  });

  it("follows the minute ticks in 12 h", () => {
    const watch = fakeWatch(IDS, new Date(2026, 10, 24, 7, 30), "12h");
    start(watch.deps);
    watch.tick(new Date(2026, 10, 24, 13, 1));
    assert.equal(watch.text("time"), "1:01");
    assert.equal(watch.deps.clock.granularity, "minutes");
  });

  it("rolls the date over at midnight", () => {
    const watch = fakeWatch(IDS, new Date(2026, 10, 24, 23, 59), "24h");
    start(watch.deps);
    watch.tick(new Date(2026, 10, 25, 0, 0));
    assert.equal(watch.text("date"), "Wed, Nov 25");
  });

  it("shows -- rather than zero for values it does not know yet", () => {
    const watch = fakeWatch(IDS, new Date(2026, 10, 24, 7, 30), "24h");
    start(watch.deps);
    assert.deepEqual(["steps", "sleep", "status"].map(watch.text), ["--", "--", "--"]);
  });

  it("fails loudly when the view lacks an element the code needs", () => {
    const watch = fakeWatch(["time", "date"], new Date(2026, 10, 24), "24h");
    assert.throws(() => start(watch.deps), /index.view has no element #steps/);
  });
});
