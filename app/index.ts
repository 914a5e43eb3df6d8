// Entry point: wires the real Fitbit OS modules into start(); no logic lives here.
import clock from "clock";
import { display } from "display";
import document from "document";
import { inbox } from "file-transfer";
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "fs";
import { peerSocket } from "messaging";
import { today, goals } from "user-activity";
import { locale, preferences, units } from "user-settings";
import { gettext } from "i18n";
import { me } from "appbit";
import { ViewElement } from "./deps";
import { start } from "./start";

// Always-on display: only where the watch offers it and the user granted the permission.
if (display.aodAvailable && me.permissions.granted("access_aod")) display.aodAllowed = true;

start({
  clock: clock,
  // The typings return the base Element; the ids the face uses are text, rect and arc elements.
  document: { getElementById: (id) => document.getElementById(id) as unknown as ViewElement | null },
  clockDisplay: () => preferences.clockDisplay,
  now: () => new Date(),
  activity: {
    read: () => ({
      steps: today.adjusted.steps,
      stepsGoal: goals.steps,
      azm: today.adjusted.activeZoneMinutes === undefined ? undefined : today.adjusted.activeZoneMinutes.total,
      azmGoal: goals.activeZoneMinutes === undefined ? undefined : goals.activeZoneMinutes.total,
      calories: today.adjusted.calories,
      distanceMeters: today.adjusted.distance,
      // No barometer on this watch when the local reading is undefined (fitbit-os.md §2.4).
      floors: today.local.elevationGain === undefined ? undefined : today.adjusted.elevationGain,
    }),
  },
  files: {
    existsSync: existsSync,
    readFileSync: (name): unknown => readFileSync(name, "cbor") as unknown,
    writeFileSync: (name, data) => writeFileSync(name, data, "cbor"),
    renameSync: renameSync,
    unlinkSync: unlinkSync,
  },
  nextFile: () => inbox.nextFile(),
  onNewFile: (listener) => inbox.addEventListener("newfile", listener),
  peer: {
    isOpen: () => peerSocket.readyState === peerSocket.OPEN,
    send: (value) => peerSocket.send(value),
    onMessage: (listener) => peerSocket.addEventListener("message", (event) => listener(event.data)),
    onOpen: (listener) => peerSocket.addEventListener("open", listener),
  },
  displayOn: () => display.on,
  aodActive: () => display.aodActive,
  onDisplayChange: (listener) => display.addEventListener("change", listener),
  warn: (line) => console.warn(line),
  language: () => locale.language,
  deviceUnits: () => units.distance,
  gettext: gettext,
  tapTarget: document.getElementById("complication-hit"),
});
