// The watch's platform modules, each reading the simulator's live state (fitbit-os.md §2–4).
import { decodeCbor, encodeCbor } from "../cbor";
import { Emitter } from "../runtime/events";
import { PeerLink } from "../runtime/peer-link";
import { EmulatedDocument } from "./emulated-document";
import { createWatchFs } from "./watch-fs";

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
}

/** Live inputs the modules read. */
export interface WatchInputs {
  setup: WatchSetup;
  language: string;
  displayOn(): boolean;
  /** The watch would enter always-on display now (the user's wrist is down, AOD is on in settings). */
  aodRequested(): boolean;
  translate(msgid: string): string;
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
  manifest: Record<string, unknown>,
  doc: EmulatedDocument,
  link: PeerLink,
  files: Map<string, Buffer>,
  now: () => number,
  emitters: { clock: Emitter; display: Emitter; inbox: Emitter; appbit: Emitter },
): Record<string, unknown> {
  const { setup } = inputs;
  const fs = createWatchFs(files, now);
  const requested = Array.isArray(manifest.requestedPermissions) ? (manifest.requestedPermissions as unknown[]) : [];
  const granted = (name: unknown): boolean => requested.includes(name);
  // Always-on display (assumed in sim/README.md): only an app that set aodAllowed and holds
  // access_aod stays on screen in AOD, with `on` true and `aodActive` true; any other app's
  // screen goes off as it would without AOD.
  const display = emitters.display as Emitter & { aodAllowed?: boolean };
  const aodActive = (): boolean => inputs.aodRequested() && display.aodAllowed === true && granted("access_aod");
  Object.defineProperty(display, "on", {
    get: () => inputs.displayOn() && (!inputs.aodRequested() || aodActive()),
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
  const today = {
    get adjusted() {
      return activityValues(setup);
    },
    get local() {
      return activityValues(setup);
    },
  };
  return {
    // Default exports: the bundler's interop reads `.default` (see the built app/index.js).
    document: { default: doc },
    clock: { default: emitters.clock },
    display: { display: emitters.display },
    "user-activity": {
      today,
      goals: Object.assign(Object.create(null) as object, {
        get steps() {
          return setup.stepsGoal;
        },
        get activeZoneMinutes() {
          return goalValues(setup).activeZoneMinutes;
        },
        get adjusted() {
          return goalValues(setup);
        },
        get calories() {
          return setup.caloriesGoal;
        },
        get distance() {
          return setup.distanceGoal;
        },
        get elevationGain() {
          return goalValues(setup).elevationGain;
        },
      }),
    },
    "user-settings": {
      preferences: { clockDisplay: setup.clockDisplay, firstDayOfWeek: 0 },
      units: { distance: setup.units, speed: setup.units, weight: setup.units },
      locale: { language: inputs.language },
    },
    "user-profile": { user: { restingHeartRate: setup.restingHeartRate, age: 35 } },
    appbit: { me: emitters.appbit },
    messaging: { peerSocket: link.watchSocket },
    "file-transfer": {
      inbox: emitters.inbox,
      outbox: { enqueueFile: () => Promise.reject(new Error("not emulated")) },
    },
    fs,
    cbor: {
      encode: (value: unknown) => new Uint8Array(encodeCbor(value)).buffer,
      decode: (data: ArrayBuffer) => decodeCbor(data),
    },
    i18n: { gettext: (msgid: string) => inputs.translate(msgid) },
    system: { memory: { js: { used: 0, peak: 0, total: 65536 } } },
    device: { modelName: "Versa 3", modelId: "atlas", screen: { width: 336, height: 336 } },
  };
}
