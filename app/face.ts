// Draws the face from the clock, the live activity and the snapshot. Each element keeps the last
// value written, so a redraw touches only what changed.
import { formatClockTime } from "../common/format-clock";
import {
  formatLocalCount,
  formatLocalDate,
  formatLocalDuration,
  formatLocalTimeOfDay,
  formatLocalWeekday,
  formatLocalWeekdayName,
  Gettext,
} from "../common/locale-format";
import { LIMITS } from "../common/limits";
import { HYPNOGRAM_COLUMNS, hypnogramStage, Night, Snapshot } from "../common/snapshot";
import { ActivityFigures, COMPLICATIONS, complicationText } from "./complication";
import { ElementSource, ViewElement } from "./deps";
import { AodDrawer, FaceInput, FaceTools } from "./face-input";
import { formatStatus } from "./status-line";
import { THEMES } from "../common/themes";

/** Text shown for a value that is not known: never a made-up zero. */
export const UNKNOWN_TEXT = "--";
/** Pixels between a glyph and the text it labels. */
const GLYPH_GAP = 4;

/** The geometry the face draws into, read once from resources/index.view and styles.css. */
interface Layout {
  trendBase: number;
  trendHeight: number;
  /** The rings are gauges open at the bottom, where the status line sits: their background's sweep. */
  gaugeDegrees: number;
}

export interface Face {
  render(input: FaceInput): void;
}

/** A hypnogram column's classes by stage code (styles.css): the stage's colour and its row. */
const COLUMN_CLASSES = ["stage-deep row-0", "stage-light row-1", "stage-rem row-2", "stage-awake row-3"];

/** One string for an id the face names four times (the watch keeps every copy in its bytecode). */
const COMPLICATION_ICON = "complication-icon";

/**
 * Last night's asleep time in the language (a nap says so by its glyph and on the line below); an
 * earlier night says which day it ended ("Mon 7h 07m"), never dimmed.
 */
export function sleepText(night: Night | null, gettext: Gettext, today: number): string {
  if (night === null) return UNKNOWN_TEXT;
  const day = night.date < today ? formatLocalWeekday(gettext, night.date) + " " : "";
  return day + formatLocalDuration(gettext, night.minutesAsleep);
}

