// Entry point: wires the real Fitbit OS modules into start(); no logic lives here.
import clock from "clock";
import { display } from "display";
import document from "document";
import { inbox, outbox } from "file-transfer";
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "fs";
import { peerSocket } from "messaging";
import sleep from "sleep";
import { today, goals, minuteHistory } from "user-activity";
import { locale, preferences, units } from "user-settings";
import { gettext } from "i18n";
import { me } from "appbit";
import { battery } from "power";
import { drawAod } from "./aod-face";
import { ViewElement } from "./deps";
import { start } from "./start";
import { AOD_BUILD } from "./variant";

// Always-on display: only the authorized build (access_aod is restricted), where the watch offers
// it and the permission is granted; elsewhere the watch shows its own always-on clock.
if (AOD_BUILD && display.aodAvailable && me.permissions.granted("access_aod")) display.aodAllowed = true;

start({
  clock: clock,
  // The typings return the base Element; the ids the face uses are text, rect and arc elements.
  document: { getElementById: (id) => document.getElementById(id) as unknown as ViewElement | null },
  userSettings: { preferences, locale, units },
  now: () => new Date(),
  activity: {
    read: () => ({
      steps: today.adjusted.steps,
      stepsGoal: goals.steps,
      azm: today.adjusted.activeZoneMinutes === undefined ? undefined : today.adjusted.activeZoneMinutes.total,
      azmGoal: goals.activeZoneMinutes === undefined ? undefined : goals.activeZoneMinutes.total,
      calories: today.adjusted.calories,
      distanceMeters: today.adjusted.distance,
      // No barometer on this watch when the local reading is undefined (docs/reference/fitbit-os.md §2.4).
      floors: today.local.elevationGain === undefined ? undefined : today.adjusted.elevationGain,
    }),
  },
  // The store names the "cbor" encoding itself, so the module's functions go in as they are.
  files: { existsSync, readFileSync, writeFileSync, renameSync, unlinkSync },
  nextFile: () => inbox.nextFile(),
  onNewFile: (listener) => inbox.addEventListener("newfile", listener),
  peer: {
    isOpen: () => peerSocket.readyState === peerSocket.OPEN,
    send: (value) => peerSocket.send(value),
    onMessage: (listener) => peerSocket.addEventListener("message", (event) => listener(event.data)),
    onOpen: (listener) => peerSocket.addEventListener("open", listener),
  },
  display: display,
  aod: AOD_BUILD ? drawAod : null,
  // The module is undefined without access_sleep; a revoked permission may also leave it silent.
  sleepState: () => (sleep && me.permissions.granted("access_sleep") ? sleep.state : null),
  battery: battery,
  recentSteps: () => {
    try {
      let sum = 0;
      const minutes = minuteHistory.query({ limit: 10 });
      for (let i = 0; i < minutes.length; i++) sum += minutes[i].steps || 0;
      return sum;
    } catch (e) {
      return undefined; // no access_activity
    }
  },
  onSleepChange: (listener) => {
    if (sleep) sleep.addEventListener("change", listener);
  },
  sendFile: (name, value) => {
    writeFileSync(name, value, "cbor");
    outbox.enqueueFile(name).catch(() => undefined); // best effort: the next ask sends again
  },
  warn: (line) => console.warn(line),
  gettext: gettext,
  tapTarget: document.getElementById("complication-hit"),
  sleepTarget: document.getElementById("sleep-hit"),
});
