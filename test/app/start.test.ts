import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { WORKED_EXAMPLE_COLUMNS, workedExampleNight } from "../helpers/samples";
import { ViewElement, WatchDeps } from "../../app/deps";
import { start } from "../../app/start";
import { SleepState } from "../../app/wake-watch";
import { defaultOptions, OPTIONS } from "../../common/options";
import { THEMES } from "../../common/themes";
import { encodeSnapshot, Snapshot } from "../../common/snapshot";
import { SyncStatus } from "../../common/sync-status";
import { createDocument, decodeCbor, deviceOf, encodeCbor } from "fitbit-os-sim";
import { aodStyles, aodView } from "../../tools/build-variant";
import { drawAod } from "../../app/aod-face";
import { watchGettext } from "../helpers/po";

const ROOT = join(__dirname, "..", "..");
const resource = (f: string) => readFileSync(join(ROOT, "resources", f), "utf8");

/**
 * The elements of resources/index.view with their geometry and classes, as the face finds them:
 * the authorized always-on build's view (the default view with the always-on layout inserted, as
 * tools/build-variant.ts makes it), so both layouts can be tested.
 */
const VIEW = createDocument(
  new Map<string, Buffer>([
    ["resources/index.view", Buffer.from(aodView(ROOT, resource("index.view")))],
    ["resources/widget.defs", Buffer.from(resource("widget.defs"))],
    ["resources/styles.css", Buffer.from(aodStyles(ROOT, resource("styles.css")))],
  ]),
  "resources/index.view",
  "resources/widget.defs",
  deviceOf("atlas").screen,
);

function viewIds(node: { id: string; children: Array<{ id: string; children: unknown[] }> }): string[] {
  return [node.id, ...node.children.flatMap((c) => viewIds(c as typeof node))].filter((id) => id !== "");
}
const IDS = viewIds(VIEW.root);

/** How often the face measured a text (getBBox costs on the watch). */
const measured = { count: 0 };

/** A fake element starting from the view's own values; counts text writes. */
function element(id: string): ViewElement & { writes: number } {
  const source = VIEW.getElementById(id);
  if (source === null) throw new Error(`no #${id} in index.view`);
  const el = {
    writes: 0,
    width: Number(source.value("width") ?? 0),
    height: Number(source.value("height") ?? 0),
    x: Number(source.value("x") ?? 0),
    y: Number(source.value("y") ?? 0),
    sweepAngle: Number(source.value("sweep-angle") ?? 0),
    class: source.class,
    href: source.href,
    style: { opacity: 1, fill: "", display: "inline" },
    _text: "",
    // about 10 px per character: enough for the face's centring, which the simulator measures exactly
    getBBox: () => {
      measured.count++;
      return { x: el.x, width: el._text.length * 10 };
    },
  };
  return Object.defineProperty(el, "text", {
    get: () => el._text,
    set: (v: string) => {
      el.writes++;
      el._text = v;
    },
  }) as unknown as ViewElement & { writes: number };
}

