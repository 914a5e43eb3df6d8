import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFba, readZip } from "../src/fba";
import { writeZip } from "../src/write-fba";

describe("readZip", () => {
  it("reads deflated and stored entries back byte for byte", () => {
    const binary = Buffer.from([0, 1, 2, 255, 254]);
    for (const deflate of [true, false]) {
      const files = readZip(writeZip({ "a.txt": "hello", "dir/b.bin": binary }, deflate));
      assert.deepEqual([...files.keys()], ["a.txt", "dir/b.bin"]);
      assert.equal(files.get("a.txt")?.toString(), "hello");
      assert.deepEqual(files.get("dir/b.bin"), binary);
    }
  });

  it("rejects a buffer that is not a zip archive", () => {
    assert.throws(() => readZip(Buffer.from("not a zip at all, just text that is long enough")), /invalid zip/);
  });
});

describe("screen sizes in the .fba's manifest", () => {
  it("takes a target's screenSize from the outer manifest when the build gives it", () => {
    const archive = writeZip({
      "manifest.json": JSON.stringify({
        components: {
          watch: { meson: { filename: "device-meson.zip", supports: { screenSize: { w: 300, h: 300 } } } },
        },
      }),
      "device-meson.zip": writeZip({ "manifest.json": "{}" }),
      "device-atlas.zip": writeZip({ "manifest.json": "{}" }),
    });
    const fba = parseFba(archive);
    assert.deepEqual(
      fba.devices.map((d) => [d.target, d.screen]),
      [
        ["atlas", undefined],
        ["meson", { width: 300, height: 300 }],
      ],
    );
  });
});
