// Starts the face: shows the persisted snapshot at once, receives newer ones by file and message,
// redraws on minute ticks while the display is on (or in always-on display, in the authorized
// build), tells the companion when its wearer woke up, and asks for a refresh when the
// companion's plan is overdue or last night is awaited.
import {
  helloMessage,
  readSnapshotMessage,
  REFRESH_FILE,
  REFRESH_REQUEST,
  WAKE_FILE,
  wakeMessage,
} from "../common/messages";
import { toCivilDate } from "../common/civil-date";
import { ActivityFigures, nextComplication } from "./complication";
import { Tappable, WatchDeps } from "./deps";
import { createFace } from "./face";
import { createSnapshotStore } from "./snapshot-store";
import { decideStatus, isLate } from "./status-line";
import { createWakeWatch } from "./wake-watch";

/** What the face is given in always-on display, where it reads no sensors. */
const NO_ACTIVITY: ActivityFigures = {
  steps: undefined,
  stepsGoal: undefined,
  azm: undefined,
  azmGoal: undefined,
  calories: undefined,
  distanceMeters: undefined,
  floors: undefined,
};

/** After a wake signal, last night is awaited (and asked for every interval) this long. */
const AWAIT_NIGHT_MS = 2 * 3600000;
/** Unanswered refresh requests back off up to this gap. */
const MAX_ASK_GAP_MS = 4 * 3600000;

export function start(deps: WatchDeps): void {
  const face = createFace(deps.document, deps.aod);
  const store = createSnapshotStore(deps.files, (line) => deps.warn(line));
  let lastAsk = 0;
  let unanswered = 0;
  let wokeAt = 0;
  let complication = 0;
  let details = false;

  /** Sends to the companion: by message when the socket is open, else as `file` (null: message only). */
  const tell = (value: unknown, file: string | null): void => {
    try {
      if (deps.peer.isOpen()) deps.peer.send(value);
      else if (file !== null) deps.sendFile(file, value);
    } catch (e) {
      deps.warn("not sent");
    }
  };

  const wake = createWakeWatch((epochSeconds) => {
    wokeAt = epochSeconds * 1000;
    tell(wakeMessage(epochSeconds), WAKE_FILE);
  });

  /** Always-on display (only with the authorized build's layout): `on` may be false meanwhile. */
  const inAod = (): boolean => deps.aod !== null && deps.display.aodActive;
  const visible = (): boolean => deps.display.on || inAod();

  const readActivity = (): ActivityFigures => {
    try {
      return deps.activity.read();
    } catch (e) {
      return NO_ACTIVITY; // access_activity revoked: the API errors; the face shows "--"
    }
  };

  const render = (now: Date): void => {
    if (!visible()) return; // no work while nobody can see it
    const aod = inAod();
    const snapshot = store.current();
    const today = toCivilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
    const activity = aod ? NO_ACTIVITY : readActivity();
    face.render({
      aod: aod,
      now: now,
      today: today,
      clockDisplay: deps.userSettings.preferences.clockDisplay,
      language: deps.userSettings.locale.language,
      deviceUnits: deps.userSettings.units.distance,
      gettext: deps.gettext,
      activity: activity,
      battery: deps.battery.chargeLevel,
      complication: complication,
      details: details,
      snapshot: snapshot,
      status: decideStatus({
        snapshot: snapshot,
        now: Math.floor(now.getTime() / 1000),
        socketOpen: deps.peer.isOpen(),
        today: today,
      }),
    });
    if (aod) return;
    wake.observe(now, deps.sleepState(), () => deps.recentSteps());
    askIfNeeded(now, today);
  };

  /**
   * Asks the companion for a refresh when its plan is overdue (late wake-ups, a dropped one) or
   * while last night is awaited after a wake signal: at most once an interval, and after requests
   * that brought nothing, less and less often.
   */
  const askIfNeeded = (now: Date, today: number): void => {
    const s = store.current();
    if (s === null) return;
    const t = now.getTime();
    const interval = s.options.refreshMinutes * 60000;
    const awaitingNight = t - wokeAt < AWAIT_NIGHT_MS && (s.night === null || s.night.date < today);
    const late = isLate(s, Math.floor(t / 1000));
    if (!awaitingNight && !late) return;
    const gap = awaitingNight ? interval : Math.min(MAX_ASK_GAP_MS, interval * Math.pow(2, unanswered));
    if (t - lastAsk < gap) return;
    lastAsk = t;
    unanswered++;
    tell(REFRESH_REQUEST, REFRESH_FILE);
  };

  /** New data: drawn at once on the full face; always-on redraws only on its minute tick. */
  const accepted = (): void => {
    unanswered = 0;
    if (!inAod()) render(deps.now());
  };

  const drainInbox = (): void => {
    let name = deps.nextFile();
    let changed = false;
    while (name !== undefined) {
      if (store.acceptFile(name)) changed = true;
      name = deps.nextFile();
    }
    if (changed) accepted();
  };

  deps.peer.onMessage((data) => {
    const wire = readSnapshotMessage(data);
    if (wire !== null && store.accept(wire)) accepted();
  });
  /** Tells the companion whether this watch will say when its wearer wakes (its plan depends on it). */
  const hello = (): void => tell(helloMessage(deps.sleepState() !== null), null);
  deps.peer.onOpen(() => {
    hello();
    if (!inAod()) render(deps.now());
  });
  deps.onNewFile(drainInbox);
  deps.onSleepChange(() => {
    if (deps.display.on) wake.observe(deps.now(), deps.sleepState(), () => undefined);
  });
  deps.display.addEventListener("change", () => {
    const shown = visible();
    deps.clock.granularity = shown ? "minutes" : "off";
    // The minutes per stage are a glance: the next look starts on the face.
    details = false;
    if (shown) render(deps.now());
    else wake.displayOff(deps.now().getTime());
  });
  /** A tap on the full face (never in always-on display) changes what `change` says, then redraws. */
  const onTap = (target: Tappable | null, change: () => void): void => {
    if (target !== null)
      target.onclick = () => {
        if (inAod()) return;
        change();
        render(deps.now());
      };
  };
  onTap(deps.tapTarget, () => (complication = nextComplication(complication, readActivity())));
  onTap(deps.sleepTarget, () => (details = !details));
  deps.clock.granularity = "minutes";
  deps.clock.addEventListener("tick", (event) => render(event.date));
  if (deps.peer.isOpen()) hello();
  render(deps.now());
  drainInbox();
}
