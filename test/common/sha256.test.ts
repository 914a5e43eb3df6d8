import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { base64Url, pkceChallenge, sha256 } from "../../common/sha256";

const hex = (bytes: number[]) => Buffer.from(bytes).toString("hex");

describe("sha256", () => {
  it("matches the FIPS 180-4 vector for the empty string", () => {
    assert.equal(hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("matches the FIPS 180-4 vector for abc", () => {
    assert.equal(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with Node's crypto across block boundaries and non-ASCII text", () => {
    for (const text of ["a".repeat(55), "a".repeat(56), "a".repeat(64), "a".repeat(119), "Schlaf · 睡眠 · 😴"]) {
      assert.equal(hex(sha256(text)), createHash("sha256").update(text, "utf8").digest("hex"), text);
    }
  });
});

describe("pkceChallenge", () => {
  it("gives RFC 7636's challenge for its verifier", () => {
    assert.equal(
      pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });
});

describe("base64Url", () => {
  it("encodes without padding for every remainder length", () => {
    for (const bytes of [[], [0xff], [0xff, 0xee], [0xff, 0xee, 0xdd], [1, 2, 3, 4]]) {
      assert.equal(base64Url(bytes), Buffer.from(bytes).toString("base64url"));
    }
  });
});
