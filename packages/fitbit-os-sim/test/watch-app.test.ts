import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Activity } from "../src/runtime/activity";
import { PeerLink } from "../src/runtime/peer-link";
import { runBundle } from "../src/runtime/run-bundle";
import { DEFAULT_WATCH } from "../src/scenario";
import { createDocument } from "../src/watch/emulated-document";
import { WatchApp } from "../src/watch/watch-app";
import { Permissions } from "../src/runtime/permissions";
import { ActivityHistory } from "../src/watch/activity-history";
import { deviceOf } from "../src/devices";

const VIEW = `<svg><defs><symbol id="badge"><text id="badge-text">hi</text></symbol></defs>
  <text id="t" class="big">--</text><use id="u" href="#badge" x="10" /></svg>`;
const DEFS = `<svg><defs><link rel="stylesheet" href="styles.css" /></defs></svg>`;
const CSS = `.big { font-size: 40; fill: #ff0000; } #t { fill: #00ff00; }`;
const APP = `var clock = require("clock").default; var doc = require("document").default;
  var inbox = require("file-transfer").inbox; var n = 0, files = 0;
  clock.granularity = "minutes";
  clock.addEventListener("tick", function () { n++; doc.getElementById("t").text = "ticks " + n; });
  inbox.addEventListener("newfile", function () { while (inbox.nextFile()) files++; doc.getElementById("badge-text").text = "files " + files; });`;

interface WatchOptions {
  permissions?: string[];
  target?: string;
}

function watch(app_ = APP, options: WatchOptions = {}) {
  const files = new Map<string, Buffer>([
    ["app/index.js", Buffer.from(app_)],
    ["resources/index.view", Buffer.from(VIEW)],
    ["resources/widget.defs", Buffer.from(DEFS)],
    ["resources/styles.css", Buffer.from(CSS)],
  ]);
  const state = { displayOn: true, sleep: "awake" as "awake" | "asleep" | "unknown" };
  const permissions = new Permissions(options.permissions ?? ["access_activity", "access_sleep"]);
  const history = new ActivityHistory();
  const sent: Array<{ name: string; data: Buffer }> = [];
  const link = new PeerLink(
    new Activity(),
    () => 0,
    () => undefined,
    () => app.filesArrived(),
  );
  const problems: string[] = [];
  const app: WatchApp = new WatchApp({
    files,
    manifest: { main: "app/index.js" },
    link,
    storage: new Map(),
    localize: (d: Date) => d,
    now: () => 0,
    timers: {},
    console: {},
    notEmulated: (name) => problems.push(`not emulated: ${name}`),
    inputs: {
      setup: { ...DEFAULT_WATCH },
      language: "en-US",
      displayOn: () => state.displayOn,
      aodRequested: () => false,
      translate: (m) => m,
      device: deviceOf(options.target ?? "atlas"),
      permissions,
      aodDisplayOn: true,
      sleepState: () => state.sleep,
      history,
      sendFile: (name, data) => void sent.push({ name, data }),
    },
    problem: (m) => problems.push(m),
  });
  return { app, state, link, problems, permissions, history, sent };
}

/** The text of an element after the app ran. */
const textOf = (app: WatchApp, id: string) => app.document?.getElementById(id)?.text;

describe("emulated watch document", () => {
  it("applies id over class rules and expands use/symbol content", () => {
    const doc = createDocument(
      new Map([
        ["resources/index.view", Buffer.from(VIEW)],
        ["resources/widget.defs", Buffer.from(DEFS)],
        ["resources/styles.css", Buffer.from(CSS)],
      ]),
      "resources/index.view",
      "resources/widget.defs",
      { width: 336, height: 336 },
    );
    assert.equal(doc.getElementById("t")?.value("fill"), "#00ff00");
    assert.equal(doc.getElementById("t")?.value("font-size"), "40");
    assert.equal(doc.getElementById("badge-text")?.text, "hi");
    assert.equal(doc.getElementById("badge-text")?.parent?.id, "u");
  });
});

describe("emulated watch app", () => {
  it("ticks once as the face starts, then each minute, and not while the display is off", () => {
    const { app, state, problems } = watch();
    app.start();
    assert.equal(app.document?.getElementById("t")?.text, "ticks 1");
    app.tick(new Date(60000));
    state.displayOn = false;
    app.tick(new Date(120000));
    assert.equal(app.document?.getElementById("t")?.text, "ticks 2");
    assert.deepEqual(problems, []);
  });

  it("fires newfile only in a running app; files that arrived meanwhile wait in the inbox", () => {
    const { app, link } = watch();
    link.companionRunning = true;
    link.enqueue("snapshot.cbor", new Uint8Array([1]));
    link.update();
    assert.equal(link.staged.length, 1);
    app.start();
    assert.equal(app.document?.getElementById("badge-text")?.text, "hi", "no event for files that came before start");
    link.enqueue("snapshot.cbor", new Uint8Array([2]));
    link.update();
    assert.equal(app.document?.getElementById("badge-text")?.text, "files 2");
  });
});

