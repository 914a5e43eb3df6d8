// The watches the simulator plays, by build target (the SDK 6.1 targets: reference
// docs/reference/fitbit-os.md §1.1, §2.8). One place for the model names and the screen size.

/** Both targets' screen: 336×336 px, a rounded square (docs/reference/fitbit-os.md §2.8). */
export const SCREEN_SIZE = 336;

/** What the `device` module says of a target. */
export interface DeviceInfo {
  modelName: string;
  modelId: string;
  screen: { width: number; height: number };
}

const MODELS: { [target: string]: string } = { atlas: "Versa 3", vulcan: "Sense" };

/** The device a build target runs on. */
export function deviceOf(target: string): DeviceInfo {
  return { modelName: MODELS[target] ?? target, modelId: target, screen: { width: SCREEN_SIZE, height: SCREEN_SIZE } };
}
