import { CivilDate } from "./civil-date";
import { encodeOptions, WatchOptions } from "./options";
import { SyncStatus } from "./sync-status";

/**
 * The schema version this code writes; {@link decodeSnapshot} rejects any other. Version 2 dropped
 * v1's `d` (data date) and `p` (problem), which no watch read, and added `e` (sign-in epoch) and
 * `i` (sequence), by which the watch orders snapshots instead of by the phone's clock. A v1 watch
 * refuses v2 as unsupported; this watch refuses a v1 file left by an older face the same way (the
 * bytes went to the watch budget) and shows the next snapshot, which the companion sends as soon
 * as the socket opens.
 */
export const SNAPSHOT_VERSION = 2;

/** Name of the snapshot file the companion sends and the watch receives. */
export const SNAPSHOT_FILE = "snapshot.cbor";

/** Minutes per sleep stage of a night with stages (Google `STAGES`, Fitbit `stages`). */
export interface StageSplit {
  kind: "stages";
  deep: number;
  light: number;
  rem: number;
  awake: number;
}

/** Minutes per state of a classic night (no stages: short sleeps, older devices). */
export interface ClassicSplit {
  kind: "classic";
  asleep: number;
  restless: number;
  awake: number;
}

/**
 * Columns of a night's hypnogram: its period in equal parts (20 minutes for 8 hours). Each column
 * is a view element, and elements cost the watch's heap (docs/decisions.md, "The hypnogram").
 */
export const HYPNOGRAM_COLUMNS = 24;

/**
 * Packs a hypnogram's columns (stage codes 0–3: deep, light, REM, awake; classic asleep 1,
 * restless 2, awake 3) two bits each, eight to a 16-bit integer, first column in the low bits:
 * three integers, 10 bytes of CBOR.
 */
export function packHypnogram(columns: number[]): number[] {
  const words: number[] = [];
  for (let i = 0; i < columns.length; i++) words[i >> 3] = (words[i >> 3] || 0) | (columns[i] << ((i & 7) * 2));
  return words;
}

/** The stage code of column `i` of a packed hypnogram. */
export const hypnogramStage = (packed: number[], i: number): number => (packed[i >> 3] >> ((i & 7) * 2)) & 3;

/** Last night's main sleep, in the user's local clock. */
export interface Night {
  /** Civil date the sleep ended on (the wake date). */
  date: CivilDate;
  /** Bedtime as minutes after local midnight (0–1439). */
  bedtime: number;
  /** Wake time as minutes after local midnight (0–1439). */
  wake: number;
  minutesAsleep: number;
  /** round(100 · asleep / time in bed), or the provider's own figure (legacy Fitbit), 0–100. */
  efficiency: number;
  /** No main sleep that day: this is the longest nap (docs/reference/google-health-api.md §4.1 rule 3). */
  nap: boolean;
  split: StageSplit | ClassicSplit;
  /** Stages over the night's period, packed ({@link packHypnogram}); null when the provider gave none. */
  hypnogram: number[] | null;
}

/** Everything the companion tells the watch, in domain terms. */
export interface Snapshot {
  /** When the companion built this snapshot (epoch seconds, by the phone's clock: shown, never compared). */
  generatedAt: number;
  /** The companion's sign-in epoch: a snapshot of another epoch always replaces the current one. */
  epoch: number;
  /** Counts up with every snapshot the companion sends within an epoch: the watch keeps the highest. */
  sequence: number;
  /** When a provider last answered every planned call (epoch seconds), null if never: the data's real age. */
  lastSyncAt: number | null;
  /**
   * When the companion's next provider call is due (epoch seconds, by the phone's clock), null if
   * unknown: until then (and a grace) nothing new can exist, so the watch has nothing to say.
   */
  nextCallAt: number | null;
  status: SyncStatus;
  /** The latest main sleep: the one that ended on the phone's today, else the day before; null if none. */
  night: Night | null;
  /** Minutes asleep for the 7 nights ending on the phone's today, oldest first; null = unknown. */
  nights: Array<number | null>;
  /** Steps for the 7 days ending on the phone's today, oldest first; null = unknown. */
  steps: Array<number | null>;
  restingHeartRate: number | null;
  /** The user's options the face needs (refresh interval, units, trend, theme). */
  options: WatchOptions;
}

/** Wire form of a {@link Night}: one-letter keys, stage minutes as an array. */
export interface WireNight {
  d: number;
  b: number;
  e: number;
  a: number;
  f: number;
  /** 0 = stages [deep, light, rem, awake]; 1 = classic [asleep, restless, awake]. */
  k: number;
  g: number[];
  /** 1 when the night is a nap; absent otherwise (older watches ignore it). */
  z?: 1;
  /** The packed hypnogram; absent when there is none (older watches ignore it). */
  h?: number[];
}

/** Wire form of a {@link Snapshot}, small when CBOR-encoded (design budget: ≤ 256 bytes). */
export interface WireSnapshot {
  v: number;
  t: number;
  e: number;
  i: number;
  u: number | null;
  /** Next planned call (epoch s); absent from older companions' snapshots. */
  x?: number | null;
  s: number;
  n: WireNight | null;
  w: Array<number | null>;
  q: Array<number | null>;
  r: number | null;
  /** Options as [refresh minutes, units, trend, theme] (see common/options.ts). */
  o: number[];
}

/** Maps a snapshot to its compact wire object (to be CBOR-encoded by the platform). */
export function encodeSnapshot(snapshot: Snapshot): WireSnapshot {
  return {
    v: SNAPSHOT_VERSION,
    t: snapshot.generatedAt,
    e: snapshot.epoch,
    i: snapshot.sequence,
    u: snapshot.lastSyncAt,
    x: snapshot.nextCallAt,
    s: snapshot.status,
    n: snapshot.night === null ? null : encodeNight(snapshot.night),
    w: snapshot.nights.slice(),
    q: snapshot.steps.slice(),
    r: snapshot.restingHeartRate,
    o: encodeOptions(snapshot.options),
  };
}

/** Maps a night to its wire object. */
export function encodeNight(night: Night): WireNight {
  const split = night.split;
  const wire: WireNight = {
    d: night.date,
    b: night.bedtime,
    e: night.wake,
    a: night.minutesAsleep,
    f: night.efficiency,
    k: split.kind === "stages" ? 0 : 1,
    g:
      split.kind === "stages"
        ? [split.deep, split.light, split.rem, split.awake]
        : [split.asleep, split.restless, split.awake],
  };
  if (night.nap) wire.z = 1;
  if (night.hypnogram !== null) wire.h = night.hypnogram.slice();
  return wire;
}