/** A behavioural fake watch: document, ticking clock, display, inbox, socket and fs in memory. */
function fakeWatch(now: Date) {
  const elements = new Map(IDS.map((id) => [id, element(id)]));
  const files = new Map<string, Buffer>();
  const inbox: string[] = [];
  const listeners = {
    tick: [] as Array<(e: { date: Date }) => void>,
    display: [] as Array<() => void>,
    message: [] as Array<(d: unknown) => void>,
    newfile: [] as Array<() => void>,
    sleep: [] as Array<() => void>,
  };
  const sent: unknown[] = [];
  const w = {
    now,
    displayOn: true,
    aod: false,
    sleep: null as SleepState, // no access_sleep unless a test grants it
    recentSteps: 0 as number | undefined,
    sentFiles: [] as Array<{ name: string; value: unknown }>,
    socketOpen: false,
    steps: 8421 as number | undefined,
    floors: 5 as number | undefined,
    language: "en-US",
    deviceUnits: "metric",
    sent,
    files,
    tap: (): void => undefined,
    tapSleep: (): void => undefined,
    el: (id: string) => elements.get(id),
    text: (id: string) => elements.get(id)?.text,
    writes: (id: string) => elements.get(id)?.writes ?? 0,
    tick: (date: Date) => listeners.tick.forEach((l) => l({ date })),
    deliverFile: (name: string, value: unknown) => {
      files.set(name, encodeCbor(value));
      inbox.push(name);
      listeners.newfile.forEach((l) => l());
    },
    message: (data: unknown) => listeners.message.forEach((l) => l(data)),
    setDisplay: (on: boolean) => {
      w.displayOn = on;
      listeners.display.forEach((l) => l());
    },
    setSleep: (state: SleepState) => {
      w.sleep = state;
      listeners.sleep.forEach((l) => l());
    },
  };
  const deps: WatchDeps = {
    clock: { granularity: "off", addEventListener: (_t, l) => listeners.tick.push(l) },
    document: { getElementById: (id) => elements.get(id) ?? null },
    userSettings: {
      preferences: { clockDisplay: "24h" },
      locale: {
        get language() {
          return w.language;
        },
      },
      units: {
        get distance() {
          return w.deviceUnits;
        },
      },
    },
    now: () => w.now,
    activity: {
      read: () => ({
        steps: w.steps,
        stepsGoal: 10000,
        azm: 11,
        azmGoal: 22,
        calories: 1234,
        distanceMeters: 3100,
        floors: w.floors,
      }),
    },
    files: {
      existsSync: (n) => files.has(n),
      readFileSync: (n) => decodeCbor(files.get(n) ?? Buffer.alloc(0)),
      writeFileSync: (n, d) => void files.set(n, encodeCbor(d)),
      renameSync: (a, b) => {
        files.set(b, files.get(a) ?? Buffer.alloc(0));
        files.delete(a);
      },
      unlinkSync: (n) => void files.delete(n),
    },
    nextFile: () => inbox.shift(),
    onNewFile: (l) => listeners.newfile.push(l),
    peer: {
      isOpen: () => w.socketOpen,
      send: (v) => void sent.push(v),
      onMessage: (l) => listeners.message.push(l),
      onOpen: () => undefined,
    },
    display: {
      get on() {
        return w.displayOn;
      },
      get aodActive() {
        return w.aod;
      },
      addEventListener: (_type, l) => void listeners.display.push(l),
    },
    aod: drawAod,
    sleepState: () => w.sleep,
    battery: { chargeLevel: 64 },
    recentSteps: () => w.recentSteps,
    onSleepChange: (l) => void listeners.sleep.push(l),
    sendFile: (name, value) => void w.sentFiles.push({ name, value }),
    warn: () => undefined,
    gettext: (m) => watchGettext(w.language)(m),
    tapTarget: { onclick: null },
    sleepTarget: { onclick: null },
  };
  w.tap = () => (deps.tapTarget?.onclick as ((e: never) => void) | null)?.(undefined as never);
  w.tapSleep = () => (deps.sleepTarget?.onclick as ((e: never) => void) | null)?.(undefined as never);
  return { w, deps };
}

const NOW = new Date(2026, 10, 24, 9, 0);
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  generatedAt: NOW.getTime() / 1000 - 60,
  epoch: 7,
  sequence: 5,
  lastSyncAt: NOW.getTime() / 1000 - 12 * 60,
  nextCallAt: NOW.getTime() / 1000 + 30 * 60,
  status: SyncStatus.Ok,
  night: workedExampleNight(20261124),
  nights: [400, 410, 420, 430, 440, 450, 421],
  steps: [1, 2, 3, 4, 5, 6, 7],
  restingHeartRate: 58,
  options: defaultOptions(),
  ...over,
});

