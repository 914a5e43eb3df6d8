// Sealing: a value the broker hands out and later takes back, opaque and tamper-evident to anyone
// else. AES-256-GCM with a key held as a Worker secret; the type and the client id are bound in
// as additional data, so a sealed code never opens as a refresh token, nor for another client.
// Wire form: "s2." + base64url(key id (4 bytes) | IV (12 bytes) | ciphertext and tag). Older seals
// ("s1.", a 1-byte key id) still open: every configured key whose first id byte matches is tried,
// so a 1-byte collision between the current and the previous key no longer reads as tampering.

export type SealedType = "code" | "refresh";

/** An AES-GCM key and its id (the first 4 bytes of the SHA-256 of its raw bytes, big-endian). */
export interface SealingKey {
  id: number;
  key: CryptoKey;
}

const PREFIX = "s2.";
const LEGACY_PREFIX = "s1.";
const ID_BYTES = 4;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Imports a 32-byte key given as base64 (or base64url); null when it is not one. */
export async function importSealingKey(base64: string | undefined): Promise<SealingKey | null> {
  if (base64 === undefined || base64.trim() === "") return null;
  const raw = fromBase64Url(base64.trim().replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  if (raw === null || raw.length !== 32) return null;
  const digest = new DataView(await crypto.subtle.digest("SHA-256", raw));
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { id: digest.getUint32(0), key };
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(text));
}

function additionalData(type: SealedType, clientId: string): Uint8Array<ArrayBuffer> {
  return utf8(`sleepface-broker|${type}|${clientId}`);
}

/** Seals a value for one client; `expiresAt` in epoch seconds, 0 for no expiry of its own. */
export async function seal(
  key: SealingKey,
  type: SealedType,
  clientId: string,
  value: string,
  expiresAt: number,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = utf8(JSON.stringify({ v: value, e: expiresAt }));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: additionalData(type, clientId) },
      key.key,
      plain,
    ),
  );
  const out = new Uint8Array(ID_BYTES + iv.length + cipher.length);
  new DataView(out.buffer).setUint32(0, key.id);
  out.set(iv, ID_BYTES);
  out.set(cipher, ID_BYTES + iv.length);
  return PREFIX + toBase64Url(out);
}

/** What opening found: the value and the key that opened it, or why it did not open. */
export type Opened = { value: string; key: SealingKey } | { refused: "malformed" | "tampered" | "expired" };

/**
 * Opens a sealed value with the key of its id (the current one, or the previous one during a
 * rotation). Any change to any bit, another type or another client fails as tampered.
 */
export async function open(
  keys: SealingKey[],
  type: SealedType,
  clientId: string,
  sealed: string,
  nowSeconds: number,
): Promise<Opened> {
  const legacy = sealed.startsWith(LEGACY_PREFIX);
  if (!legacy && !sealed.startsWith(PREFIX)) return { refused: "malformed" };
  const bytes = fromBase64Url(sealed.slice(PREFIX.length));
  const idBytes = legacy ? 1 : ID_BYTES;
  if (bytes === null || bytes.length < idBytes + 12 + 16) return { refused: "malformed" };
  const id = legacy ? bytes[0] : new DataView(bytes.buffer).getUint32(0);
  const candidates = keys.filter((k) => (legacy ? k.id >>> 24 : k.id) === id);
  for (const key of candidates) {
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes.slice(idBytes, idBytes + 12), additionalData: additionalData(type, clientId) },
        key.key,
        bytes.slice(idBytes + 12),
      );
    } catch {
      continue; // another key with the same short id, or a changed bit
    }
    const payload = JSON.parse(new TextDecoder().decode(plain)) as { v: string; e: number };
    if (payload.e !== 0 && payload.e < nowSeconds) return { refused: "expired" };
    return { value: payload.v, key };
  }
  return { refused: "tampered" };
}
