// The watch app's life: load the built bundle with a fresh document and modules, tick the clock
// on minute boundaries while the display is on, unload on restart.
import { Emitter } from "../runtime/events";
import { PeerLink } from "../runtime/peer-link";
import { runBundle } from "../runtime/run-bundle";
import { createDocument, EmulatedDocument } from "./emulated-document";
import { ViewElement } from "./view-element";
import { createWatchModules, WatchInputs } from "./watch-modules";
import { SensorHub } from "./sensors";

/** Where the watch bundle's files are and how to report problems. */
export interface WatchAppHost {
  files: Map<string, Buffer>;
  manifest: Record<string, unknown>;
  inputs: WatchInputs;
  link: PeerLink;
  storage: Map<string, Buffer>;
  now(): number;
  /** The watch's local readings of a date (its own time zone). */
  localize(date: Date): Date;
  timers: Record<string, unknown>;
  problem(message: string): void;
  /** The app required a module the simulator does not emulate. */
  notEmulated(name: string): void;
  console: Record<string, unknown>;
}

export class WatchApp {
  document: EmulatedDocument | null = null;
  private emitters = newEmitters();
  private readonly sensors: SensorHub;

  constructor(private readonly host: WatchAppHost) {
    this.sensors = new SensorHub(host.now);
  }

  get running(): boolean {
    return this.document !== null;
  }

  start(): void {
    const { files, manifest } = this.host;
    const main = stringOr(manifest.main, "app/index.js");
    this.emitters = newEmitters();
    Object.assign(this.emitters.clock, { granularity: "off" });
    const doc = createDocument(
      files,
      stringOr(manifest.svgMain, "resources/index.view"),
      stringOr(manifest.svgWidgets, "resources/widget.defs"),
      this.host.inputs.device.screen,
    );
    this.sensors.reset();
    this.document = doc;
    const modules = createWatchModules(
      this.host.inputs,
      doc,
      this.host.link,
      this.host.storage,
      this.host.now,
      this.emitters,
      this.sensors,
      (e) => this.uncaught(e),
    );
    const source = files.get(main);
    if (source === undefined) throw new Error(`watch bundle has no ${main}`);
    this.host.link.watchRunning = true;
    try {
      runBundle(source.toString("utf8"), main, {
        name: "watch",
        modules,
        globals: { ...this.host.timers, console: this.host.console },
        now: this.host.now,
        localize: this.host.localize,
        bare: true,
        notEmulated: (name) => this.host.notEmulated(name),
      });
    } catch (error) {
      this.uncaught(error);
    }
    // A face that asked for ticks gets its first one as it starts, so that it shows the time at
    // once (faces written from Fitbit's template rely on it: they draw only in `ontick`).
    this.tick(new Date(this.host.now()), true);
    this.host.link.update();
  }

  stop(): void {
    if (!this.running) return;
    this.emitters.appbit.emit("unload", {}, (e) => this.host.problem(`watch: ${describe(e)}`));
    this.document = null;
    this.sensors.reset();
    this.host.link.watchRunning = false;
    this.host.link.update();
  }

  /** The bundle's resources (images are drawn from them). */
  get files(): Map<string, Buffer> {
    return this.host.files;
  }

  /** What the display module tells the app: on (also in AOD) and in AOD. */
  get screen(): { on: boolean; aod: boolean } {
    const display = this.emitters.display as unknown as { on: boolean; aodActive: boolean };
    return { on: this.running && display.on, aod: this.running && display.aodActive };
  }

  /** A minute (or second) boundary passed: tick if the display is on and granularity asks. */
  tick(date: Date, starting = false): void {
    const granularity = (this.emitters.clock as unknown as { granularity: string }).granularity;
    if (!this.running || !(this.screen.on || this.screen.aod) || granularity === "off") return;
    // In AOD the platform ticks once a minute whatever the granularity.
    if (this.screen.aod && date.getTime() % 60000 !== 0 && !starting) return;
    this.emitters.clock.emit("tick", { date: this.host.localize(date) }, (e) => this.uncaught(e));
    this.sensors.report();
  }

  displayChanged(): void {
    if (this.running) this.emitters.display.emit("change", {}, (e) => this.uncaught(e));
  }

  /** The sleep detection's state changed: the module tells the app only while the display is on. */
  sleepChanged(): void {
    if (this.running && this.screen.on && !this.screen.aod)
      this.emitters.sleep.emit("change", {}, (e) => this.uncaught(e));
  }

  filesArrived(): void {
    if (this.running) this.emitters.inbox.emit("newfile", {}, (e) => this.uncaught(e));
  }

  private uncaught(error: unknown): void {
    this.host.problem(`watch: uncaught ${describe(error)}`);
  }

  /** A tap at a point: the topmost visible element there that handles clicks (itself or a parent). */
  tapAt(x: number, y: number): string | null {
    const root = this.document?.root;
    if (root === undefined) return null;
    const hits = [root, ...root.descendants()].filter((el) => {
      if (!el.isVisible() || el.type === "svg" || el.type === "g" || el.type === "section") return false;
      const box = el.getBBox();
      return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    });
    for (const el of hits.reverse()) {
      const clicked = this.click(el, { screenX: x, screenY: y });
      if (clicked !== null) return clicked.id || clicked.type;
    }
    return null;
  }

  tap(id: string): boolean {
    return this.click(this.document?.getElementById(id) ?? null, {}) !== null;
  }

  /** A click on an element reaches the nearest one, itself or a parent, that handles clicks. */
  private click(target: ViewElement | null, event: Record<string, unknown>): ViewElement | null {
    for (let node = target; node !== null; node = node.parent) {
      if (typeof node.onclick === "function" || node.hasListeners("click")) {
        node.emit("click", event, (e) => this.uncaught(e));
        return node;
      }
    }
    return null;
  }
}

function newEmitters() {
  return {
    clock: new Emitter(),
    display: new Emitter(),
    inbox: new Emitter(),
    appbit: new Emitter(),
    sleep: new Emitter(),
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