export function createFace(doc: ElementSource, drawAod: AodDrawer | null): Face {
  const cache: { [key: string]: string | number } = {};
  const el = (id: string): ViewElement => {
    const found = doc.getElementById(id);
    // A missing id is a build mistake (index.view and code disagree), not a runtime condition.
    if (found === null) throw new Error("no #" + id);
    return found;
  };
  const set = (
    id: string,
    prop: "text" | "height" | "y" | "x" | "sweepAngle" | "fill" | "href" | "display",
    value: string | number,
  ): void => {
    const key = id + "." + prop;
    if (cache[key] === value) return;
    cache[key] = value;
    const target = el(id);
    if (prop === "fill") target.style.fill = value as string;
    else if (prop === "href") target.href = value as string;
    else if (prop === "display") target.style.display = value as string;
    else if (prop === "text") target.text = value as string;
    else target[prop] = value as number;
  };

  /** Whether a text changed since the last layout that measured it (measuring costs on the watch). */
  const needsLayout = (textId: string): boolean => {
    const key = textId + ".measured";
    if (cache[key] === cache[textId + ".text"]) return false;
    cache[key] = cache[textId + ".text"];
    return true;
  };

  /** Centres a glyph and the text after it as one line around x = centre. */
  const centreWithGlyph = (iconId: string, textId: string, centre: number): void => {
    if (!needsLayout(textId)) return;
    const icon = el(iconId);
    const width = icon.width + GLYPH_GAP + el(textId).getBBox().width;
    const left = Math.round(centre - width / 2);
    set(iconId, "x", left);
    set(textId, "x", left + icon.width + GLYPH_GAP);
  };
  const centre = el("date").x;
  // Colours the view's stylesheet owns.
  const sleepColour = el("sleep-icon").style.fill;
  const glyphColour = el(COMPLICATION_ICON).style.fill;

  const tallestBar = el("bar-0");
  const layout: Layout = {
    trendBase: tallestBar.y + tallestBar.height,
    trendHeight: tallestBar.height,
    gaugeDegrees: el("ring-bg").sweepAngle,
  };

  /** The hypnogram drawn last: a snapshot brings a new one, a minute's tick the same. */
  let drawnHypnogram: number[] | null = null;
  /** The hypnogram's columns, each in its stage's row and colour; redrawn only for a new one. */
  const drawHypnogram = (packed: number[] | null): void => {
    set("hypnogram", "display", packed === null ? "none" : "inline");
    if (packed === null || packed === drawnHypnogram) return;
    drawnHypnogram = packed;
    for (let i = 0; i < HYPNOGRAM_COLUMNS; i++) {
      // One property per column: its classes give both colour and height (as element state, each
      // costs the watch's heap).
      el("hyp-" + i).class = COLUMN_CLASSES[hypnogramStage(packed, i)];
    }
  };

  /** Minutes per stage, one line each (a classic night has no deep sleep line). */
  const drawStageList = (night: Night, gettext: Gettext): void => {
    const s = night.split;
    const staged = s.kind === "stages";
    const minutes = s.kind === "stages" ? [s.deep, s.light, s.rem, s.awake] : [0, s.asleep, s.restless, s.awake];
    const names = staged ? ["Deep", "Light", "REM", "Awake"] : ["", "Asleep", "Restless", "Awake"];
    set("swatch-0", "display", staged ? "inline" : "none");
    for (let i = 0; i < 4; i++)
      set("stage-" + i, "text", names[i] && gettext(names[i]) + "  " + formatLocalDuration(gettext, minutes[i]));
  };

  const sweep = (value: number | undefined, goal: number | undefined): number =>
    value === undefined || goal === undefined || goal <= 0
      ? 0
      : Math.round(Math.min(1, value / goal) * layout.gaugeDegrees);

  /** The week's bars, scaled to the larger of the week and the goal, whose line is drawn across them. */
  const drawTrend = (s: Snapshot | null, a: ActivityFigures): void => {
    const steps = s !== null && s.options.trend === "steps";
    const series = s === null ? [] : steps ? s.steps.slice() : s.nights.slice();
    if (steps && a.steps !== undefined) series[6] = a.steps;
    const goal = s === null ? undefined : steps ? a.stepsGoal : s.options.sleepGoal;
    let max = goal || 1;
    for (let i = 0; i < series.length; i++) max = Math.max(max, series[i] || 0);
    set("goal-line", "display", goal ? "inline" : "none");
    if (goal) set("goal-line", "y", layout.trendBase - Math.round((goal / max) * layout.trendHeight));
    set("trend-icon", "href", steps ? "glyphs/steps.png" : "glyphs/sleep.png");
    for (let i = 0; i < LIMITS.weekDays; i++) {
      const v = series[i];
      const h = v === null || v === undefined ? 0 : Math.max(2, Math.round((v / max) * layout.trendHeight));
      set("bar-" + i, "height", h);
      set("bar-" + i, "y", layout.trendBase - h);
    }
  };

  const renderMain = (input: FaceInput): void => {
    const now = input.now;
    const s = input.snapshot;
    const a = input.activity;
    const night = s === null ? null : s.night;
    const theme = THEMES[s === null ? 0 : s.options.theme] || THEMES[0];
    set("time", "text", formatClockTime(now.getHours(), now.getMinutes(), input.clockDisplay));
    set("date", "text", formatLocalDate(input.gettext, now.getDay(), now.getMonth(), now.getDate()));
    set("steps", "text", a.steps === undefined ? UNKNOWN_TEXT : formatLocalCount(input.language, a.steps));
    set("battery", "text", input.gettext("{n}%").replace("{n}", "" + input.battery));
    set("ring", "sweepAngle", sweep(a.steps, a.stepsGoal));
    set("azm-ring", "sweepAngle", sweep(a.azm, a.azmGoal));
    set("ring", "fill", theme.steps);
    // Today's bar in the series' colour: the theme's steps colour, or the moon's (styles.css) for sleep.
    set("bar-" + (LIMITS.weekDays - 1), "fill", s !== null && s.options.trend === "sleep" ? sleepColour : theme.steps);
    set("steps-icon", "fill", theme.steps);
    set("azm-ring", "fill", theme.azm);
    const units = s === null ? "auto" : s.options.units;
    set(
      "complication",
      "text",
      complicationText(
        input.complication,
        a,
        night === null ? null : night.efficiency,
        units,
        input.deviceUnits,
        input.language,
        input.gettext,
      ),
    );
    // Each complication's glyph is named after it; efficiency is last night's sleep.
    const kind = COMPLICATIONS[input.complication] || COMPLICATIONS[0];
    set(COMPLICATION_ICON, "href", "glyphs/" + (kind === "efficiency" ? "sleep" : kind) + ".png");
    // Only the zone-minutes bolt takes its ring's colour; other glyphs stay neutral.
    set(COMPLICATION_ICON, "fill", kind === "azm" ? theme.azm : glyphColour);
    centreWithGlyph(COMPLICATION_ICON, "complication", centre);
    set("sleep", "text", sleepText(night, input.gettext, input.today));
    // The night against the goal ("7h 10m / 8h"); a nap has none.
    set(
      "sleep-goal",
      "text",
      s === null || night === null || night.nap
        ? ""
        : "/ " + formatLocalDuration(input.gettext, s.options.sleepGoal, true),
    );
    if (needsLayout("sleep")) {
      const box = el("sleep").getBBox();
      set("sleep-goal", "x", Math.round(box.x + box.width + GLYPH_GAP * 2));
    }
    set("sleep-icon", "href", night !== null && night.nap ? "glyphs/nap.png" : "glyphs/sleep.png");
    set(
      "bedtime",
      "text",
      night === null
        ? UNKNOWN_TEXT
        : (night.nap ? input.gettext("Nap") + " " : "") +
            formatLocalTimeOfDay(input.gettext, night.bedtime, input.clockDisplay) +
            "–" +
            formatLocalTimeOfDay(input.gettext, night.wake, input.clockDisplay),
    );
    set(
      "rhr",
      "text",
      // Resting heart rate, said in words beside a grey heart: a red heart with "bpm" is how faces
      // show the live sensor, which this is not (docs/decisions.md, issue 20).
      s === null || s.restingHeartRate === null
        ? UNKNOWN_TEXT
        : input.gettext("{n} at rest").replace("{n}", "" + s.restingHeartRate),
    );
    // The heart sits just before the right-aligned resting heart rate.
    if (needsLayout("rhr")) set("rhr-icon", "x", Math.round(el("rhr").getBBox().x - GLYPH_GAP - el("rhr-icon").width));
    drawHypnogram(night === null ? null : night.hypnogram);
    drawTrend(s, a);
    // Day initials under the bars, today last (written when the day or the language changes).
    if (cache.weekday !== now.getDay() || cache.language !== input.language) {
      cache.weekday = now.getDay();
      cache.language = input.language;
      for (let i = 0; i < LIMITS.weekDays; i++)
        el("day-" + i).text = formatLocalWeekdayName(input.gettext, (now.getDay() + i + 1) % 7)
          .charAt(0)
          .toUpperCase();
    }
    const details = input.details && night !== null;
    set("lower", "display", details ? "none" : "inline");
    set("stage-list", "display", details ? "inline" : "none");
    if (details) drawStageList(night, input.gettext);
    // Every status line fits its place at one size in every language (the layout test measures
    // them with a margin for the watch's wider font): shorter words, never smaller type.
    const status = formatStatus(input.status, input.gettext);
    set("status", "text", status);
    set("days", "display", status ? "none" : "inline");
  };

  const tools: FaceTools = {
    set: set,
    centreWithGlyph: (iconId, textId) => centreWithGlyph(iconId, textId, centre),
  };

  return {
    render(input: FaceInput): void {
      if (drawAod === null) {
        // Without the always-on layout the platform shows its own clock in AOD; no drawing then.
        if (!input.aod) renderMain(input);
        return;
      }
      set("face-main", "display", input.aod ? "none" : "inline");
      set("face-aod", "display", input.aod ? "inline" : "none");
      if (input.aod) drawAod(input, tools);
      else renderMain(input);
    },
  };
}
