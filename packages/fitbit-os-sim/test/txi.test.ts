import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode, TXIOutputFormat } from "@fitbit/image-codec-txi";
import fc from "fast-check";
import { decodeTxi } from "../src/render/txi";

// Images as the SDK's own encoder writes them (the one fitbit-build runs), decoded back.
const image = fc
  .record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }) })
  .chain(({ width, height }) =>
    fc
      // few distinct values, so runs (RLE) and literals both occur
      .array(fc.constantFrom(0, 0, 0, 7, 128, 255), { minLength: width * height * 4, maxLength: width * height * 4 })
      .map((values) => ({ width, height, data: new Uint8ClampedArray(values) })),
  );

describe("txi decoding", () => {
  for (const rle of [true, false]) {
    it(`reads back A8 coverage (the red channel) ${rle ? "with" : "without"} RLE`, () => {
      fc.assert(
        fc.property(image, (img) => {
          const texture = decodeTxi(new Uint8Array(encode(img, { outputFormat: TXIOutputFormat.A8, rle })));
          assert.equal(texture.mask, true);
          assert.equal(texture.width, img.width);
          for (let i = 0; i < img.width * img.height; i++) assert.equal(texture.rgba[i * 4 + 3], img.data[i * 4]);
        }),
      );
    });
    it(`reads back RGBA colours ${rle ? "with" : "without"} RLE`, () => {
      fc.assert(
        fc.property(image, (img) => {
          const texture = decodeTxi(new Uint8Array(encode(img, { outputFormat: TXIOutputFormat.RGBA8888, rle })));
          assert.equal(texture.mask, false);
          assert.deepEqual([...texture.rgba], [...img.data]);
        }),
      );
    });
    for (const [format, levels] of [
      [TXIOutputFormat.RGBA6666, 63],
      [TXIOutputFormat.RGBA4444, 15],
    ] as const) {
      it(`reads back ${format} colours to within their precision ${rle ? "with" : "without"} RLE`, () => {
        fc.assert(
          fc.property(image, (img) => {
            const texture = decodeTxi(new Uint8Array(encode(img, { outputFormat: format, rle })));
            for (let i = 0; i < img.width * img.height; i++) {
              // a fully transparent pixel is written as all zeros
              if (img.data[i * 4 + 3] === 0) assert.equal(texture.rgba[i * 4 + 3], 0);
              else
                for (let c = 0; c < 4; c++)
                  assert.ok(Math.abs(texture.rgba[i * 4 + c] - img.data[i * 4 + c]) <= Math.ceil(255 / levels / 2) + 1);
            }
          }),
        );
      });
    }
  }

  it("refuses what is not a txi file or ends early", () => {
    assert.throws(() => decodeTxi(new Uint8Array(10)), /header/);
    assert.throws(() => decodeTxi(new Uint8Array(64)), /not a txi/);
    const whole = new Uint8Array(
      encode(
        { width: 8, height: 8, data: new Uint8ClampedArray(256).fill(9) },
        { outputFormat: TXIOutputFormat.A8, rle: false },
      ),
    );
    assert.throws(() => decodeTxi(whole.subarray(0, 50)), /ends early/);
  });
});
