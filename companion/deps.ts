import { ClientCredentials } from "../common/providers";
/** A string store (`settingsStorage`, `localStorage`): the parts the companion uses. */
export interface StringStore {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type { ClientCredentials } from "../common/providers";

/** The companion's view of the `me` object from the `companion` module. */
export interface CompanionHost {
  wakeInterval: number | undefined;
}

/** The part of a fetch Response the companion reads. */
export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A request as the providers build it (bodies are strings on the companion). */
export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: { [name: string]: string };
  body?: string;
}

/** Local civil time of the phone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
}

/** Everything the companion needs from the platform, wired by `companion/index.ts`. */
export interface CompanionDeps {
  host: CompanionHost;
  settings: StringStore;
  storage: StringStore;
  credentials: ClientCredentials;
  /**
   * Sends a request. `timeoutMs` is the companion's own limit (http/request.ts): where the runtime
   * can abort a request, it aborts it then (platform-http.ts); the companion stops waiting anyway.
   */
  http(request: HttpRequest, timeoutMs: number): Promise<HttpResponse>;
  now(): number;
  localTime(epochMs: number): LocalTime;
  /** Cryptographically random bytes; null when the phone offers none (no `crypto.getRandomValues`). */
  randomBytes(count: number): number[] | null;
  /** Resolves after `ms` of the companion's clock (its timers). */
  wait(ms: number): Promise<void>;
  random(): number;
  sendFile(name: string, value: unknown): Promise<unknown>;
  socketOpen(): boolean;
  /** Whether the user lets this app use the internet (`me.permissions.granted("access_internet")`). */
  internetAllowed(): boolean;
  sendMessage(value: unknown): void;
  log(line: string): void;
}