describe("watch face", () => {
  it("shows time, date and live steps at once, and -- for what it does not know", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    assert.deepEqual(["time", "date", "steps", "sleep", "rhr", "status"].map(w.text), [
      "09:00",
      "Tue, Nov 24",
      "8,421",
      "--",
      "--",
      "Sign in on your phone",
    ]);
  });

  it("shows the battery's charge through the catalogue's percentage ({n}%: \"64 %\" in fr-FR)", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    assert.equal(w.text("battery"), "64%");
  });

  it("shows a snapshot received as a file: sleep, bedtime, resting heart rate, status", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    assert.deepEqual(["sleep", "bedtime", "rhr", "status"].map(w.text), [
      "7h 01m",
      "23:04–06:52",
      "58 at rest",
      "", // all as planned: the status line says nothing
    ]);
  });

  it("shows a nap as a nap, not as a night, when it is the only sleep of the day", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    const nap = { ...workedExampleNight(20261124), minutesAsleep: 80, nap: true };
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ night: nap })));
    assert.equal(w.text("sleep"), "1h 20m");
    assert.equal(w.text("bedtime"), "Nap 23:04–06:52");
    assert.equal(w.el("sleep-icon")?.href, "glyphs/nap.png");
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 6 })));
    assert.equal(w.text("bedtime"), "23:04–06:52");
    assert.equal(w.el("sleep-icon")?.href, "glyphs/sleep.png");
  });

  it("drains files that arrived while the face was not running, at start", () => {
    const { w, deps } = fakeWatch(NOW);
    w.files.set("snapshot.cbor", encodeCbor(encodeSnapshot(snapshot())));
    (deps as { nextFile: () => string | undefined }).nextFile = (() => {
      let given = false;
      return () => (given ? undefined : ((given = true), "snapshot.cbor"));
    })();
    start(deps);
    assert.equal(w.text("sleep"), "7h 01m");
  });

  it("keeps the newest snapshot when an older message arrives after a file", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    w.message({ k: "s", s: encodeSnapshot(snapshot({ sequence: 4, night: null })) });
    assert.equal(w.text("sleep"), "7h 01m");
  });

  it("does no drawing while the display is off and catches up when it comes on", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.setDisplay(false);
    const writes = w.writes("time");
    w.tick(new Date(2026, 10, 24, 9, 1));
    assert.equal(w.writes("time"), writes);
    w.now = new Date(2026, 10, 24, 9, 5);
    w.setDisplay(true);
    assert.equal(w.text("time"), "09:05");
  });

  it("does not rewrite a text that did not change", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    const writes = w.writes("date");
    w.tick(new Date(2026, 10, 24, 9, 1));
    assert.equal(w.writes("date"), writes);
  });

  it("asks an open companion for a refresh once its plan is overdue, and less often while nothing comes", () => {
    const { w, deps } = fakeWatch(NOW);
    const overdue = { lastSyncAt: NOW.getTime() / 1000 - 3600, nextCallAt: NOW.getTime() / 1000 - 40 * 60 };
    w.files.set("last.cbor", encodeCbor(encodeSnapshot(snapshot(overdue))));
    w.socketOpen = true;
    start(deps);
    w.setDisplay(false);
    w.setDisplay(true);
    w.setDisplay(false);
    w.setDisplay(true);
    assert.deepEqual(w.sent[0], { k: "h", s: 0 }, "the hello: this watch has no access_sleep");
    assert.deepEqual(
      w.sent.filter((m) => (m as { k: string }).k === "r"),
      [{ k: "r" }],
    );
  });

  it("rolls the date over at midnight and keeps the night, now named by the day it ended, until a newer one arrives", () => {
    const { w, deps } = fakeWatch(new Date(2026, 10, 24, 23, 59));
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    w.now = new Date(2026, 10, 25, 0, 0);
    w.tick(w.now);
    assert.equal(w.text("date"), "Wed, Nov 25");
    assert.equal(w.text("sleep"), "Tue 7h 01m");
    assert.equal(w.el("sleep")?.style.opacity ?? 1, 1); // never dimmed
  });
});

