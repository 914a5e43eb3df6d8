import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeCbor, encodeCbor } from "../src/cbor";

describe("cbor", () => {
  const vectors: Array<[unknown, string]> = [
    [0, "00"],
    [23, "17"],
    [24, "1818"],
    [1000, "1903e8"],
    [1000000, "1a000f4240"],
    [1000000000000, "1b000000e8d4a51000"],
    [-1, "20"],
    [-1000, "3903e7"],
    [1.5, "fb3ff8000000000000"],
    ["a", "6161"],
    ["ü", "62c3bc"],
    [false, "f4"],
    [true, "f5"],
    [null, "f6"],
    [[1, [2, 3]], "8201820203"],
    [{ a: 1, b: [2] }, "a261610161628102"],
  ];
  for (const [value, hex] of vectors) {
    it(`encodes ${JSON.stringify(value)} as RFC 8949 ${hex}`, () => {
      assert.equal(encodeCbor(value).toString("hex"), hex);
    });
    it(`decodes ${hex} back to ${JSON.stringify(value)}`, () => {
      assert.deepEqual(decodeCbor(Buffer.from(hex, "hex")), value);
    });
  }

  it("round-trips byte buffers as ArrayBuffer", () => {
    const decoded = decodeCbor(encodeCbor(new Uint8Array([1, 2, 3])));
    assert.ok(decoded instanceof ArrayBuffer);
    assert.deepEqual([...new Uint8Array(decoded)], [1, 2, 3]);
  });

  it("refuses values the platform cannot encode", () => {
    assert.throws(() => encodeCbor(new Date(0)), TypeError);
    assert.throws(() => encodeCbor(new Map()), TypeError);
  });

  it("rejects truncated and trailing input", () => {
    assert.throws(() => decodeCbor(Buffer.from("8201", "hex")), /CBOR decode error/);
    assert.throws(() => decodeCbor(Buffer.from("0101", "hex")), /CBOR decode error/);
  });

  it("rejects what a deterministic encoder never writes: long forms and duplicate keys", () => {
    assert.throws(() => decodeCbor(Buffer.from("1800", "hex")), /CBOR decode error/);
    assert.throws(() => decodeCbor(Buffer.from("a2616101616102", "hex")), /CBOR decode error/);
  });
});
