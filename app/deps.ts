import { ClockDisplay } from "../common/format-clock";

/** The part of a view element the face uses. */
export interface TextElement {
  text: string;
}

/** Looks elements up by id (the `document` module). */
export interface ElementSource {
  getElementById(id: string): TextElement | null;
}

/** Minute ticks (the `clock` module); ticks stop while the display is off. */
export interface TickSource {
  granularity: "off" | "seconds" | "minutes" | "hours";
  addEventListener(type: "tick", listener: (event: { date: Date }) => void): void;
}

/** Everything the face needs from the platform, wired by `app/index.ts`. */
export interface WatchDeps {
  clock: TickSource;
  document: ElementSource;
  /** Reads the device's 12/24 h preference (there is no change event: read it on render). */
  clockDisplay(): ClockDisplay;
  now(): Date;
}