describe("the watch's bare ES5 context", () => {
  const probe = (source: string, bare: boolean) =>
    runBundle(`module.exports.v = (function () { ${source} })();`, "probe.js", {
      name: "probe",
      modules: {},
      globals: {},
      now: () => 0,
      notEmulated: () => undefined,
      bare,
    }).v;
  const missing = [
    "Map",
    "Set",
    "WeakMap",
    "Promise",
    "Symbol",
    "Proxy",
    "Reflect",
    "Intl",
    "Array.from",
    "Array.prototype.find",
    "Array.prototype.includes",
    "Object.assign",
    "Object.entries",
    "String.prototype.padStart",
    "String.prototype.startsWith",
    "Number.isInteger",
    "Math.trunc",
  ];
  for (const name of missing) {
    it(`has no ${name}, as the watch's engine has none`, () => {
      const read = `try { return typeof ${name}; } catch (e) { return "undefined"; }`;
      assert.equal(probe(read, true), "undefined");
      assert.notEqual(probe(read, false), "undefined", "a phone-side context keeps it");
    });
  }

  // What JerryScript 2.4 (the Linux build of the workplace, TZ=UTC) printed for each call.
  const JERRY: Array<[string, string]> = [
    ["(1234.5).toLocaleString()", "1234.5"],
    ["new Date(2026, 10, 24, 7, 5, 9, 12).toLocaleDateString()", "2026-11-24"],
    ["new Date(2026, 10, 24, 7, 5, 9, 12).toLocaleString()", "Tue Nov 24 2026 07:05:09 GMT+0000"],
    ["new Date(2026, 10, 24, 7, 5, 9, 12).toLocaleTimeString()", "07:05:09.012"],
    ["'b'.localeCompare('a') + ' ' + 'a'.localeCompare('a')", "1 0"],
    ["[1, 2].toLocaleString()", "1,2"],
    ["'abc'.toLocaleUpperCase()", "ABC"],
  ];
  for (const [call, printed] of JERRY) {
    it(`answers ${call} without a locale, as JerryScript does`, () => {
      const zone = process.env.TZ;
      process.env.TZ = "UTC";
      try {
        assert.equal(probe(`return ${call};`, true), printed);
      } finally {
        process.env.TZ = zone;
      }
    });
  }

  it("keeps ES5: JSON, array methods, Object.keys, Date", () => {
    assert.equal(
      probe(
        `return JSON.stringify([3, 1, 2].map(function (x) { return x * 2; }).sort()) + Object.keys({ a: 1 }) + new Date(0).getTime();`,
        true,
      ),
      "[2,4,6]a0",
    );
  });

  it("reports a watch app that relies on an ES2015 built-in as an uncaught error", () => {
    const { app, problems } = watch(`var seen = new Map(); seen.set("a", 1);`);
    app.start();
    assert.equal(problems.length, 1);
    assert.match(problems[0], /ReferenceError: Map is not defined/);
  });
});

describe("emulated watch modules: the platform's refusals and what the watch knows", () => {
  const SLEEP_APP = `var sleep = require("sleep").default; var doc = require("document").default; var changes = 0;
    function show() { doc.getElementById("t").text = (sleep ? String(sleep.state) : "none") + " " + changes; }
    if (sleep) sleep.addEventListener("change", function () { changes++; show(); });
    show();`;

  it("gives no sleep module to an app without access_sleep", () => {
    const { app } = watch(SLEEP_APP, { permissions: ["access_activity"] });
    app.start();
    assert.equal(textOf(app, "t"), "none 0");
  });

  it("tells sleep state changes only while the display is on, and reads nothing once revoked", () => {
    const { app, state, permissions } = watch(SLEEP_APP);
    app.start();
    state.sleep = "asleep";
    state.displayOn = false;
    app.sleepChanged();
    assert.equal(textOf(app, "t"), "awake 0", "no event with the display off");
    state.displayOn = true;
    app.sleepChanged();
    assert.equal(textOf(app, "t"), "asleep 1");
    permissions.set("access_sleep", false);
    app.sleepChanged();
    assert.equal(textOf(app, "t"), "undefined 2");
  });

  it("errors on user-activity without access_activity, and serves minute and day history with it", () => {
    const APP_ = `var a = require("user-activity"); var doc = require("document").default;
      try { doc.getElementById("t").text = a.minuteHistory.query({ limit: 3 }).map(function (r) { return r.steps; }).join(",")
        + " " + a.dayHistory.query().length; }
      catch (e) { doc.getElementById("t").text = "error"; }`;
    const denied = watch(APP_, { permissions: [] });
    denied.app.start();
    assert.equal(textOf(denied.app, "t"), "error");
    const allowed = watch(APP_);
    allowed.history.noteSteps(-200000, 100);
    allowed.history.noteSteps(-90000, 130); // 30 steps in the minute before last
    allowed.app.start();
    assert.equal(textOf(allowed.app, "t"), "0,30,0 0");
  });

  it("sends a file of the app's folder to the companion with outbox.enqueueFile", () => {
    const APP_ = `var fs = require("fs"); var outbox = require("file-transfer").outbox;
      fs.writeFileSync("wake.cbor", { k: "w", t: 1 }, "cbor"); outbox.enqueueFile("wake.cbor");`;
    const { app, sent } = watch(APP_);
    app.start();
    assert.deepEqual(
      sent.map((f) => f.name),
      ["wake.cbor"],
    );
  });

  it("names the device and its screen by the build target (`me` of the device module)", () => {
    const APP_ = `var me = require("device").me;
      require("document").default.getElementById("t").text = me.modelName + " " + me.screen.width + "x" + me.screen.height;`;
    const sense = watch(APP_, { target: "vulcan" });
    sense.app.start();
    assert.equal(textOf(sense.app, "t"), "Sense 336x336");
    const ionic = watch(APP_, { target: "higgs" });
    ionic.app.start();
    assert.equal(textOf(ionic.app, "t"), "Ionic 348x250");
  });
});

