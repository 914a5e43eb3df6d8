// Reading what the settings page's components stored (docs/reference/fitbit-os.md §6).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultOptions } from "../../common/options";
import { readOptions, readProvider, selectChoice } from "../../common/settings-keys";
import { THEMES } from "../../common/themes";

const from = (items: Record<string, string>) => (key: string) => items[key];

describe("reading the stored options", () => {
  it("reads a Select's stored choice, and the theme's ColorSelect by its value or its colour", () => {
    assert.equal(readOptions(from({ trend: selectChoice(1, "Steps", "steps") })).trend, "steps");
    assert.equal(readOptions(from({ theme: JSON.stringify("2") })).theme, 2);
    assert.equal(readOptions(from({ theme: JSON.stringify(THEMES[3].steps) })).theme, 3);
    assert.equal(readOptions(from({ theme: selectChoice(1, "Ocean", "1") })).theme, 1);
  });

  it("falls back to the defaults for anything it cannot read", () => {
    for (const raw of ["", "{", "null", '"#123456"', JSON.stringify("9"), '{"values":[]}'])
      assert.deepEqual(
        readOptions(from({ theme: raw, trend: raw, units: raw, refreshMinutes: raw })),
        defaultOptions(),
      );
    // An option never stored reads as its default, whatever value comes first in its list.
    assert.equal(readOptions(from({})).sleepGoal, 480);
    assert.equal(readOptions(from({ sleepGoal: selectChoice(0, "6 hours", "360") })).sleepGoal, 360);
    assert.equal(readProvider(from({ provider: '"fitbit"' })), "fitbit");
    assert.equal(readProvider(from({ provider: "garbage" })), "google");
  });
});
