// The always-on layout: time, date and last night's duration, grey on pure black, redrawn once a
// minute and drifting a few pixels over time against burn-in. Only
// the authorized always-on build draws it (app/variant.ts, variants/aod/): `access_aod` is
// restricted, and without it the watch shows its own always-on clock.
import { formatClockTime } from "../common/format-clock";
import { formatLocalDate } from "../common/locale-format";
import { sleepText } from "./face";
import { FaceInput, FaceTools } from "./face-input";

/** Against burn-in the always-on layout moves a step every 16 minutes, along a 5 × 5 px square. */

export function drawAod(input: FaceInput, tools: FaceTools): void {
  const now = input.now;
  const step = (now.getHours() * 60 + now.getMinutes()) >> 4;
  tools.set("face-aod", "x", (step % 5) - 2);
  tools.set("face-aod", "y", (((step / 5) | 0) % 5) - 2);
  const night = input.snapshot === null ? null : input.snapshot.night;
  tools.set("aod-time", "text", formatClockTime(now.getHours(), now.getMinutes(), input.clockDisplay));
  tools.set("aod-date", "text", formatLocalDate(input.gettext, now.getDay(), now.getMonth(), now.getDate()));
  tools.set("aod-sleep", "text", sleepText(night, input.gettext, input.today));
  tools.set("aod-sleep-icon", "href", night !== null && night.nap ? "glyphs/nap.png" : "glyphs/sleep.png");
  tools.centreWithGlyph("aod-sleep-icon", "aod-sleep");
}
