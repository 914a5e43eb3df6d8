// A night read from any provider is kept only if it is internally consistent and passes the very
// check the watch applies to a received snapshot (common/decode-snapshot.ts), so a value the watch
// would refuse is refused here, per record, and never reaches the wire.
import { decodeNight } from "../../common/decode-snapshot";
import { LIMITS } from "../../common/limits";
import { encodeNight, Night } from "../../common/snapshot";
import { MalformedError } from "./json-reader";

/** Returns `night` when every figure lies within the sleep period (`inBed` minutes), else throws. */
export function checkNight(night: Night, inBed: number, at: string): Night {
  const s = night.split;
  const parts = s.kind === "stages" ? [s.deep, s.light, s.rem, s.awake] : [s.asleep, s.restless, s.awake];
  if (inBed > LIMITS.minutesPerDay) throw new MalformedError(`${at}.period`);
  if (night.minutesAsleep > inBed) throw new MalformedError(`${at}.minutesAsleep`);
  for (const minutes of parts) if (minutes > inBed) throw new MalformedError(`${at}.stages`);
  const checked = decodeNight(encodeNight(night));
  if (!checked.ok) throw new MalformedError(`${at} (${checked.error.field})`);
  return night;
}
