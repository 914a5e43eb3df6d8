// The companion's life (docs/reference/fitbit-os.md §5): launched with launchReasons, or sent the matching
// event when already running; `me.wakeInterval` refuses values under 300000 ms.
import { decodeCbor, encodeCbor } from "../cbor";
import { Emitter } from "../runtime/events";
import { PeerLink } from "../runtime/peer-link";
import { Permissions } from "../runtime/permissions";
import { runBundle } from "../runtime/run-bundle";
import { SettingsStore } from "./settings-store";
import { createLocationModules, PhoneSetup } from "./location";
import { DeviceInfo } from "../devices";

export const MIN_WAKE_INTERVAL = 300000;

/** What the companion runtime needs from the simulator. */
export interface CompanionHost {
  source: string;
  link: PeerLink;
  settings: SettingsStore;
  localStorage: Map<string, string>;
  globals: Record<string, unknown>;
  now(): number;
  random(): number;
  onWakeInterval(ms: number | undefined): void;
  problem(message: string): void;
  permissions: Permissions;
  /** The manifest's `defaultWakeInterval` (package.json `companionDefaultWakeInterval`), if any. */
  defaultWakeInterval: number | undefined;
  /** The watch the phone is paired with (`peer.device`). */
  device: DeviceInfo;
  /** Where the phone is (geolocation, weather). */
  phone: PhoneSetup;
  /** Runs a callback later, as the phone's platform calls back (a timer of the companion). */
  later(callback: () => void): void;
  /** The companion required a module the simulator does not emulate. */
  notEmulated(name: string): void;
}

/** An `InboxItem` of the companion's inbox (a file from the watch). */
function inboxItem(name: string, data: Buffer) {
  let used = false;
  const body = <T>(read: () => T): Promise<T> => {
    if (used) return Promise.reject(new TypeError("body already used"));
    used = true;
    return Promise.resolve(read());
  };
  return {
    name,
    length: data.length,
    get bodyUsed() {
      return used;
    },
    arrayBuffer: () => body(() => new Uint8Array(data).buffer),
    cbor: () => body(() => decodeCbor(data)),
    json: () => body((): unknown => JSON.parse(data.toString("utf8"))),
    text: () => body(() => data.toString("utf8")),
  };
}

export type LaunchReasons = Partial<
  Record<"peerAppLaunched" | "settingsChanged" | "wokenUp" | "fileTransfer", boolean>
>;

export class CompanionApp {
  running = false;
  private me = new Emitter();
  private inbox = new Emitter();
  private wakeInterval: number | undefined = undefined;
  private started = false;
  /** Files from the watch not yet popped: they wait while the companion is not running. */
  private readonly arrived: Array<{ name: string; data: Buffer }> = [];

  constructor(private readonly host: CompanionHost) {}

  start(reasons: LaunchReasons): void {
    if (!this.started) {
      // The manifest's default holds until the companion sets an interval of its own.
      this.started = true;
      this.wakeInterval = this.host.defaultWakeInterval;
      if (this.wakeInterval !== undefined) this.host.onWakeInterval(this.wakeInterval);
    }
    this.me = this.createMe(reasons);
    this.inbox = Object.assign(new Emitter(), {
      pop: () => {
        const file = this.arrived.shift();
        return Promise.resolve(file === undefined ? undefined : inboxItem(file.name, file.data));
      },
    });
    this.host.settings.companionSide.removeAllListeners();
    this.host.link.companionSocket.removeAllListeners();
    this.running = true;
    this.host.link.companionRunning = true;
    try {
      runBundle(this.host.source, "companion.js", {
        name: "companion",
        modules: this.modules(),
        globals: this.host.globals,
        now: this.host.now,
        notEmulated: (name) => this.host.notEmulated(name),
      });
    } catch (error) {
      this.host.problem(`companion: uncaught ${String(error)}`);
    }
    this.host.link.update();
  }

  stop(): void {
    if (!this.running) return;
    this.me.emit("unload", {}, (e) => this.host.problem(`companion: ${String(e)}`));
    this.running = false;
    this.host.link.companionRunning = false;
    this.host.link.update();
  }

