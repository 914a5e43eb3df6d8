// The watches the simulator plays, by build target: model name, screen size and shape. Sources:
// the Fitbit SDK's device list (Device API `device.modelName`, `device.screen`; the SDK's build
// targets) — README "Devices"; an .fba's manifest may give the screen size itself, which wins. A
// target not listed plays as a 336×336 rounded square, said in the run's problems.

export interface Screen {
  width: number;
  height: number;
  /** The visible area's corner radius in pixels (a rounded square; 0 for a plain rectangle). */
  cornerRadius: number;
}

/** What the `device` module says of a target, plus the screen the renderer draws. */
export interface DeviceInfo {
  modelName: string;
  modelId: string;
  type: "WATCH";
  screen: Screen;
}

const ROUNDED_336: Screen = { width: 336, height: 336, cornerRadius: 72 };
const SQUARE_300: Screen = { width: 300, height: 300, cornerRadius: 40 };

const DEVICES: { [target: string]: { modelName: string; screen: Screen } } = {
  higgs: { modelName: "Ionic", screen: { width: 348, height: 250, cornerRadius: 0 } },
  meson: { modelName: "Versa", screen: SQUARE_300 },
  gemini: { modelName: "Versa 2", screen: SQUARE_300 },
  mira: { modelName: "Versa Lite", screen: SQUARE_300 },
  atlas: { modelName: "Versa 3", screen: ROUNDED_336 },
  vulcan: { modelName: "Sense", screen: ROUNDED_336 },
  hera: { modelName: "Versa 4", screen: ROUNDED_336 },
  rhea: { modelName: "Sense 2", screen: ROUNDED_336 },
};

/** The build targets the simulator knows, oldest first. */
export const KNOWN_TARGETS = Object.keys(DEVICES);

/** Whether the simulator knows this target's screen. */
export function isKnownTarget(target: string): boolean {
  return Object.prototype.hasOwnProperty.call(DEVICES, target);
}

/**
 * The device a build target runs on. `built` is the screen size the .fba's manifest gives for the
 * target (`components.watch.<target>.supports.screenSize`), which wins over the table.
 */
export function deviceOf(target: string, built?: { width: number; height: number }): DeviceInfo {
  const known = isKnownTarget(target) ? DEVICES[target] : { modelName: target, screen: ROUNDED_336 };
  const screen = built === undefined ? { ...known.screen } : { ...known.screen, ...built };
  return { modelName: known.modelName, modelId: target, type: "WATCH", screen };
}