describe("SDK 5 views and modules the simulator does not emulate", () => {
  const documentOf = (view: string) =>
    createDocument(
      new Map([
        ["resources/index.view", Buffer.from(view)],
        ["resources/widget.defs", Buffer.from(DEFS)],
        ["resources/styles.css", Buffer.from("")],
      ]),
      "resources/index.view",
      "resources/widget.defs",
      { width: 300, height: 300 },
    );

  it("places $-relative positions after the previous sibling's end", () => {
    const doc = documentOf(`<svg>
      <rect id="a" x="10" y="20" width="50" height="30" />
      <rect id="b" x="$+4" y="$" width="10" height="10" />
      <rect id="c" x="$-2" y="$+6" width="10" height="10" />
      <rect id="d" x="50%" y="100%-20" width="10" height="10" /></svg>`);
    const at = (id: string): unknown[] => {
      const el = doc.getElementById(id);
      return [el?.numeric("x"), el?.numeric("y")];
    };
    assert.deepEqual(at("b"), [64, 50]);
    assert.deepEqual(at("c"), [72, 66]);
    assert.deepEqual(at("d"), [150, 280]); // percentages of this device's 300×300 screen
  });

  it("gives a module it does not emulate as an inert stand-in, and names it", () => {
    const { app, problems } = watch(`var Accelerometer = require("accelerometer").Accelerometer;
      var a = new Accelerometer({ frequency: 1 }); a.start(); a.onreading = function () {};
      require("haptics").vibration.start("bump");
      require("document").default.getElementById("t").text = "x" + a.x + require("jpeg").foo;`);
    app.start();
    assert.equal(textOf(app, "t"), "x");
    assert.deepEqual(problems, ["not emulated: accelerometer", "not emulated: haptics", "not emulated: jpeg"]);
  });

  it("reads live heart rate only with access_heart_rate, and the battery always", () => {
    const read = `var hr = require("heart-rate").HeartRateSensor; var t = require("document").default.getElementById("t");
      var s = hr ? new hr() : null; if (s) { s.onreading = function () { t.text = s.heartRate + " " + require("power").battery.chargeLevel; }; s.start(); }
      else t.text = "no sensor " + require("power").battery.chargeLevel;`;
    const granted = watch(read, { permissions: ["access_heart_rate"] });
    granted.app.start();
    assert.equal(textOf(granted.app, "t"), `${DEFAULT_WATCH.heartRate} ${DEFAULT_WATCH.batteryLevel}`);
    const denied = watch(read, { permissions: [] });
    denied.app.start();
    assert.equal(textOf(denied.app, "t"), `no sensor ${DEFAULT_WATCH.batteryLevel}`);
  });
});

describe("what SDK 4 faces use", () => {
  it("walks elements by firstChild and nextSibling", () => {
    const doc = createDocument(
      new Map([
        ["resources/index.gui", Buffer.from(`<svg><g id="row"><image id="i" /><text id="t">1</text></g></svg>`)],
      ]),
      "resources/index.gui",
      "resources/widgets.gui",
      { width: 300, height: 300 },
    );
    const row = doc.getElementById("row");
    assert.equal(row?.firstChild?.id, "i");
    assert.equal(row?.firstChild?.nextSibling?.id, "t");
    assert.equal(row?.firstChild?.nextSibling?.nextSibling, null);
  });

  it("names the heart-rate zone of a live reading", () => {
    const { app } = watch(`var user = require("user-profile").user;
      require("document").default.getElementById("t").text = [60, 100, 140, 170].map(user.heartRateZone).join(" ");`);
    app.start();
    assert.equal(textOf(app, "t"), "out-of-range fat-burn cardio peak");
  });
});