describe("watch face complication, units, language and theme", () => {
  it("cycles zone minutes, calories, distance, floors and last night's efficiency on tap", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    const seen = [w.text("complication")];
    for (let i = 0; i < 5; i++) {
      w.tap();
      seen.push(w.text("complication"));
    }
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    w.tap();
    w.tap();
    w.tap();
    w.tap();
    seen.push(w.text("complication"));
    assert.deepEqual(seen, ["11/22", "1,234 kcal", "3.1 km", "5 floors", "Efficiency --%", "11/22", "Efficiency 90%"]);
  });

  it("skips floors on a watch without a barometer", () => {
    const { w, deps } = fakeWatch(NOW);
    w.floors = undefined;
    start(deps);
    w.tap();
    w.tap();
    w.tap();
    assert.equal(w.text("complication"), "Efficiency --%");
    w.tap();
    assert.equal(w.text("complication"), "11/22");
  });

  it("shows miles when the options say imperial, or the device does on auto", () => {
    const { w, deps } = fakeWatch(NOW);
    w.deviceUnits = "us";
    start(deps);
    w.tap();
    w.tap();
    assert.equal(w.text("complication"), "1.9 mi");
  });

  it("writes date, numbers and status in the device language", () => {
    const { w, deps } = fakeWatch(NOW);
    w.language = "de-DE";
    start(deps);
    assert.deepEqual(["date", "steps", "status"].map(w.text), ["Di, 24. Nov", "8.421", "Am Handy anmelden"]);
  });

  it("colours the rings with the theme from the options", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ options: { ...defaultOptions(), theme: 3 } })));
    assert.equal(w.el("ring")?.style.fill, "#ff7043");
    assert.equal(w.el("azm-ring")?.style.fill, "#ffca28");
  });

  it("draws the progress rings from live steps and zone minutes", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    assert.equal(w.el("ring")?.sweepAngle, Math.round(0.8421 * 270));
    assert.equal(w.el("azm-ring")?.sweepAngle, 135);
  });
});

describe("watch face measuring", () => {
  it("measures a text only when it changed, not on every minute", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    const before = measured.count;
    w.tick(NOW);
    w.tick(NOW); // the same texts: nothing to measure (a new minute may change the status line)
    assert.equal(measured.count, before);
    w.tap(); // another complication: its text is measured again to centre it with its glyph
    assert.equal(measured.count, before + 1);
  });
});

describe("watch face status size", () => {
  it("keeps one size for every status line: the words are short enough, never the type smaller", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ status: SyncStatus.Retired })));
    assert.equal(w.text("status"), "Sign in with Google on your phone");
    assert.equal(w.el("status")?.class, "status");
  });
});

describe("watch face: what the watch knows about the morning", () => {
  const at = (h: number, m = 0) => new Date(2026, 10, 24, h, m);
  const overnight = () => {
    const { w, deps } = fakeWatch(new Date(2026, 10, 23, 23, 0));
    w.files.set("last.cbor", encodeCbor(encodeSnapshot(snapshot({ night: workedExampleNight(20261123) }))));
    w.sleep = "awake";
    w.steps = 0;
    start(deps);
    return { w, deps };
  };

  it("tells the companion once when the sleep state turns awake after asleep, by file while the socket is closed", () => {
    const { w } = overnight();
    w.now = at(2, 0);
    w.setSleep("asleep");
    w.now = at(6, 31);
    w.setSleep("awake");
    assert.deepEqual(w.sentFiles, [{ name: "wake.cbor", value: { k: "w", t: at(6, 31).getTime() / 1000 } }]);
    w.now = at(6, 40);
    w.setSleep("asleep");
    w.setSleep("awake");
    assert.equal(w.sentFiles.filter((f) => f.name === "wake.cbor").length, 1, "once a day");
  });

  it("takes the first look after a dark night as the wake-up when the state reads awake", () => {
    const { w } = overnight();
    w.setDisplay(false);
    w.now = at(7, 5);
    w.socketOpen = true;
    w.setDisplay(true);
    assert.deepEqual(w.sent[0], { k: "w", t: at(7, 5).getTime() / 1000 });
  });

  it("takes the morning's first steps (40 in the last 10 minutes) as the wake-up", () => {
    const { w } = overnight();
    w.now = at(6, 50);
    w.recentSteps = 12;
    w.tick(w.now);
    assert.equal(w.sentFiles.length, 0, "awake but no sign of a morning yet");
    w.recentSteps = 60;
    w.now = at(6, 51);
    w.tick(w.now);
    assert.equal(w.sentFiles[0]?.name, "wake.cbor");
  });

  it("says nothing at night or in the afternoon, and nothing without access_sleep", () => {
    const { w } = overnight();
    w.recentSteps = 500;
    w.setSleep("asleep");
    w.now = at(1, 30);
    w.setSleep("awake");
    w.now = at(15, 0);
    w.tick(w.now);
    const wakes = (files: Array<{ name: string }>) => files.filter((f) => f.name === "wake.cbor").length;
    assert.equal(wakes(w.sentFiles), 0);
    const other = overnight();
    other.w.sleep = null;
    other.w.recentSteps = 500;
    other.w.now = at(7, 0);
    other.w.tick(other.w.now);
    assert.equal(wakes(other.w.sentFiles), 0);
  });

  it("reads the step history on a minute tick only in the morning, before today's wake signal", () => {
    const { w, deps } = overnight();
    let reads = 0;
    deps.recentSteps = () => (reads++, 60);
    for (const [h, m] of [
      [1, 0],
      [15, 0],
      [23, 30],
    ]) {
      w.now = at(h, m);
      w.tick(w.now);
    }
    assert.equal(reads, 0, "not at night, not in the afternoon");
    w.now = at(7, 0);
    w.tick(w.now);
    assert.equal(reads, 1);
    w.now = at(7, 1);
    w.tick(w.now);
    assert.equal(reads, 1, "not after today's signal");
  });

  it("asks for a refresh every interval while last night is awaited after waking, then stops when it arrives", () => {
    const { w } = overnight();
    w.setSleep("asleep");
    w.now = at(6, 31);
    w.setSleep("awake");
    const asks = () => w.sentFiles.filter((f) => f.name === "refresh.cbor").length;
    for (let minute = 32; minute <= 75; minute++) {
      w.now = at(6, minute);
      w.tick(w.now);
    }
    assert.equal(asks(), 3, "at 06:32, 06:47 and 07:02");
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 9 })));
    for (let minute = 16; minute <= 59; minute++) {
      w.now = at(7, minute);
      w.tick(w.now);
    }
    assert.equal(asks(), 3, "last night is in: no more asks");
  });
});

