// Runs the companion's start(deps) with behavioural fakes (stores, clock, socket, outbox) and the
// REAL fetch against the project's fake provider server on loopback.
import { providerChoice } from "../../sim/choices";
import { decodeSnapshot } from "../../common/decode-snapshot";
import { Snapshot } from "../../common/snapshot";
import { providerInfo } from "../../common/providers";
import { parseOauthRequest, parseSyncReport, SettingsKey, SyncReport } from "../../common/settings-keys";
import { CompanionDeps, HttpRequest, StringStore } from "../../companion/deps";
import { CompanionEvents, start } from "../../companion/start";
import { routeUrl } from "../../sim/routes";
import { toCivil } from "../../sim/servers/civil-time";
import { FakeServer, startFakeServer } from "../../sim/servers";
import { AnswerStyle } from "../../sim/servers/answer-style";
import { buildAuthorizeUrl, seededRandom } from "fitbit-os-sim";

export const CREDENTIALS = {
  google: { clientId: "test.apps.googleusercontent.com", clientSecret: "test-secret" },
  fitbit: { clientId: "TEST", clientSecret: "" },
};

export class MemoryStore implements StringStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export interface Harness {
  server: FakeServer;
  settings: MemoryStore;
  storage: MemoryStore;
  requests: Array<{ method: string; url: string; status: number }>;
  files: Snapshot[];
  messages: unknown[];
  clock: { now: number };
  socketOpen: boolean;
  /** When true, every request fails as with no network. */
  offline: boolean;
  /** `access_internet` as the user set it (true unless a test revokes it). */
  internet: boolean;
  /** The watch sends a file (a wake signal, a refresh request): the companion reads its value. */
  watchFile(value: unknown): Promise<void>;
  logs: string[];
  /** Page writes a setting: the companion gets a change event; resolves when its work is done. */
  pageWrite(key: string, value: string): Promise<void>;
  wake(): Promise<void>;
  signIn(): Promise<void>;
  /** Runs the consent and leaves the return in settings without a change event (as when unloaded). */
  returnWhileUnloaded(): Promise<void>;
  /** The companion is unloaded and launched again: memory gone, storage and settings kept. */
  relaunch(): Promise<void>;
  advance(minutes: number): Promise<void>;
  lastSnapshot(): Snapshot | null;
  /** What the companion last told the settings page. */
  report(): SyncReport | null;
  close(): Promise<void>;
}

async function idle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
}

export async function startHarness(options: {
  start: string;
  timeZone: string;
  provider?: "google" | "fitbit";
  answers?: AnswerStyle;
  sleepPageSize?: number;
  /** The phone's companion runtime has no crypto.getRandomValues. */
  noCrypto?: boolean;
}): Promise<Harness> {
  process.env.TZ = options.timeZone;
  const clock = { now: new Date(options.start).getTime() };
  const server = await startFakeServer({
    now: () => clock.now,
    timeZone: options.timeZone,
    answers: options.answers,
    sleepPageSize: options.sleepPageSize,
    google: CREDENTIALS.google,
    fitbit: CREDENTIALS.fitbit,
  });
  const listeners: {
    wake: Array<() => void>;
    settings: Array<(key: string | null) => void>;
    file: Array<(value: unknown) => void>;
  } = {
    wake: [],
    settings: [],
    file: [],
  };
  const h: Harness = {
    server,
    settings: new MemoryStore(),
    storage: new MemoryStore(),
    requests: [],
    files: [],
    messages: [],
    clock,
    socketOpen: false,
    offline: false,
    internet: true,
    async watchFile(value) {
      listeners.file.forEach((l) => l(value));
      await idle();
    },
    logs: [],
    async pageWrite(key, value) {
      h.settings.setItem(key, value);
      listeners.settings.forEach((l) => l(key));
      await idle();
    },
    async wake() {
      listeners.wake.forEach((l) => l());
      await idle();
    },
    async signIn() {
      await h.returnWhileUnloaded();
      listeners.settings.forEach((l) => l(SettingsKey.oauthReturn));
      await idle();
    },
    async returnWhileUnloaded() {
      const request = parseOauthRequest(h.settings.getItem(SettingsKey.oauthRequest));
      if (request === null) throw new Error("no sign-in prepared");
      const url = buildAuthorizeUrl({
        authorizeUrl: providerInfo(request.provider).authorizeUrl,
        clientId: request.clientId,
        scope: providerInfo(request.provider).scopes.join(" "),
        oAuthParams: { state: request.state, code_challenge: request.challenge, code_challenge_method: "S256" },
      });
      const response = await fetch(routeUrl(url, server.url), { redirect: "manual" });
      const location = new URL(response.headers.get("location") ?? "");
      h.settings.setItem(SettingsKey.oauthReturn, JSON.stringify(Object.fromEntries(location.searchParams)));
    },
    async relaunch() {
      listeners.wake = [];
      listeners.settings = [];
      listeners.file = [];
      start(deps, events);
      await idle();
    },
    async advance(minutes) {
      const end = clock.now + minutes * 60000;
      while (clock.now < end) {
        clock.now = Math.min(end, clock.now + 15 * 60000);
        for (const w of timers.filter((t) => t.at <= clock.now)) {
          timers.splice(timers.indexOf(w), 1);
          w.resolve();
        }
        await idle();
        if (clock.now % (15 * 60000) === 0 || clock.now === end) await h.wake();
      }
    },
    lastSnapshot: () => h.files[h.files.length - 1] ?? null,
    report: () => parseSyncReport(h.settings.getItem(SettingsKey.status)),
    close: () => server.close(),
  };
  const random = seededRandom(42);
  /** The companion's timers, on the harness clock: they fire as `advance` passes them. */
  const timers: Array<{ at: number; resolve: () => void }> = [];
  const deps: CompanionDeps = {
    host: { wakeInterval: undefined },
    settings: h.settings,
    storage: h.storage,
    credentials: CREDENTIALS,
    async http(req: HttpRequest) {
      if (h.offline) throw new TypeError("Network request failed");
      const response = await fetch(routeUrl(req.url, server.url), {
        method: req.method,
        headers: req.headers,
        body: req.body,
      });
      h.requests.push({ method: req.method, url: req.url, status: response.status });
      return response;
    },
    now: () => clock.now,
    wait: (ms) => new Promise<void>((resolve) => void timers.push({ at: clock.now + ms, resolve })),
    localTime: (ms) => toCivil(ms, options.timeZone),
    randomBytes: (n) =>
      options.noCrypto === true ? null : Array.from({ length: n }, () => Math.floor(random() * 256)),
    random,
    sendFile: (_name, value) => {
      const decoded = decodeSnapshot(value);
      if (!decoded.ok) throw new Error(`companion sent an invalid snapshot: ${JSON.stringify(decoded.error)}`);
      h.files.push(decoded.value);
      return Promise.resolve();
    },
    socketOpen: () => h.socketOpen,
    internetAllowed: () => h.internet,
    sendMessage: (value) => void h.messages.push(value),
    log: (line) => void h.logs.push(line),
  };
  if (options.provider === "fitbit") h.settings.setItem(SettingsKey.provider, providerChoice("fitbit"));
  const events: CompanionEvents = {
    onWake: (l) => void listeners.wake.push(l),
    onSettingsChange: (l) => void listeners.settings.push(l),
    onPeerOpen: () => undefined,
    onPeerMessage: () => undefined,
    onWatchFile: (l) => void listeners.file.push(l),
  };
  start(deps, events);
  await idle();
  return h;
}
