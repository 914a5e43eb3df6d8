// CBOR (RFC 8949) as the Fitbit `cbor` module uses it (docs/reference/fitbit-os.md §4), on cborg: numbers,
// strings, booleans, null, undefined, byte buffers, arrays and string-keyed objects. Integers take
// the shortest head and other numbers float64 (cborg's `float64`); maps, dates and other objects
// are refused, as the platform refuses them. Decoding is strict (shortest forms, no duplicate
// keys, no trailing bytes) and gives byte strings back as ArrayBuffer, as the platform does.
import { decode, encode } from "cborg";

// Values may come from the bundles' own vm realms, so types are told apart without instanceof.
const kind = (value: unknown) => Object.prototype.toString.call(value);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Copies a value into this realm's plain types cborg knows, refusing what the platform refuses. */
function normalize(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
      throw new TypeError(`cbor: cannot encode ${typeof value}`);
    return value;
  }
  if (kind(value) === "[object ArrayBuffer]") return new Uint8Array((value as ArrayBuffer).slice(0));
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (Array.isArray(value)) return value.map(normalize);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = normalize(item);
    return out;
  }
  throw new TypeError(`cbor: cannot encode ${kind(value)}`);
}

function toPlatform(value: unknown): unknown {
  if (value instanceof Uint8Array) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  if (Array.isArray(value)) return value.map(toPlatform);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toPlatform(item);
    return out;
  }
  return value;
}

/** Encodes a value to CBOR bytes; throws TypeError for values the platform cannot encode. */
export function encodeCbor(value: unknown): Buffer {
  return Buffer.from(encode(normalize(value), { float64: true }));
}

/** Decodes one CBOR data item; throws on truncated, trailing or unsupported input. */
export function decodeCbor(input: ArrayBuffer | Uint8Array): unknown {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  return toPlatform(decode(bytes, { strict: true, rejectDuplicateMapKeys: true, allowUndefined: true }));
}
