// Starts the face: shows the persisted snapshot at once, receives newer ones by file and message,
// redraws on minute ticks while the display is on, and asks for a refresh when data is old.
import { readSnapshotMessage, REFRESH_REQUEST } from "../common/messages";
import { toCivilDate } from "../common/civil-date";
import { ActivityFigures, nextComplication } from "./complication";
import { WatchDeps } from "./deps";
import { createFace } from "./face";
import { createSnapshotStore } from "./snapshot-store";
import { decideStatus } from "./status-line";

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

export function start(deps: WatchDeps): void {
  const face = createFace(deps.document);
  const store = createSnapshotStore(deps.files, (line) => deps.warn(line));
  let lastRefreshAsk = 0;
  let complication = 0;

  /** Always-on display: the minimal layout, redrawn by the minute tick and nothing else. */
  const inAod = (): boolean => deps.displayOn() && deps.aodActive();

  const render = (now: Date): void => {
    if (!deps.displayOn()) return; // no work while nobody can see it
    const aod = deps.aodActive();
    const snapshot = store.current();
    const today = toCivilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
    face.render({
      aod: aod,
      now: now,
      today: today,
      clockDisplay: deps.clockDisplay(),
      language: deps.language(),
      deviceUnits: deps.deviceUnits(),
      gettext: (msgid) => deps.gettext(msgid),
      activity: aod ? NO_ACTIVITY : deps.activity.read(),
      complication: complication,
      snapshot: snapshot,
      status: decideStatus({
        snapshot: snapshot,
        now: Math.floor(now.getTime() / 1000),
        socketOpen: deps.peer.isOpen(),
        today: today,
      }),
    });
  };

  const askForRefresh = (): void => {
    const s = store.current();
    const now = deps.now().getTime();
    const interval = (s === null ? 15 : s.options.refreshMinutes) * 60000;
    const age = s === null || s.lastSyncAt === null ? Infinity : now - s.lastSyncAt * 1000;
    if (age < interval || now - lastRefreshAsk < interval || !deps.peer.isOpen()) return;
    lastRefreshAsk = now;
    try {
      deps.peer.send(REFRESH_REQUEST);
    } catch (e) {
      deps.warn("refresh request not sent");
    }
  };

  const drainInbox = (): void => {
    let name = deps.nextFile();
    let changed = false;
    while (name !== undefined) {
      if (store.acceptFile(name)) changed = true;
      name = deps.nextFile();
    }
    if (changed && !inAod()) render(deps.now());
  };

  deps.peer.onMessage((data) => {
    const wire = readSnapshotMessage(data);
    if (wire !== null && store.accept(wire) && !inAod()) render(deps.now());
  });
  deps.peer.onOpen(() => {
    if (inAod()) return;
    askForRefresh();
    render(deps.now());
  });
  deps.onNewFile(drainInbox);
  deps.onDisplayChange(() => {
    deps.clock.granularity = deps.displayOn() ? "minutes" : "off";
    if (deps.displayOn()) {
      render(deps.now());
      if (!inAod()) askForRefresh();
    }
  });
  if (deps.tapTarget !== null) {
    deps.tapTarget.onclick = () => {
      if (inAod()) return;
      complication = nextComplication(complication, deps.activity.read());
      render(deps.now());
    };
  }
  deps.clock.granularity = "minutes";
  deps.clock.addEventListener("tick", (event) => render(event.date));
  render(deps.now());
  drainInbox();
}
