import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFba, refusedPermissions, restrictedPermissions } from "fitbit-os-sim";
import { checkFba, DEVICE_JS_BUDGET, findEs5Violation, formatSizeTable } from "../../scripts/device-guard";
import { writeFba } from "fitbit-os-sim";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultOptions } from "../../common/options";

const ES5 = '"use strict"\nvar a = require("clock");\nfunction f(x) { return x + 1; }\n';

describe("watch-bundle guard: installable", () => {
  it("fails on a restricted permission, naming it and why, as the installed SDK lists it", () => {
    const report = checkFba(parseFba(writeFba({ atlas: ES5 }, undefined, ["access_activity", "access_aod"])));
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0], /^access_aod is restricted by the SDK \("\[Restricted\] Always-on Display"\)/);
    assert.match(report.problems[0], /refuses to sideload/);
  });

  it("passes the same build when Fitbit authorized the permission (the always-on build)", () => {
    const fba = parseFba(writeFba({ atlas: ES5 }, undefined, ["access_activity", "access_aod"]));
    assert.deepEqual(checkFba(fba, DEVICE_JS_BUDGET, ["access_aod"]).problems, []);
  });

  it("reads the list from the SDK: every restricted permission fails, every ordinary one passes", () => {
    const restricted = [...restrictedPermissions().keys()];
    assert.ok(restricted.includes("access_aod") && restricted.length >= 5, restricted.join(", "));
    for (const key of restricted)
      assert.equal(checkFba(parseFba(writeFba({ atlas: ES5 }, undefined, [key]))).problems.length, 1, key);
    const ordinary = ["access_activity", "access_user_profile", "access_internet", "run_background", "access_sleep"];
    assert.deepEqual(checkFba(parseFba(writeFba({ atlas: ES5 }, undefined, ordinary))).problems, []);
  });

  it("finds no restricted permission in this project's own package.json, and access_sleep among them", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      fitbit: { requestedPermissions: string[] };
    };
    assert.deepEqual(refusedPermissions(pkg.fitbit.requestedPermissions, []), []);
    assert.ok(pkg.fitbit.requestedPermissions.includes("access_sleep"));
  });

  it("declares as the manifest's default wake interval the options' default refresh interval", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      fitbit: { companionDefaultWakeInterval: number };
    };
    assert.equal(pkg.fitbit.companionDefaultWakeInterval, defaultOptions().refreshMinutes * 60000);
  });
});

describe("the JerryScript heap harness (scripts/heap/)", () => {
  for (const part of ["pre.js", "post.js"])
    it(`${part} is ES5, as JerryScript 2.4's ES5.1 profile parses it`, () => {
      const source = readFileSync(join(__dirname, "..", "..", "scripts", "heap", part), "utf8");
      assert.equal(findEs5Violation(source, part), null);
    });
});

describe("watch-bundle guard", () => {
  it("accepts ES5 watch code and reports a size for every part", () => {
    const report = checkFba(parseFba(writeFba({ atlas: ES5, vulcan: ES5 })));
    assert.deepEqual(report.problems, []);
    assert.deepEqual(
      report.sizes.map((row) => row.part),
      ["watch JS (atlas)", "watch JS (vulcan)", "companion JS", "settings JS", ".fba file"],
    );
    assert.equal(report.sizes[0].bytes, Buffer.byteLength(ES5));
  });

  const es2015 = [
    ["an arrow function", "var f = (x) => x;"],
    ["let", "let x = 1;"],
    ["const", "const x = 1;"],
    ["a class", "class A {}"],
    ["a template literal", "var s = `a${1}`;"],
    ["a spread call", "f(...xs);"],
    ["optional chaining", "var y = a?.b;"],
    ["a regex named group", "var r = /(?<year>\\d+)/;"],
  ];
  for (const [what, code] of es2015) {
    it(`fails when the watch JS of one target contains ${what}`, () => {
      const report = checkFba(parseFba(writeFba({ atlas: ES5, vulcan: code })));
      assert.equal(report.problems.length, 1);
      assert.match(report.problems[0], /device-vulcan\.zip:app\/index\.js is not ES5/);
    });
  }

  it("fails when the watch JS is over the budget", () => {
    const big = "var s = '" + "x".repeat(DEVICE_JS_BUDGET) + "';";
    const report = checkFba(parseFba(writeFba({ atlas: big })));
    assert.match(report.problems.join("\n"), /watch JS for atlas is \d+ bytes, over the 16384-byte budget/);
  });

  it("fails when the archive has no watch bundle", () => {
    const report = checkFba(parseFba(writeFba({})));
    assert.deepEqual(report.problems, ["the .fba has no device-*.zip"]);
  });

  it("names the line and column of the first non-ES5 token", () => {
    assert.match(findEs5Violation("var a = 1;\nlet b = 2;", "x.js") ?? "", /x\.js is not ES5: .*\(2:4\)/);
  });

  it("prints the budget beside the watch rows only", () => {
    const table = formatSizeTable([
      { part: "watch JS (atlas)", bytes: 900 },
      { part: ".fba file", bytes: 15000 },
    ]);
    assert.equal(table, "watch JS (atlas)      900 bytes  (budget 16384)\n.fba file           15000 bytes");
  });
});
