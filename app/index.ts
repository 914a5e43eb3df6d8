// Entry point: wires the real Fitbit OS modules into start(); no logic lives here.
import clock from "clock";
import document from "document";
import { preferences } from "user-settings";
import { start } from "./start";

start({
  clock: clock,
  document: document,
  clockDisplay: () => preferences.clockDisplay,
  now: () => new Date(),
});
