// The always-on layout: time, date and last night's duration, grey, redrawn once a minute. Only
// the authorized always-on build draws it (app/variant.ts, variants/aod/): `access_aod` is
// restricted, and without it the watch shows its own always-on clock.
import { formatClockTime } from "../common/format-clock";
import { formatLocalDate } from "../common/locale-format";
import { sleepText } from "./face";
import { FaceInput, FaceTools } from "./face-input";

export function drawAod(input: FaceInput, tools: FaceTools): void {
  const now = input.now;
  const night = input.snapshot === null ? null : input.snapshot.night;
  tools.set("aod-time", "text", formatClockTime(now.getHours(), now.getMinutes(), input.clockDisplay));
  tools.set("aod-date", "text", formatLocalDate(input.language, now.getDay(), now.getMonth(), now.getDate()));
  tools.set("aod-sleep", "text", sleepText(night, input.language, input.today));
  tools.set("aod-sleep-icon", "href", night !== null && night.nap ? "glyphs/nap.png" : "glyphs/sleep.png");
  tools.centreWithGlyph("aod-sleep-icon", "aod-sleep");
}
