// Companion deps in memory, signed in with Google, on a fixed clock: for engine tests that answer
// HTTP themselves (the harness runs against the loopback fake server instead).
import { writeTokens } from "../../companion/auth/token-store";
import { CompanionDeps, HttpRequest, HttpResponse } from "../../companion/deps";
import { MemoryStore } from "./companion-harness";

/** 2026-11-11 18:00 UTC, the phone's local time in these deps. */
export const NOW = Date.UTC(2026, 10, 11, 18, 0);

export function memoryDeps(
  http: (req: HttpRequest) => Promise<HttpResponse>,
  now: () => number = () => NOW,
): CompanionDeps & { storage: MemoryStore } {
  const storage = new MemoryStore();
  writeTokens(storage, {
    provider: "google",
    accessToken: "a",
    refreshToken: "r",
    expiresAt: NOW + 24 * 3600e3,
    scope: "",
  });
  return {
    host: { wakeInterval: undefined },
    settings: new MemoryStore(),
    storage,
    credentials: { google: { clientId: "id", clientSecret: "s" }, fitbit: { clientId: "", clientSecret: "" } },
    http,
    now,
    localTime: () => ({ year: 2026, month: 11, day: 11, hours: 18, minutes: 0 }),
    randomBytes: (n) => new Array<number>(n).fill(7),
    random: () => 0.5,
    wait: () => new Promise<void>(() => undefined), // no request here outlives its test
    sendFile: () => Promise.resolve(),
    socketOpen: () => false,
    internetAllowed: () => true,
    sendMessage: () => undefined,
    log: () => undefined,
  };
}

/** An answer with this status and body. */
export function answer(status: number, body: unknown): HttpResponse {
  return { status, headers: { get: () => null }, text: () => Promise.resolve(JSON.stringify(body)) };
}
