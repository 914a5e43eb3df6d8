import { formatClockTime, formatShortDate } from "../common/format-clock";
import { TextElement, WatchDeps } from "./deps";

/** Text shown for a value that is not known yet: never a made-up zero. */
export const UNKNOWN_TEXT = "--";

function requireElement(deps: WatchDeps, id: string): TextElement {
  const element = deps.document.getElementById(id);
  // A missing id is a build mistake (index.view and code disagree), not a runtime condition.
  if (element === null) throw new Error("index.view has no element #" + id);
  return element;
}

/** Starts the clock face: renders now, then on every minute tick. */
export function start(deps: WatchDeps): void {
  const time = requireElement(deps, "time");
  const date = requireElement(deps, "date");
  const unknown = ["steps", "sleep", "status"];
  for (let i = 0; i < unknown.length; i++) requireElement(deps, unknown[i]).text = UNKNOWN_TEXT;

  const render = (now: Date): void => {
    time.text = formatClockTime(now.getHours(), now.getMinutes(), deps.clockDisplay());
    date.text = formatShortDate(now.getDay(), now.getMonth(), now.getDate());
  };
  deps.clock.granularity = "minutes";
  deps.clock.addEventListener("tick", (event) => render(event.date));
  render(deps.now());
}