describe("watch face without its permissions", () => {
  it("shows unknown activity instead of crashing when access_activity is revoked", () => {
    const { w, deps } = fakeWatch(NOW);
    deps.activity = {
      read: () => {
        throw new Error("Permission denied: access_activity");
      },
    };
    start(deps);
    assert.equal(w.text("steps"), "--");
    w.tap();
    w.tick(NOW);
    assert.equal(w.text("time"), "09:00");
  });
});

describe("always-on display", () => {
  const enterAod = (w: ReturnType<typeof fakeWatch>["w"]) => {
    w.aod = true;
    w.setDisplay(true);
  };

  it("switches to the minimal layout: time, date and last night's duration, nothing else shown", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    enterAod(w);
    assert.equal(w.el("face-main")?.style.display, "none");
    assert.equal(w.el("face-aod")?.style.display, "inline");
    assert.deepEqual(["aod-time", "aod-date", "aod-sleep"].map(w.text), ["09:00", "Tue, Nov 24", "7h 01m"]);
    assert.equal(deps.clock.granularity, "minutes");
    w.aod = false;
    w.setDisplay(true);
    assert.equal(w.el("face-main")?.style.display, "inline");
    assert.equal(w.el("face-aod")?.style.display, "none");
  });

  it("does no other work: no sensor reads, no refresh asks, no redraw on data or taps until the minute tick", () => {
    const { w, deps } = fakeWatch(NOW);
    let reads = 0;
    const activity = deps.activity;
    deps.activity = { read: () => (reads++, activity.read()) };
    start(deps);
    w.socketOpen = true;
    enterAod(w);
    const before = { reads, sent: w.sent.length, steps: w.writes("steps") };
    w.now = new Date(NOW.getTime() + 3 * 3600 * 1000);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    w.tap();
    assert.equal(w.text("aod-sleep"), "--", "a new snapshot waits for the next minute");
    w.tick(w.now);
    assert.equal(w.text("aod-sleep"), "7h 01m");
    assert.equal(w.text("aod-time"), "12:00");
    assert.deepEqual({ reads, sent: w.sent.length, steps: w.writes("steps") }, before);
    // back on the wrist: the full face, fresh figures and a refresh request for the old data
    w.aod = false;
    w.setDisplay(true);
    assert.ok(reads > before.reads);
    assert.ok(w.sent.length > before.sent);
  });

  it("draws the always-on layout also where display.on reads false while aodActive (undocumented)", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    w.aod = true;
    w.setDisplay(false); // aodActive with on === false
    assert.equal(w.el("face-aod")?.style.display, "inline");
    assert.equal(deps.clock.granularity, "minutes");
    w.now = new Date(NOW.getTime() + 60000);
    w.tick(w.now);
    assert.equal(w.text("aod-time"), "09:01");
  });

  it("draws nothing in always-on display without the authorized build's layout", () => {
    const { w, deps } = fakeWatch(NOW);
    deps.aod = null;
    start(deps);
    const writes = w.writes("time");
    w.aod = true;
    w.setDisplay(false);
    assert.equal(deps.clock.granularity, "off", "the watch shows its own always-on clock");
    w.tick(new Date(NOW.getTime() + 60000));
    assert.equal(w.writes("time"), writes);
  });

  it("shows a nap with its own glyph in always-on too", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ night: { ...workedExampleNight(20261124), nap: true } })));
    enterAod(w);
    assert.equal(w.el("aod-sleep-icon")?.href, "glyphs/nap.png");
  });
});

