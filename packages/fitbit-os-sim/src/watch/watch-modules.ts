// The watch's platform modules, each reading the simulator's live state (docs/reference/fitbit-os.md §2–4).
import { decodeCbor, encodeCbor } from "../cbor";
import { Emitter } from "../runtime/events";
import { PeerLink } from "../runtime/peer-link";
import { Permissions } from "../runtime/permissions";
import { ActivityHistory, DAY_RECORDS, MINUTE_RECORDS } from "./activity-history";
import { DeviceInfo } from "../devices";
import { EmulatedDocument } from "./emulated-document";
import { createWatchFs } from "./watch-fs";
import { createSensorModules, SensorHub } from "./sensors";

/** What the scenario says the watch measures and how it is set up. */
export interface WatchSetup {
  steps?: number;
  stepsGoal?: number;
  activeZoneMinutes?: number;
  activeZoneMinutesGoal?: number;
  calories?: number;
  caloriesGoal?: number;
  distanceMeters?: number;
  distanceGoal?: number;
  floors?: number;
  floorsGoal?: number;
  clockDisplay: "12h" | "24h";
  units: "metric" | "us";
  restingHeartRate?: number;
  hasBarometer: boolean;
  /** Live heart rate (bpm) the heart-rate sensor reads; absent: it reads null. */
  heartRate?: number;
  /** Whether the watch is worn (body-presence; default true). */
  onWrist?: boolean;
  /** Battery charge in percent (default 80). */
  batteryLevel?: number;
  charging?: boolean;
}

/** Live inputs the modules read. */
export interface WatchInputs {
  setup: WatchSetup;
  language: string;
  displayOn(): boolean;
  /** The watch would enter always-on display now (the user's wrist is down, AOD is on in settings). */
  aodRequested(): boolean;
  translate(msgid: string): string;
  /** The watch this is (its build target's device). */
  device: DeviceInfo;
  /** The app's permissions, revocable at any time. */
  permissions: Permissions;
  /** What `display.on` reads while `aodActive` (undocumented: scenario field `aodDisplayOn`). */
  aodDisplayOn: boolean;
  /** The wearer's state as the watch's sleep detection has it (step "sleepState"). */
  sleepState(): "awake" | "asleep" | "unknown";
  history: ActivityHistory;
  /** A file the watch app queued for the companion (`outbox.enqueueFile`). */
  sendFile(name: string, data: Buffer): void;
}

/** 220 − the simulated user's age (35). */
const MAX_HEART_RATE = 185;

/** A plain object with the given getters, read on every access. */
function withGetters(source: object): object {
  return Object.defineProperties(Object.create(null) as object, Object.getOwnPropertyDescriptors(source));
}

/** The error an API throws when its permission is not granted (the message is the simulator's). */
function denied(permission: string): Error {
  return new Error(`Permission denied: ${permission} is not granted`);
}

function activityValues(s: WatchSetup) {
  return {
    steps: s.steps,
    calories: s.calories,
    distance: s.distanceMeters,
    elevationGain: s.hasBarometer ? s.floors : undefined,
    activeZoneMinutes: s.activeZoneMinutes === undefined ? undefined : { total: s.activeZoneMinutes },
  };
}

function goalValues(s: WatchSetup) {
  return {
    steps: s.stepsGoal,
    calories: s.caloriesGoal,
    distance: s.distanceGoal,
    elevationGain: s.hasBarometer ? s.floorsGoal : undefined,
    activeZoneMinutes: s.activeZoneMinutesGoal === undefined ? undefined : { total: s.activeZoneMinutesGoal },
  };
}

