import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Permissions } from "../src/runtime/permissions";
import { CompanionApp } from "../src/phone/companion-app";
import { SettingsStore } from "../src/phone/settings-store";
import { Activity } from "../src/runtime/activity";
import { MAX_MESSAGE_SIZE, PeerLink, SOCKET_BUFFER_BYTES } from "../src/runtime/peer-link";
import { VirtualClock } from "../src/runtime/virtual-clock";
import { parseScenario } from "../src/scenario";
import { createGettext } from "../src/watch/compiled-i18n";
import { createWatchFs } from "../src/watch/watch-fs";
import { encodeCbor } from "../src/cbor";
import { deviceOf } from "../src/devices";
import { DEFAULT_PHONE } from "../src/phone/location";

function link() {
  const arrived: number[] = [];
  const l = new PeerLink(
    new Activity(),
    () => 0,
    () => undefined,
    () => arrived.push(1),
  );
  return { l, arrived };
}

describe("emulated peer socket", () => {
  it("is closed unless watch app, companion and link are all up, and send then throws", () => {
    const { l } = link();
    l.watchRunning = true;
    const socket = l.companionSocket as unknown as { readyState: string; send(v: unknown): void };
    assert.equal(socket.readyState, "CLOSED");
    assert.throws(() => socket.send({ a: 1 }), /not open/);
    l.companionRunning = true;
    assert.equal(socket.readyState, "OPEN");
  });

  it("refuses a message whose CBOR is larger than MAX_MESSAGE_SIZE", () => {
    const { l } = link();
    l.watchRunning = l.companionRunning = true;
    const socket = l.companionSocket as unknown as { send(v: unknown): void };
    assert.throws(() => socket.send("x".repeat(MAX_MESSAGE_SIZE)), /exceeds MAX_MESSAGE_SIZE/);
  });
});

describe("emulated peer socket with a slow watch", () => {
  it("buffers messages for a watch that is not reading, fails past the buffer with BUFFER_FULL, and drains", async () => {
    const activity = new Activity();
    const l = new PeerLink(
      activity,
      () => 0,
      () => undefined,
      () => undefined,
    );
    l.watchRunning = l.companionRunning = true;
    l.update();
    const socket = l.companionSocket as unknown as {
      send(v: unknown): void;
      bufferedAmount: number;
      addEventListener(type: string, f: (e: { code?: string }) => void): void;
    };
    const heard: unknown[] = [];
    (
      l.watchSocket as unknown as { addEventListener(t: string, f: (e: { data: unknown }) => void): void }
    ).addEventListener("message", (e) => heard.push(e.data));
    const errors: string[] = [];
    socket.addEventListener("error", (e) => errors.push(String(e.code)));
    let drained = 0;
    socket.addEventListener("bufferedamountdecrease", () => drained++);
    l.setWatchBusy(true);
    for (let i = 0; i < 40; i++) socket.send({ i, pad: "x".repeat(80) });
    await activity.settle();
    assert.ok(socket.bufferedAmount > 0 && socket.bufferedAmount <= SOCKET_BUFFER_BYTES);
    assert.ok(errors.length > 0 && errors.every((c) => c === "BUFFER_FULL"));
    assert.equal(heard.length, 0);
    l.setWatchBusy(false);
    await activity.settle();
    assert.equal(socket.bufferedAmount, 0);
    assert.equal(drained, 1);
    assert.equal(heard.length, 40 - errors.length, "what fit in the buffer arrives, in order");
    assert.deepEqual((heard[0] as { i: number }).i, 0);
  });
});

describe("emulated outbox", () => {
  it("replaces a pending transfer of the same name, which becomes canceled", () => {
    const { l } = link();
    l.up = false;
    const first = l.enqueue("snapshot.cbor", new Uint8Array([1]));
    const second = l.enqueue("snapshot.cbor", new Uint8Array([2]));
    assert.equal(first.readyState, "canceled");
    assert.equal(second.readyState, "pending");
  });

  it("delivers queued files only when the link comes back, the newest one alone", () => {
    const { l, arrived } = link();
    l.up = false;
    l.enqueue("snapshot.cbor", new Uint8Array([1]));
    l.enqueue("snapshot.cbor", new Uint8Array([2]));
    l.update();
    assert.equal(l.staged.length, 0);
    l.up = true;
    l.update();
    assert.deepEqual(
      l.staged.map((f) => [...f.data]),
      [[2]],
    );
    assert.equal(arrived.length, 1);
  });

  it("rejects invalid file names", () => {
    const { l } = link();
    assert.throws(() => l.enqueue("../x", new Uint8Array([1])), /invalid file name/);
  });
});

describe("emulated settingsStorage", () => {
  it("tells the companion about the page's writes but not about its own", () => {
    const pageWrites: unknown[] = [];
    let companionWrites = 0;
    const store = new SettingsStore(
      (e) => pageWrites.push(e),
      () => companionWrites++,
    );
    const heard: unknown[] = [];
    store.companionSide.addEventListener("change", (e) => heard.push(e));
    store.companionSide.setItem("a", "1");
    store.pageSide.setItem("b", "2");
    assert.equal(companionWrites, 1);
    assert.deepEqual(pageWrites, [{ key: "b", oldValue: null, newValue: "2" }]);
    assert.deepEqual(heard, []);
  });
});