describe("watch themes", () => {
  it("has one colour theme for each theme the settings page offers", () => {
    assert.equal(THEMES.length, OPTIONS.theme.values.length);
  });
});

describe("watch face layout from index.view", () => {
  const geometry = (id: string, name: string) => Number(VIEW.getElementById(id)?.value(name));
  const barBottom = geometry("bar-0", "y") + geometry("bar-0", "height");
  const barMax = geometry("bar-0", "height");

  it("draws the hypnogram: each column in its stage's row and colour, awake on top", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    assert.equal(w.el("hypnogram")?.style.display, "inline");
    const names = ["stage-deep row-0", "stage-light row-1", "stage-rem row-2", "stage-awake row-3"];
    WORKED_EXAMPLE_COLUMNS.split("").forEach((stage, i) =>
      assert.equal(w.el(`hyp-${i}`)?.class, names[Number(stage)], `column ${i}`),
    );
    // The rows' heights come from the stylesheet: awake highest, deep lowest, 16 px or more apart.
    const column = VIEW.getElementById("hyp-0");
    const rowY = (row: number) => {
      if (column === null) throw new Error("no #hyp-0");
      column.class = names[row];
      return column.numeric("y");
    };
    assert.ok(rowY(3) < rowY(2) && rowY(2) < rowY(1) && rowY(1) < rowY(0), "awake on top, deep at the bottom");
    assert.ok(rowY(0) + geometry("hyp-0", "height") - rowY(3) >= 16, "at least 16 px tall");
    if (column !== null) column.class = "";
  });

  it("hides the hypnogram for a night without one, and for no night", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile(
      "snapshot.cbor",
      encodeSnapshot(snapshot({ night: { ...workedExampleNight(20261124), hypnogram: null } })),
    );
    assert.equal(w.el("hypnogram")?.style.display, "none");
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 6, night: null })));
    assert.equal(w.el("hypnogram")?.style.display, "none");
  });

  it("lists the minutes per stage on a tap of the sleep block, and the face again on the next tap or look", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    assert.equal(w.el("stage-list")?.style.display, "none");
    w.tapSleep();
    assert.equal(w.el("stage-list")?.style.display, "inline");
    assert.equal(w.el("lower")?.style.display, "none");
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => w.text(`stage-${i}`)),
      ["Deep  1h 15m", "Light  4h 00m", "REM  1h 46m", "Awake  0h 47m"],
    );
    w.tapSleep();
    assert.equal(w.el("stage-list")?.style.display, "none");
    assert.equal(w.el("lower")?.style.display, "inline");
    w.tapSleep();
    w.setDisplay(false);
    w.setDisplay(true);
    assert.equal(w.el("stage-list")?.style.display, "none", "a new look starts on the face");
  });

  it("lists a classic night as asleep, restless and awake, with no deep line", () => {
    const { w, deps } = fakeWatch(NOW);
    w.language = "de-DE";
    start(deps);
    const classic = {
      ...workedExampleNight(20261124),
      split: { kind: "classic" as const, asleep: 300, restless: 30, awake: 30 },
    };
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ night: classic })));
    w.tapSleep();
    assert.equal(w.el("swatch-0")?.style.display, "none");
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => w.text(`stage-${i}`)),
      ["", "Schlaf  5 h 00 min", "Unruhig  0 h 30 min", "Wach  0 h 30 min"],
    );
  });

  it("shows no stage list without a night", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ night: null })));
    w.tapSleep();
    assert.equal(w.el("stage-list")?.style.display, "none");
    assert.equal(w.el("lower")?.style.display, "inline");
  });

  it("sets last night against the goal from the settings, and a nap against none", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    assert.equal(w.text("sleep"), "7h 01m");
    assert.equal(w.text("sleep-goal"), "/ 8h");
    const options = { ...defaultOptions(), sleepGoal: 450 };
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 6, options })));
    assert.equal(w.text("sleep-goal"), "/ 7h 30m");
    const nap = { ...workedExampleNight(20261124), nap: true };
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 7, night: nap })));
    assert.equal(w.text("sleep-goal"), "");
  });

  it("names the days under the bars, today last, and gives their place to the status line when it speaks", () => {
    const { w, deps } = fakeWatch(NOW); // Tuesday
    start(deps);
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot()));
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => w.text(`day-${i}`)),
      ["W", "T", "F", "S", "S", "M", "T"],
    );
    // The watch's language changes: the next minute names the days in it.
    w.language = "de-DE";
    w.tick(new Date(NOW.getTime() + 60000));
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => w.text(`day-${i}`)),
      ["M", "D", "F", "S", "S", "M", "D"],
    );
    w.language = "en-US";
    assert.equal(w.text("status"), "");
    assert.equal(w.el("days")?.style.display, "inline");
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ sequence: 6, status: SyncStatus.Reauth })));
    assert.notEqual(w.text("status"), "");
    assert.equal(w.el("days")?.style.display, "none");
  });

  it("draws the goal across the bars, scaled with the week to the larger of the two", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    const nights = [300, 300, 300, 300, 300, 300, 240];
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ nights })));
    assert.equal(w.el("goal-line")?.y, barBottom - barMax, "an 8 h goal over a week of 5 h nights is the top");
    assert.equal(w.el("bar-0")?.height, Math.round((300 / 480) * barMax));
    assert.equal(w.el("trend-icon")?.href, "glyphs/sleep.png");
    const steps = { ...defaultOptions(), trend: "steps" as const };
    w.deliverFile(
      "snapshot.cbor",
      encodeSnapshot(snapshot({ sequence: 6, options: steps, steps: [20000, 5000, 5000, 5000, 5000, 5000, 5000] })),
    );
    // Steps goal 10,000 (the watch's own), the week's top 20,000.
    assert.equal(w.el("goal-line")?.y, barBottom - Math.round(0.5 * barMax));
    assert.equal(w.el("trend-icon")?.href, "glyphs/steps.png");
  });

  it("scales the weekly bars to the tallest from their common bottom, and leaves unknown days empty", () => {
    const { w, deps } = fakeWatch(NOW);
    start(deps);
    const nights = [null, 300, 420, null, 480, 1, 421];
    w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ nights })));
    nights.forEach((minutes, i) => {
      const height = minutes === null ? 0 : Math.max(2, Math.round((minutes / 480) * barMax));
      assert.equal(w.el(`bar-${i}`)?.height, height, `bar-${i} height`);
      assert.equal(w.el(`bar-${i}`)?.y, barBottom - height, `bar-${i} y`);
    });
  });

  it("touches only elements index.view has, in every complication, theme, trend and status", () => {
    for (const theme of [0, 1, 2, 3])
      for (const trend of ["sleep", "steps"] as const) {
        const { w, deps } = fakeWatch(NOW);
        start(deps);
        const options = { ...defaultOptions(), theme, trend };
        w.deliverFile("snapshot.cbor", encodeSnapshot(snapshot({ options, status: SyncStatus.Retired })));
        for (let i = 0; i < 6; i++) w.tap(); // a missing element would throw here (app/face.ts)
        assert.ok(IDS.length > 20);
      }
  });
});
