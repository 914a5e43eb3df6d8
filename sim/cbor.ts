// CBOR (RFC 8949) as the Fitbit `cbor` module uses it (fitbit-os.md §4): numbers, strings,
// booleans, null, undefined, byte buffers, arrays and string-keyed objects. Integers take the
// shortest head; other numbers are float64. Used for the simulator's `cbor` module and for
// measuring snapshot bytes on the wire.

function head(major: number, value: number): number[] {
  const m = major << 5;
  if (value < 24) return [m | value];
  if (value < 0x100) return [m | 24, value];
  if (value < 0x10000) return [m | 25, value >> 8, value & 0xff];
  if (value < 0x100000000)
    return [m | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  const high = Math.floor(value / 0x100000000);
  return [m | 27, ...u32(high), ...u32(value >>> 0)];
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

// Values may come from the bundles' own vm realms, so types are told apart without instanceof.
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === "[object ArrayBuffer]";
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function encodeInto(value: unknown, out: number[]): void {
  if (value === false) out.push(0xf4);
  else if (value === true) out.push(0xf5);
  else if (value === null) out.push(0xf6);
  else if (value === undefined) out.push(0xf7);
  else if (typeof value === "number") encodeNumber(value, out);
  else if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    out.push(...head(3, bytes.length), ...bytes);
  } else if (isArrayBuffer(value) || ArrayBuffer.isView(value)) {
    const bytes = ArrayBuffer.isView(value)
      ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      : new Uint8Array(value);
    out.push(...head(2, bytes.length), ...bytes);
  } else if (Array.isArray(value)) {
    out.push(...head(4, value.length));
    for (const item of value) encodeInto(item, out);
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    out.push(...head(5, entries.length));
    for (const [key, item] of entries) {
      encodeInto(key, out);
      encodeInto(item, out);
    }
  } else {
    throw new TypeError(`cbor: cannot encode ${Object.prototype.toString.call(value)}`);
  }
}

function encodeNumber(value: number, out: number[]): void {
  if (Number.isSafeInteger(value)) {
    out.push(...(value >= 0 ? head(0, value) : head(1, -1 - value)));
    return;
  }
  const buffer = Buffer.alloc(9);
  buffer[0] = 0xfb;
  buffer.writeDoubleBE(value, 1);
  out.push(...buffer);
}

/** Encodes a value to CBOR bytes; throws TypeError for values the platform cannot encode. */
export function encodeCbor(value: unknown): Buffer {
  const out: number[] = [];
  encodeInto(value, out);
  return Buffer.from(out);
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError("cbor: truncated input");
    return this.bytes[this.offset++];
  }

  take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new RangeError("cbor: truncated input");
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  argument(info: number): number {
    if (info < 24) return info;
    if (info === 24) return this.byte();
    if (info === 25) return this.take(2).readUInt16BE(0);
    if (info === 26) return this.take(4).readUInt32BE(0);
    if (info === 27) {
      const b = this.take(8);
      return b.readUInt32BE(0) * 0x100000000 + b.readUInt32BE(4);
    }
    throw new RangeError(`cbor: unsupported additional info ${info}`);
  }

  value(): unknown {
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return this.simple(info);
    const arg = this.argument(info);
    switch (major) {
      case 0:
        return arg;
      case 1:
        return -1 - arg;
      case 2: {
        const copy = new Uint8Array(arg);
        copy.set(this.take(arg));
        return copy.buffer;
      }
      case 3:
        return this.take(arg).toString("utf8");
      case 4:
        return Array.from({ length: arg }, () => this.value());
      case 5: {
        const result: Record<string, unknown> = {};
        for (let i = 0; i < arg; i++) {
          const key = this.value();
          if (typeof key !== "string" && typeof key !== "number") throw new TypeError("cbor: unsupported map key");
          result[String(key)] = this.value();
        }
        return result;
      }
      default:
        throw new RangeError(`cbor: unsupported major type ${major}`);
    }
  }

  simple(info: number): unknown {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info === 25) return decodeHalf(this.take(2).readUInt16BE(0));
    if (info === 26) return this.take(4).readFloatBE(0);
    if (info === 27) return this.take(8).readDoubleBE(0);
    throw new RangeError(`cbor: unsupported simple value ${info}`);
  }
}

function decodeHalf(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const mantissa = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Decodes one CBOR data item; throws on truncated, trailing or unsupported input. */
export function decodeCbor(input: ArrayBuffer | Uint8Array): unknown {
  const bytes =
    input instanceof ArrayBuffer ? Buffer.from(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const reader = new Reader(bytes);
  const value = reader.value();
  if (reader.offset !== bytes.length) throw new RangeError("cbor: trailing bytes after the data item");
  return value;
}
