import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Activity } from "../../sim/runtime/activity";
import { PeerLink } from "../../sim/runtime/peer-link";
import { runBundle } from "../../sim/runtime/run-bundle";
import { DEFAULT_WATCH } from "../../sim/scenario";
import { createDocument } from "../../sim/watch/emulated-document";
import { WatchApp } from "../../sim/watch/watch-app";

const VIEW = `<svg><defs><symbol id="badge"><text id="badge-text">hi</text></symbol></defs>
  <text id="t" class="big">--</text><use id="u" href="#badge" x="10" /></svg>`;
const DEFS = `<svg><defs><link rel="stylesheet" href="styles.css" /></defs></svg>`;
const CSS = `.big { font-size: 40; fill: #ff0000; } #t { fill: #00ff00; }`;
const APP = `var clock = require("clock").default; var doc = require("document").default;
  var inbox = require("file-transfer").inbox; var n = 0, files = 0;
  clock.granularity = "minutes";
  clock.addEventListener("tick", function () { n++; doc.getElementById("t").text = "ticks " + n; });
  inbox.addEventListener("newfile", function () { while (inbox.nextFile()) files++; doc.getElementById("badge-text").text = "files " + files; });`;

function watch(app_ = APP) {
  const files = new Map<string, Buffer>([
    ["app/index.js", Buffer.from(app_)],
    ["resources/index.view", Buffer.from(VIEW)],
    ["resources/widget.defs", Buffer.from(DEFS)],
    ["resources/styles.css", Buffer.from(CSS)],
  ]);
  const state = { displayOn: true };
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
    inputs: {
      setup: { ...DEFAULT_WATCH },
      language: "en-US",
      displayOn: () => state.displayOn,
      aodRequested: () => false,
      translate: (m) => m,
    },
    problem: (m) => problems.push(m),
  });
  return { app, state, link, problems };
}

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
    );
    assert.equal(doc.getElementById("t")?.value("fill"), "#00ff00");
    assert.equal(doc.getElementById("t")?.value("font-size"), "40");
    assert.equal(doc.getElementById("badge-text")?.text, "hi");
    assert.equal(doc.getElementById("badge-text")?.parent?.id, "u");
  });
});

describe("emulated watch app", () => {
  it("gets no clock ticks while the display is off", () => {
    const { app, state, problems } = watch();
    app.start();
    app.tick(new Date(60000));
    state.displayOn = false;
    app.tick(new Date(120000));
    assert.equal(app.document?.getElementById("t")?.text, "ticks 1");
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

  for (const call of ["(1234).toLocaleString()", "new Date(0).toLocaleDateString()", "'a'.localeCompare('b')"]) {
    it(`throws on ${call}, which needs Intl`, () => {
      assert.equal(probe(`try { ${call}; return "ran"; } catch (e) { return "threw"; }`, true), "threw");
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