/** Builds the modules for one run of the watch app. */
export function createWatchModules(
  inputs: WatchInputs,
  doc: EmulatedDocument,
  link: PeerLink,
  files: Map<string, Buffer>,
  now: () => number,
  emitters: { clock: Emitter; display: Emitter; inbox: Emitter; appbit: Emitter; sleep: Emitter },
  sensors: SensorHub,
  onError: (e: unknown) => void,
): Record<string, unknown> {
  const { setup, permissions } = inputs;
  const fs = createWatchFs(files, now);
  const granted = (name: unknown): boolean => permissions.has(name);
  // Always-on display (assumed: README "What is emulated"): only an app that set aodAllowed and holds
  // access_aod stays on screen in AOD, with `aodActive` true and `on` as the scenario's
  // `aodDisplayOn` says (undocumented); any other app's screen goes off as it would without AOD.
  const display = emitters.display as Emitter & { aodAllowed?: boolean };
  const aodActive = (): boolean => inputs.aodRequested() && display.aodAllowed === true && granted("access_aod");
  Object.defineProperty(display, "on", {
    get: () => inputs.displayOn() && (!inputs.aodRequested() || (aodActive() && inputs.aodDisplayOn)),
    configurable: true,
  });
  Object.defineProperty(display, "aodActive", { get: aodActive, configurable: true });
  Object.assign(display, { autoOff: true, poke: () => undefined, aodAvailable: true, aodAllowed: false });
  Object.assign(emitters.appbit, {
    permissions: { granted },
    exit: () => undefined,
    applicationId: "sim",
    buildId: "sim",
  });
  Object.assign(emitters.inbox, {
    nextFile(name?: string): string | undefined {
      const index = link.staged.findIndex((f) => name === undefined || f.name === name);
      if (index < 0) return undefined;
      const [file] = link.staged.splice(index, 1);
      files.set(file.name, file.data);
      return file.name;
    },
  });
  // Without access_activity the API errors (the reference: "errors or returns nothing").
  const activity = <T>(read: () => T): T => {
    if (!granted("access_activity")) throw denied("access_activity");
    return read();
  };
  const today = {
    get adjusted() {
      return activity(() => activityValues(setup));
    },
    get local() {
      return activity(() => activityValues(setup));
    },
  };
  const history = (records: (limit: number) => unknown[], max: number) => ({
    maxRecordCount: max,
    query: (options?: { limit?: number }) => activity(() => records(options?.limit ?? max)),
  });
  // The sleep module: undefined for an app without access_sleep; revoked later, it reads nothing
  // and its `change` events stop. Events come only while the display is on (docs/reference/fitbit-os.md §2.7).
  const sleep = granted("access_sleep")
    ? Object.defineProperty(emitters.sleep, "state", {
        get: () => (granted("access_sleep") ? inputs.sleepState() : undefined),
        configurable: true,
      })
    : undefined;
  const device = inputs.device;
  return {
    ...createSensorModules(
      {
        heartRate: () => (setup.onWrist === false ? null : (setup.heartRate ?? null)),
        onWrist: () => setup.onWrist !== false,
        batteryLevel: () => setup.batteryLevel ?? 80,
        charging: () => setup.charging === true,
      },
      permissions,
      sensors,
      onError,
    ),
    // Default exports: the bundler's interop reads `.default` (see the built app/index.js).
    document: { default: doc },
    clock: { default: emitters.clock },
    display: { display: emitters.display },
    "user-activity": {
      today,
      // Getters stay getters (Object.assign would read each once, at load, and throw without access_activity).
      goals: withGetters({
        get steps() {
          return activity(() => setup.stepsGoal);
        },
        get activeZoneMinutes() {
          return activity(() => goalValues(setup).activeZoneMinutes);
        },
        get adjusted() {
          return activity(() => goalValues(setup));
        },
        get calories() {
          return activity(() => setup.caloriesGoal);
        },
        get distance() {
          return activity(() => setup.distanceGoal);
        },
        get elevationGain() {
          return activity(() => goalValues(setup).elevationGain);
        },
      }),
      minuteHistory: history((limit) => inputs.history.minutes(now(), limit), MINUTE_RECORDS),
      dayHistory: history((limit) => inputs.history.daysBefore(limit), DAY_RECORDS),
    },
    sleep: { default: sleep },
    "user-settings": {
      preferences: { clockDisplay: setup.clockDisplay, firstDayOfWeek: 0 },
      units: { distance: setup.units, speed: setup.units, weight: setup.units },
      locale: { language: inputs.language },
    },
    "user-profile": {
      user: {
        get restingHeartRate() {
          return granted("access_user_profile") ? setup.restingHeartRate : undefined;
        },
        get age() {
          return granted("access_user_profile") ? 35 : undefined;
        },
        get maxHeartRate() {
          return granted("access_user_profile") ? MAX_HEART_RATE : undefined;
        },
        // SDK 4–5 faces name the zone of a live reading (the platform's thresholds are not
        // documented: 50 %, 70 % and 85 % of the maximum here).
        heartRateZone(bpm: number): string {
          const share = bpm / MAX_HEART_RATE;
          return share < 0.5 ? "out-of-range" : share < 0.7 ? "fat-burn" : share < 0.85 ? "cardio" : "peak";
        },
      },
    },
    appbit: { me: emitters.appbit },
    messaging: { peerSocket: link.watchSocket },
    "file-transfer": {
      inbox: emitters.inbox,
      outbox: {
        // A file of the app's folder goes to the companion; its arrival launches it (fileTransfer).
        enqueueFile: (file: unknown, name?: unknown) => {
          const data = typeof file === "string" ? files.get(file) : undefined;
          if (data === undefined) return Promise.reject(new Error(`Couldn't find file: ${String(file)}`));
          try {
            inputs.sendFile(typeof name === "string" ? name : (file as string), data);
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
          return Promise.resolve({ name: typeof name === "string" ? name : file, readyState: "pending" });
        },
      },
    },
    fs,
    cbor: {
      encode: (value: unknown) => new Uint8Array(encodeCbor(value)).buffer,
      decode: (data: ArrayBuffer) => decodeCbor(data),
    },
    i18n: { gettext: (msgid: string) => inputs.translate(msgid) },
    system: { memory: { js: { used: 0, peak: 0, total: 65536 } } },
    device: {
      me: {
        modelName: device.modelName,
        modelId: device.modelId,
        type: device.type,
        screen: { width: device.screen.width, height: device.screen.height },
        bodyColor: "black",
        firmwareVersion: "sim",
      },
    },
  };
}
