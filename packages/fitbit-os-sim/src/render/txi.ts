// Reads the watch's image format (`*.png.txi`), as @fitbit/sdk's encoder (@fitbit/image-codec-txi)
// writes it, so the simulator draws `<image>` from the built bundle itself (docs/reference/fitbit-os.md §8.10).
// Header: ten little-endian uint32 (type "txi\n", version, data length, 0, texture format with
// bit 28 = RLE, 0/1, width, height, data length, 0xdeadbeef). RLE sections: a byte whose bit 7
// says "one pixel repeated" and whose low 7 bits are the count, else that many literal pixels.
// Without RLE each row has one extra pixel and is padded to 4 bytes.

/** More pixels than any watch screen has, several times over: a bigger texture is corrupt. */
const MAX_PIXELS = 1024 * 1024;
const TYPE = 0x0a697874;
const RLE = 0x10000000;
const FORMATS: Record<
  number,
  { name: "A8" | "ABGR8888" | "BGRA8888" | "BGR565" | "ABGR6666" | "ABGR4444"; bpp: number }
> = {
  35153510: { name: "ABGR6666", bpp: 3 },
  34620484: { name: "ABGR4444", bpp: 2 },
  524296: { name: "A8", bpp: 1 },
  35686536: { name: "ABGR8888", bpp: 4 },
  18909320: { name: "BGRA8888", bpp: 4 },
  17827173: { name: "BGR565", bpp: 2 },
};

/** A decoded texture: RGBA pixels, or for A8 the coverage only (drawn in the element's fill). */
export interface Texture {
  width: number;
  height: number;
  /** A8: a mask tinted by `fill`; otherwise the image's own colours. */
  mask: boolean;
  rgba: Uint8Array;
}

function toRgba(name: string, p: Uint8Array, at: number, out: Uint8Array, o: number): void {
  if (name === "A8") out.set([255, 255, 255, p[at]], o);
  else if (name === "ABGR8888") out.set([p[at + 3], p[at + 2], p[at + 1], p[at]], o);
  else if (name === "BGRA8888") out.set([p[at + 2], p[at + 1], p[at], p[at + 3]], o);
  else if (name === "ABGR6666") {
    // bbaaaaaa ggggbbbb rrrrrrgg (the encoder's packing), each 6-bit channel scaled to 8 bits
    const v = p[at] | (p[at + 1] << 8) | (p[at + 2] << 16);
    const six = (shift: number) => Math.round((((v >> shift) & 63) * 255) / 63);
    out.set([six(18), six(12), six(6), six(0)], o);
  } else if (name === "ABGR4444") {
    // bbbbaaaa rrrrgggg
    const four = (byte: number, shift: number) => ((byte >> shift) & 15) * 17;
    out.set([four(p[at + 1], 4), four(p[at + 1], 0), four(p[at], 4), four(p[at], 0)], o);
  } else {
    const v = p[at] | (p[at + 1] << 8);
    out.set([((v >> 11) & 31) * 8.226, ((v >> 5) & 63) * 4.048, (v & 31) * 8.226, 255].map(Math.round), o);
  }
}

export function decodeTxi(file: Uint8Array): Texture {
  if (file.length < 40) throw new Error("txi: shorter than its header");
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const word = (i: number) => view.getUint32(i * 4, true);
  if (word(0) !== TYPE) throw new Error("txi: not a txi file");
  const format = FORMATS[word(4) & ~RLE];
  if (format === undefined) throw new Error(`txi: texture format ${word(4)} is not emulated`);
  const rle = (word(4) & RLE) !== 0;
  const width = word(6);
  const height = word(7);
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new Error("txi: bad size");
  const body = file.subarray(40);
  const pixels = new Uint8Array(width * height * format.bpp);
  if (rle) {
    let read = 0;
    let written = 0;
    while (written < pixels.length) {
      if (read >= body.length) throw new Error("txi: data ends early");
      const header = body[read++];
      const count = header & 127;
      if ((header & 128) !== 0) {
        const pixel = body.subarray(read, read + format.bpp);
        read += format.bpp;
        for (let i = 0; i < count && written < pixels.length; i++, written += format.bpp) pixels.set(pixel, written);
      } else {
        const bytes = Math.min(count * format.bpp, pixels.length - written);
        pixels.set(body.subarray(read, read + bytes), written);
        read += count * format.bpp;
        written += bytes;
      }
    }
  } else {
    const stride = ((width + 1) * format.bpp + 3) & ~3;
    if (body.length < stride * height) throw new Error("txi: data ends early");
    for (let y = 0; y < height; y++)
      pixels.set(body.subarray(y * stride, y * stride + width * format.bpp), y * width * format.bpp);
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) toRgba(format.name, pixels, i * format.bpp, rgba, i * 4);
  return { width, height, mask: format.name === "A8", rgba };
}