/** A companion app running `source`, with these permissions and manifest default wake interval. */
function companionApp(
  source: string,
  options: {
    settings?: SettingsStore;
    granted?: string[];
    defaultWakeInterval?: number;
    seen?: Array<number | undefined>;
  },
): CompanionApp {
  return new CompanionApp({
    source,
    link: link().l,
    settings:
      options.settings ??
      new SettingsStore(
        () => undefined,
        () => undefined,
      ),
    localStorage: new Map(),
    globals: {},
    now: () => 0,
    random: () => 0.5,
    onWakeInterval: (ms) => void options.seen?.push(ms),
    problem: (m) => assert.fail(m),
    permissions: new Permissions(options.granted ?? []),
    defaultWakeInterval: options.defaultWakeInterval,
    device: deviceOf("atlas"),
    phone: DEFAULT_PHONE,
    later: (callback) => callback(),
    notEmulated: (name) => assert.fail(`not emulated: ${name}`),
  });
}

describe("emulated companion", () => {
  it("refuses a wake interval under 300000 ms with a RangeError and keeps the old value", () => {
    const settings = new SettingsStore(
      () => undefined,
      () => undefined,
    );
    const seen: Array<number | undefined> = [];
    const source = `var me = require("companion").me; me.wakeInterval = 900000;
      try { me.wakeInterval = 1000; } catch (e) { require("settings").settingsStorage.setItem("error", e.name + ":" + me.wakeInterval); }`;
    const app = companionApp(source, { settings, seen });
    app.start({});
    assert.equal(settings.items.get("error"), "RangeError:900000");
    assert.deepEqual(seen, [900000]);
  });

  it("wakes at the manifest's default interval until the companion sets one", () => {
    const seen: Array<number | undefined> = [];
    const source = `var me = require("companion").me; require("settings").settingsStorage.setItem("w", String(me.wakeInterval));`;
    const app = companionApp(source, { defaultWakeInterval: 1800000, seen });
    app.start({});
    assert.deepEqual(seen, [1800000]);
  });

  it("launches with fileTransfer for a file from the watch only with run_background, and pops it", async () => {
    const settings = new SettingsStore(
      () => undefined,
      () => undefined,
    );
    const source = `var ft = require("file-transfer"); var me = require("companion").me;
      var s = require("settings").settingsStorage;
      s.setItem("reason", String(me.launchReasons.fileTransfer));
      ft.inbox.pop().then(function (item) { return item.cbor(); }).then(function (v) { s.setItem("got", JSON.stringify(v)); });`;
    const make = (granted: string[]) => companionApp(source, { settings, granted });
    const data = encodeCbor({ k: "w", t: 5 });
    const without = make([]);
    without.fileArrived("wake.cbor", data);
    assert.equal(without.running, false, "no launch without run_background");
    const withBackground = make(["run_background"]);
    withBackground.fileArrived("wake.cbor", data);
    assert.equal(withBackground.running, true);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settings.items.get("reason"), "true");
    assert.equal(settings.items.get("got"), JSON.stringify({ k: "w", t: 5 }));
  });
});

describe("emulated watch fs", () => {
  it("throws on a missing file and renames atomically", () => {
    const files = new Map<string, Buffer>();
    const fs = createWatchFs(files, () => 0);
    assert.throws(() => fs.readFileSync("nope.cbor", "cbor"), /Couldn't find file/);
    fs.writeFileSync("a.tmp", { v: 1 }, "cbor");
    fs.renameSync("a.tmp", "a.cbor");
    assert.deepEqual(fs.readFileSync("a.cbor", "cbor"), { v: 1 });
    assert.equal(fs.existsSync("a.tmp"), false);
  });
});

describe("virtual clock", () => {
  it("fires due timers in time order, ties in scheduling order, and repeats intervals", () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.schedule(() => fired.push("b"), 200, null, "x");
    clock.schedule(() => fired.push("a"), 100, 100, "x");
    clock.runDue(100);
    clock.runDue(200);
    assert.deepEqual(fired, ["a", "b", "a"]); // at a tie, the earlier scheduled timer runs first
  });
});

describe("scenario validation", () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ steps: "no" }, /steps must be an array/],
    [{ steps: [], timeZone: "Mars/Olympus" }, /timeZone "Mars\/Olympus" is not an IANA time zone/],
    [{ steps: [{ do: "advance" }] }, /steps\[0\]\.minutes must be a number/],
    [{ steps: [{ do: "jump" }] }, /steps\[0\]\.do "jump" is not a known action/],
    [{ steps: [], watch: { stepz: 1 } }, /watch\.stepz is not a known field/],
    [{ steps: [], start: "2026-11-24T07:30:00+01:00" }, /start must be local time/],
  ];
  for (const [value, message] of bad) {
    it(`names the bad field: ${String(message)}`, () => assert.throws(() => parseScenario(value), message));
  }
});

describe("emulated i18n", () => {
  it("translates through the compiled table the SDK writes, falling back to the msgid", async () => {
    const { TranslationLoader } = (await import("@fitbit/bison-i18n")) as unknown as {
      TranslationLoader: new () => {
        loadLanguage(l: string, po: string): { build(): { getLanguage(l: string): ArrayBuffer } };
      };
    };
    const table = new TranslationLoader()
      .loadLanguage("de-DE", 'msgid "Sign in on your phone"\nmsgstr "Am Handy anmelden"\n')
      .build()
      .getLanguage("de-DE");
    const files = new Map([["l/de-DE", Buffer.from(table)]]);
    const manifest = { i18n: { "de-de": { resources: "l/de-DE" } } };
    const gettext = createGettext(files, manifest, "de-DE");
    assert.equal(gettext("Sign in on your phone"), "Am Handy anmelden");
    assert.equal(gettext("Untranslated"), "Untranslated");
    assert.equal(createGettext(files, manifest, "de-AT")("Sign in on your phone"), "Am Handy anmelden");
  });
});