  /**
   * A file from the watch arrived: it waits in the inbox and tells a running companion, or launches
   * one (`launchReasons.fileTransfer`) when the app may run in the background (`run_background`;
   * whether a file launch needs it is undocumented: assumed, the stricter way).
   */
  fileArrived(name: string, data: Buffer): void {
    this.arrived.push({ name, data });
    if (this.running || this.host.permissions.has("run_background")) this.deliver("fileTransfer");
  }

  /** Delivers a launch cause: an event when running, else a launch with the reason set. */
  deliver(reason: "wokenUp" | "settingsChanged" | "fileTransfer", event: Record<string, unknown> = {}): void {
    if (!this.running) {
      this.start({ [reason]: true });
      return;
    }
    const onError = (e: unknown) => this.host.problem(`companion: uncaught ${String(e)}`);
    if (reason === "wokenUp") this.me.emit("wakeinterval", {}, onError);
    else if (reason === "fileTransfer") this.inbox.emit("newfile", {}, onError);
    else this.host.settings.companionSide.emit("change", event, onError);
  }

  private createMe(reasons: LaunchReasons): Emitter {
    const me = new Emitter();
    const app = this;
    Object.assign(me, {
      launchReasons: { ...reasons },
      permissions: { granted: (name: unknown) => app.host.permissions.has(name) },
      host: { os: { name: "Android", version: "14" }, app: { name: "Fitbit", version: "4.0" } },
      applicationId: "sim",
      buildId: "sim",
      monitorSignificantLocationChanges: false,
      yield: () => undefined,
    });
    Object.defineProperty(me, "wakeInterval", {
      get: () => app.wakeInterval,
      set(value: unknown) {
        if (value === 0 || value === null || value === undefined) app.wakeInterval = undefined;
        else if (typeof value !== "number" || !Number.isFinite(value) || value < MIN_WAKE_INTERVAL) {
          throw new RangeError(`wakeInterval must be at least ${MIN_WAKE_INTERVAL} ms`);
        } else app.wakeInterval = value;
        app.host.onWakeInterval(app.wakeInterval);
      },
    });
    return me;
  }

  private modules(): Record<string, unknown> {
    const store = this.host.localStorage;
    const localStorage = {
      getItem: (key: string) => store.get(String(key)) ?? null,
      setItem: (key: string, value: unknown) => void store.set(String(key), String(value)),
      removeItem: (key: string) => void store.delete(String(key)),
      clear: () => store.clear(),
      key: (index: number) => [...store.keys()][index] ?? null,
      get length() {
        return store.size;
      },
    };
    return {
      companion: { me: this.me },
      settings: { settingsStorage: this.host.settings.companionSide },
      "local-storage": { localStorage },
      messaging: { peerSocket: this.host.link.companionSocket },
      "file-transfer": {
        outbox: {
          enqueue: (name: unknown, data: unknown) => this.enqueue(name, data),
          enumerate: () => Promise.resolve([]),
        },
        inbox: this.inbox,
      },
      cbor: { encode: (v: unknown) => new Uint8Array(encodeCbor(v)).buffer, decode: (d: ArrayBuffer) => decodeCbor(d) },
      crypto: { getRandomValues: (array: Uint8Array) => this.fillRandom(array) },
      peer: {
        app: { readyState: "started" },
        device: {
          modelName: this.host.device.modelName,
          modelId: this.host.device.modelId,
          screen: { width: this.host.device.screen.width, height: this.host.device.screen.height },
        },
      },
      ...createLocationModules(this.host.phone, this.host.permissions, this.host.now, this.host.later),
    };
  }

  private enqueue(name: unknown, data: unknown): Promise<unknown> {
    try {
      return Promise.resolve(this.host.link.enqueue(name, data));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fillRandom(array: Uint8Array): Uint8Array {
    for (let i = 0; i < array.length; i++) array[i] = Math.floor(this.host.random() * 256);
    return array;
  }
}
