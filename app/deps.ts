import { ClockDisplay } from "../common/format-clock";
import { Gettext } from "../common/locale-format";
import { ActivityFigures } from "./complication";
import { AodDrawer } from "./face-input";
import { SleepState } from "./wake-watch";
import { SnapshotFiles } from "./snapshot-store";

/** The part of a view element the face uses. */
export interface ViewElement {
  text: string;
  width: number;
  height: number;
  x: number;
  y: number;
  sweepAngle: number;
  /** Its CSS classes, space-separated (styles.css). */
  class: string;
  /** An image's file, relative to resources/. */
  href: string;
  style: { opacity: number; fill: string; display: string };
  /** The drawn box; for text, of its current content. */
  getBBox(): { x: number; width: number };
}

/** Looks elements up by id (the `document` module). */
export interface ElementSource {
  getElementById(id: string): ViewElement | null;
}

/** Minute ticks (the `clock` module); ticks stop while the display is off. */
export interface TickSource {
  granularity: "off" | "seconds" | "minutes" | "hours";
  addEventListener(type: "tick", listener: (event: { date: Date }) => void): void;
}

/** Today's figures from the watch's own sensors (`user-activity`), read fresh on every call; throws without `access_activity`. */
export interface LiveActivity {
  read(): ActivityFigures;
}

/** A tappable element (the complication's hit area). */
export interface Tappable {
  onclick?: ((event: never) => void) | null;
}

/** What the face reads of `user-settings`: 12/24 h, the language (e.g. `de-DE`), distance units (`metric`, `us`). */
export interface UserSettings {
  preferences: { readonly clockDisplay: ClockDisplay };
  locale: { readonly language: string };
  units: { readonly distance: string };
}

/** The display as the `display` module reports it. */
export interface DisplayState {
  readonly on: boolean;
  readonly aodActive: boolean;
  addEventListener(type: "change", listener: () => void): void;
}

/** The peer socket to the companion. */
export interface PeerChannel {
  isOpen(): boolean;
  send(value: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  onOpen(listener: () => void): void;
}

/** Everything the face needs from the platform, wired by `app/index.ts`. */
export interface WatchDeps {
  clock: TickSource;
  document: ElementSource;
  /** The `user-settings` module's objects, read fresh at every render (it has no change events). */
  userSettings: UserSettings;
  now(): Date;
  activity: LiveActivity;
  files: SnapshotFiles;
  nextFile(): string | undefined;
  onNewFile(listener: () => void): void;
  peer: PeerChannel;
  /** The `display` module: `on`, `aodActive` (never true unless AOD is allowed), `change` events. */
  display: DisplayState;
  /** The always-on layout: only the authorized always-on build has one (app/variant.ts). */
  aod: AodDrawer | null;
  /** The `sleep` module's state; null without the module or `access_sleep`. */
  sleepState(): SleepState;
  onSleepChange(listener: () => void): void;
  /** The `power` module's battery: `chargeLevel` in percent, read fresh at every render. */
  battery: { chargeLevel: number };
  /** Steps in the last 10 minutes (`user-activity` minuteHistory); undefined when unknown or not allowed. */
  recentSteps(): number | undefined;
  /** Writes `value` as a CBOR file and queues it to the companion (`outbox.enqueueFile`); throws on failure. */
  sendFile(name: string, value: unknown): void;
  warn(line: string): void;
  gettext: Gettext;
  tapTarget: Tappable | null;
  /** The sleep block: a tap shows or hides the minutes per stage. */
  sleepTarget: Tappable | null;
}
