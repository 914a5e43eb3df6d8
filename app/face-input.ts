// What the face draws from, and what its always-on layout (the authorized build's) is given.
import { ClockDisplay } from "../common/format-clock";
import { Gettext } from "../common/locale-format";
import { Snapshot } from "../common/snapshot";
import { ActivityFigures } from "./complication";
import { StatusLine } from "./status-line";

export interface FaceInput {
  now: Date;
  /** The watch's local civil date (yyyymmdd). */
  today: number;
  clockDisplay: ClockDisplay;
  language: string;
  deviceUnits: string;
  gettext: Gettext;
  activity: ActivityFigures;
  /** The battery's charge in percent. */
  battery: number;
  complication: number;
  snapshot: Snapshot | null;
  status: StatusLine;
  /** Always-on display: draw only the minimal layout. */
  aod: boolean;
  /** Minutes per stage in place of the rows under last night (a tap on the sleep block). */
  details: boolean;
}

/** What the always-on layout (app/aod-face.ts) draws with: the face's own cached setters. */
export interface FaceTools {
  set(id: string, prop: "text" | "href" | "x" | "y", value: string | number): void;
  /** Centres a glyph and the text after it as one line around the screen's centre. */
  centreWithGlyph(iconId: string, textId: string): void;
}

/** Draws the always-on layout; only the authorized always-on build has one (app/variant.ts). */
export type AodDrawer = (input: FaceInput, tools: FaceTools) => void;
