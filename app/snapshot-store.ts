// Keeps the newest valid snapshot: decoded and validated before it replaces anything, persisted
// as last.cbor (never the name an incoming file has) as the validated keys of what was received
// (a received value's extra keys never reach the disk), written to a temp file and renamed. "Newest"
// is by the companion's sequence within its sign-in epoch, never by a clock: a phone clock that
// jumps (even into the future) cannot make the watch refuse what follows.
import { decodeSnapshot } from "../common/decode-snapshot";
import { Snapshot } from "../common/snapshot";

const LAST = "last.cbor";
const TEMP = "last.tmp";

/** The keys of `value` named in `keys` (space-separated) that it has: what the decoder checked. */
function pick(value: unknown, keys: string): { [key: string]: unknown } {
  const from = value as { [key: string]: unknown };
  const out: { [key: string]: unknown } = {};
  const names = keys.split(" ");
  for (let i = 0; i < names.length; i++) if (from[names[i]] !== undefined) out[names[i]] = from[names[i]];
  return out;
}

/** The watch's `fs` calls this module uses. */
export interface SnapshotFiles {
  existsSync(name: string): boolean;
  readFileSync(name: string, encoding: "cbor"): unknown;
  writeFileSync(name: string, data: unknown, encoding: "cbor"): void;
  renameSync(from: string, to: string): void;
  unlinkSync(name: string): void;
}

export interface SnapshotStore {
  current(): Snapshot | null;
  /** Accepts a received value; true when it replaced the current snapshot. */
  accept(value: unknown): boolean;
  /** Reads, validates and deletes a received file. */
  acceptFile(name: string): boolean;
}

export function createSnapshotStore(fs: SnapshotFiles, warn: (line: string) => void): SnapshotStore {
  let current: Snapshot | null = null;
  const read = (name: string): unknown => {
    try {
      return fs.readFileSync(name, "cbor");
    } catch (e) {
      return undefined;
    }
  };
  const accept = (value: unknown): boolean => {
    const decoded = decodeSnapshot(value);
    if (!decoded.ok) {
      warn("rejected " + decoded.error.code + " " + decoded.error.field);
      return false;
    }
    const next = decoded.value;
    if (current !== null) {
      // Epoch 0 is a v1 snapshot (an older companion): it never replaces one of a real epoch.
      if (next.epoch === 0 && current.epoch !== 0) return false;
      if (next.epoch === current.epoch && next.sequence <= current.sequence) return false;
    }
    current = next;
    // The wire keys common/decode-snapshot.ts validates; its lists hold only checked numbers.
    const kept = pick(value, "v t e i u x s n w q r o");
    if (kept.n !== null) kept.n = pick(kept.n, "d b e a f k g z h");
    fs.writeFileSync(TEMP, kept, "cbor");
    fs.renameSync(TEMP, LAST);
    return true;
  };
  if (fs.existsSync(LAST)) {
    const decoded = decodeSnapshot(read(LAST));
    if (decoded.ok) current = decoded.value;
  }
  return {
    current: () => current,
    accept: accept,
    acceptFile: (name: string) => {
      const value = read(name);
      try {
        fs.unlinkSync(name);
      } catch (e) {
        warn("could not delete " + name);
      }
      return accept(value);
    },
  };
}
