import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeProblem } from "../../common/problem-text";
import { Problem } from "../../common/sync-status";

describe("problems in plain words", () => {
  it("says nothing when there is no problem", () => assert.equal(describeProblem(Problem.None, "google"), ""));

  it("says who limits updates, when the next try is and that the watch keeps its data", () => {
    process.env.TZ = "UTC";
    assert.equal(
      describeProblem(
        Problem.RateLimited,
        "google",
        Date.UTC(2026, 10, 24, 14, 5) / 1000,
        (m) => m,
        (t) => new Date(t * 1000).toISOString().slice(11, 16),
      ),
      "Google Health is limiting updates. Next try 14:05; your watch keeps the last data.",
    );
  });

  it("tells a retired Fitbit user what to do", () => {
    assert.match(describeProblem(Problem.Retired, "fitbit"), /^Fitbit Web API retired — sign in with Google/);
  });

  it("has words for every problem code", () => {
    for (let code = 1; code <= Problem.PartlyUnreadable; code++)
      assert.notEqual(describeProblem(code, "google"), "", `code ${code}`);
  });
});
