// The watch's sensor and power modules as a typical clock face reads them: `heart-rate`
// (HeartRateSensor, needs access_heart_rate), `body-presence` (BodyPresenceSensor, needs
// access_activity) and `power` (battery, charger). Readings come from the scenario's watch block
// (heartRate, onWrist, batteryLevel, charging); a started sensor reports once at start and again
// on every clock tick (a face refreshes at most that often), with `timestamp` in ms of the run.
import { Emitter } from "../runtime/events";
import { Permissions } from "../runtime/permissions";

/** What the sensors and the battery read, live from the scenario. */
export interface SensorInputs {
  /** Live heart rate in bpm, or null when the watch reads none (off the wrist). */
  heartRate(): number | null;
  onWrist(): boolean;
  batteryLevel(): number;
  charging(): boolean;
}

/** The started sensors, so that the watch app can make them report on each tick. */
export class SensorHub {
  private readonly active = new Set<() => void>();

  constructor(private readonly now: () => number) {}

  /** Every started sensor reports a reading now. */
  report(): void {
    for (const read of this.active) read();
  }

  /** Builds a sensor class whose readings are `read()`'s fields. */
  sensorClass(read: () => Record<string, unknown>, onError: (e: unknown) => void): new () => Emitter {
    const hub = this;
    const now = this.now;
    return class Sensor extends Emitter {
      activated = false;
      timestamp: number | null = null;
      private readonly emitReading = () => {
        Object.assign(this, read(), { timestamp: now() });
        this.emit("reading", {}, onError);
      };

      start(): void {
        if (this.activated) return;
        this.activated = true;
        hub.active.add(this.emitReading);
        this.emit("activate", {}, onError);
        this.emitReading();
      }

      stop(): void {
        this.activated = false;
        hub.active.delete(this.emitReading);
      }

      setOptions(): void {
        // Frequency and batching do not change what a face sees once a minute.
      }
    };
  }

  /** A new run of the app: nothing is started. */
  reset(): void {
    this.active.clear();
  }
}

/** The `heart-rate`, `body-presence` and `power` modules for one run of the watch app. */
export function createSensorModules(
  inputs: SensorInputs,
  permissions: Permissions,
  hub: SensorHub,
  onError: (e: unknown) => void,
): Record<string, unknown> {
  // A module whose permission the app lacks exports no constructor (the typings: `void | Constructor`).
  const HeartRateSensor = permissions.has("access_heart_rate")
    ? hub.sensorClass(() => ({ heartRate: permissions.has("access_heart_rate") ? inputs.heartRate() : null }), onError)
    : undefined;
  const BodyPresenceSensor = permissions.has("access_activity")
    ? hub.sensorClass(() => ({ present: inputs.onWrist() }), onError)
    : undefined;
  const battery = Object.defineProperties(new Emitter(), {
    chargeLevel: { get: () => inputs.batteryLevel(), enumerable: true },
    charging: { get: () => inputs.charging(), enumerable: true },
    timeUntilFull: { get: () => (inputs.charging() ? (100 - inputs.batteryLevel()) * 60 : 0), enumerable: true },
  });
  const charger = Object.defineProperties(new Emitter(), {
    connected: { get: () => inputs.charging(), enumerable: true },
    powerIsGood: { get: () => (inputs.charging() ? true : undefined), enumerable: true },
  });
  return {
    "heart-rate": { HeartRateSensor },
    "body-presence": { BodyPresenceSensor },
    power: { battery, charger },
  };
}
