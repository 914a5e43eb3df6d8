// The whole simulated world: one virtual clock, the Bluetooth link, the watch app, the companion
// and the settings page, all running the built bundles.
import { DeviceInfo, deviceOf, isKnownTarget } from "./devices";
import { Fba } from "./fba";
import { CompanionApp } from "./phone/companion-app";
import { createPhoneFetch, Network, NO_NETWORK, RequestRecord } from "./phone/network";
import { loadSettingsPage, PageNode } from "./phone/settings-page";
import { SettingsStore } from "./phone/settings-store";
import { Activity } from "./runtime/activity";
import { PeerLink } from "./runtime/peer-link";
import { Permissions } from "./runtime/permissions";
import { refusedPermissions, requestedPermissions } from "./permissions";
import { ActivityHistory } from "./watch/activity-history";
import { VirtualClock } from "./runtime/virtual-clock";
import { inZone } from "./runtime/zoned-date";
import { Scenario, WakeUpMode } from "./scenario";
import { createGettext } from "./watch/compiled-i18n";
import { WatchApp } from "./watch/watch-app";

const MINUTE = 60000;

/** Creates a seeded PRNG (mulberry32) so runs are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The .fba requests a restricted permission the scenario does not authorize: a watch refuses it. */
export class InstallRefused extends Error {}

/** What the host gives the simulated world besides the .fba and the scenario. */
export interface SimulatorOptions {
  /** Where the phone's requests go (default: nowhere, every request fails like a dropped connection). */
  network?: Network;
}

/** The watch target a run plays: the scenario's, else atlas, vulcan or the .fba's first. */
export function chooseTarget(fba: Fba, wanted: string | null): string {
  const targets = fba.devices.map((d) => d.target);
  if (wanted !== null) {
    if (!targets.includes(wanted))
      throw new InstallRefused(`the .fba has no watch bundle for ${wanted} (it has ${targets.join(", ") || "none"})`);
    return wanted;
  }
  const chosen = ["atlas", "vulcan"].find((t) => targets.includes(t)) ?? targets[0];
  if (chosen === undefined) throw new InstallRefused("the .fba has no watch bundle");
  return chosen;
}

export class Simulator {
  readonly clock: VirtualClock;
  readonly activity = new Activity();
  readonly link: PeerLink;
  readonly watch: WatchApp;
  readonly companion: CompanionApp;
  readonly settings: SettingsStore;
  readonly requests: RequestRecord[] = [];
  readonly problems: string[] = [];
  readonly logs: string[] = [];
  readonly watchStorage = new Map<string, Buffer>();
  readonly permissions: Permissions;
  readonly history = new ActivityHistory();
  /** Modules the apps required that the simulator does not emulate, as "side: name". */
  readonly notEmulated: string[] = [];
  /** The build target the watch plays. */
  readonly target: string;
  /** Its device: model and screen. */
  readonly device: DeviceInfo;
  readonly network: Network;
  /** What the watch's sleep detection says (step "sleepState"). */
  sleepState: "awake" | "asleep" | "unknown" = "awake";
  displayOn = true;
  /** The wrist is down with always-on display enabled (step "aod"). */
  aodRequested = false;
  phoneOnline = true;
  /** How far the phone's clock (companion and settings page) is from true time; the watch keeps true time. */
  phoneOffsetMs = 0;
  private wakeMode: WakeUpMode = "exact";
  private wakeIntervalMs: number | undefined = undefined;
  private readonly wakeRandom = seededRandom(0x77616b65);
  private renderPage: ReturnType<typeof loadSettingsPage>;
  private wakeTimer: number | null = null;

  constructor(
    fba: Fba,
    readonly scenario: Scenario,
    options: SimulatorOptions = {},
  ) {
    this.network = options.network ?? NO_NETWORK;
    this.target = chooseTarget(fba, scenario.target);
    if (!isKnownTarget(this.target))
      this.problem(`device: ${this.target} is not a known target; it plays as a 336×336 screen`);
    // Installing: a sideload of a build with a restricted permission is refused (docs/reference/fitbit-os.md §2.6).
    const requested = requestedPermissions(fba.manifest);
    const refused = refusedPermissions(requested, scenario.authorizedPermissions);
    if (refused.length > 0)
      throw new InstallRefused(
        `install refused: ${refused.map((p) => p.why).join("; ")}. A scenario for a developer Fitbit authorized says "authorizedPermissions": [${refused.map((p) => JSON.stringify(p.key)).join(", ")}].`,
      );
    this.permissions = new Permissions(requested);
    this.clock = new VirtualClock(new Date(scenario.start).getTime());
    const now = () => this.clock.now();
    const phoneNow = () => this.clock.now() + this.phoneOffsetMs;
    this.link = new PeerLink(
      this.activity,
      now,
      (side, e) => this.problem(`${side}: uncaught ${String(e)}`),
      () => this.watch.filesArrived(),
      (name, data) => this.companion.fileArrived(name, data),
    );
    const device = fba.devices.find((d) => d.target === this.target);
    if (device === undefined) throw new Error(`the .fba has no watch bundle for ${this.target}`);
    this.device = deviceOf(this.target, device.screen);
    // The scenario's starting count is where the day already stood: no burst of steps at the start.
    this.history.noteSteps(0, scenario.watch.steps);
    const companionFiles = fba.companion?.files;
    const companionManifest = fba.companion?.manifest;
    // The companion manifest names both entries: {"companion": {"main"}, "settings": {"main"}}.
    const entry = (part: unknown, fallback: string) => {
      const main = (part as { main?: unknown } | undefined)?.main;
      return companionFiles?.get(typeof main === "string" ? main : fallback)?.toString("utf8");
    };
    const companionSource = entry(companionManifest?.companion, "companion.js");
    const settingsSource = entry(companionManifest?.settings, "settings.js");
    const notEmulated = (side: string) => (name: string) => {
      const entry = `${side}: ${name}`;
      if (!this.notEmulated.includes(entry)) this.notEmulated.push(entry);
    };
    this.watch = new WatchApp({
      files: device.files,
      manifest: device.manifest,
      link: this.link,
      storage: this.watchStorage,
      now,
      localize: (date) => this.watchDate(date),
      inputs: {
        setup: scenario.watch,
        language: scenario.locale,
        displayOn: () => this.displayOn,
        aodRequested: () => this.aodRequested,
        translate: createGettext(device.files, device.manifest, scenario.locale),
        device: this.device,
        permissions: this.permissions,
        aodDisplayOn: scenario.aodDisplayOn,
        sleepState: () => this.sleepState,
        history: this.history,
        sendFile: (name, data) => this.link.enqueueFromWatch(name, data),
      },
      timers: this.timers("watch"),
      console: this.console("watch"),
      problem: (m) => this.problem(m),
      notEmulated: notEmulated("watch"),
    });
    this.settings = new SettingsStore(
      (event) => this.companion.deliver("settingsChanged", event),
      () => undefined,
    );
    const random = seededRandom(20261124);
    // A face without a companion or settings page runs without them (an empty bundle).
    this.companion = new CompanionApp({
      source: companionSource ?? "",
      link: this.link,
      settings: this.settings,
      localStorage: new Map(),
      now: phoneNow,
      random,
      globals: {
        ...this.timers("companion"),
        console: this.console("companion"),
        Headers,
        btoa,
        atob,
        fetch: createPhoneFetch({
          network: this.network,
          // Without access_internet the companion's fetch fails like a network error (unverified).
          online: () => this.phoneOnline && this.permissions.has("access_internet"),
          now,
          activity: this.activity,
          requests: this.requests,
        }),
      },
      onWakeInterval: (ms) => this.scheduleWake(ms),
      problem: (m) => this.problem(m),
      permissions: this.permissions,
      defaultWakeInterval:
        typeof companionManifest?.defaultWakeInterval === "number" ? companionManifest.defaultWakeInterval : undefined,
      device: this.device,
      phone: scenario.phone,
      later: (callback) => this.clock.schedule(callback, 0, null, "companion"),
      notEmulated: notEmulated("companion"),
    });
    this.hasCompanion = companionSource !== undefined;
    this.renderPage = loadSettingsPage(
      settingsSource ?? "",
      phoneNow,
      this.console("settings"),
      scenario.locale,
      notEmulated("settings"),
    );
  }

  /** Whether the .fba has a companion (a face without one never starts it). */
  readonly hasCompanion: boolean;

  problem(message: string): void {
    this.problems.push(message);
  }

  /** Starts watch app and companion as when the user selects the face. */
  async boot(): Promise<void> {
    this.watch.start();
    if (this.hasCompanion) this.companion.start({ peerAppLaunched: true });
    await this.activity.settle();
  }

  page(): PageNode | null {
    try {
      return this.renderPage({ settings: this.settings.snapshot(), settingsStorage: this.settings.pageSide });
    } catch (error) {
      this.problem(`settings: uncaught ${String(error)}`);
      return null;
    }
  }

  /** Moves virtual time forward, firing timers, wake-ups and minute ticks in order. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    while (this.clock.now() < end) {
      const nextMinute = (Math.floor(this.clock.now() / MINUTE) + 1) * MINUTE;
      const nextTimer = this.clock.nextDue(end);
      const to = Math.min(end, nextMinute, nextTimer ?? end);
      this.clock.runDue(to);
      // The watch's own midnight, in its own zone.
      if (this.watchDate(new Date(to)).getDate() !== this.watchDate(new Date(to - 1)).getDate())
        this.resetDailyActivity();
      if (to === nextMinute && to <= end) this.watch.tick(new Date(to));
      await this.activity.settle();
      // The common real case: the phone unloads the companion as soon as its work is done.
      if (this.scenario.unloadAfterEachRun) this.unloadCompanion();
    }
  }

  /** At local midnight the watch's own counters start again from zero; goals stay. */
  private resetDailyActivity(): void {
    const w = this.scenario.watch;
    this.history.closeDay(this.clock.now(), w);
    for (const key of ["steps", "activeZoneMinutes", "calories", "distanceMeters", "floors"] as const) {
      if (w[key] !== undefined) w[key] = 0;
    }
  }

  /** A date as the watch reads it: in its own zone when that differs from the phone's. */
  watchDate<T extends Date>(date: T): T {
    return this.scenario.watchTimeZone === this.scenario.timeZone ? date : inZone(date, this.scenario.watchTimeZone);
  }

  /** The companion's context is discarded: only its storage, settings, files and the outbox survive. */
  unloadCompanion(): void {
    if (!this.companion.running) return;
    this.companion.stop();
    this.clock.cancelOwner("companion");
  }

  setWakeUps(mode: WakeUpMode): void {
    this.wakeMode = mode;
    this.scheduleWake(this.wakeIntervalMs);
  }

  /**
   * Wake-ups as the phone gives them: on time; each one 0–3 intervals late (drawn from a seeded
   * random); or none at all while the mode is "dropped".
   */
  private scheduleWake(ms: number | undefined): void {
    this.wakeIntervalMs = ms;
    if (this.wakeTimer !== null) this.clock.cancel(this.wakeTimer);
    this.wakeTimer = null;
    if (ms === undefined || this.wakeMode === "dropped") return;
    // Wake-ups need run_background ("the companion runs while the face is closed").
    const wake = () => {
      if (this.permissions.has("run_background")) this.companion.deliver("wokenUp");
    };
    if (this.wakeMode === "exact") {
      this.wakeTimer = this.clock.schedule(wake, ms, ms, "wake");
      return;
    }
    const next = () => {
      const delay = ms + Math.floor(this.wakeRandom() * 3 * ms);
      this.wakeTimer = this.clock.schedule(
        () => {
          next();
          wake();
        },
        delay,
        null,
        "wake",
      );
    };
    next();
  }

  timers(owner: string): Record<string, unknown> {
    const guard = (callback: unknown, args: unknown[]) => () => {
      try {
        if (typeof callback === "function") (callback as (...a: unknown[]) => void)(...args);
      } catch (error) {
        this.problem(`${owner}: uncaught ${String(error)}`);
      }
    };
    return {
      setTimeout: (cb: unknown, delay?: number, ...args: unknown[]) =>
        this.clock.schedule(guard(cb, args), delay ?? 0, null, owner),
      setInterval: (cb: unknown, delay?: number, ...args: unknown[]) =>
        this.clock.schedule(guard(cb, args), delay ?? 0, Math.max(delay ?? 0, 1), owner),
      clearTimeout: (id: unknown) => this.clock.cancel(id),
      clearInterval: (id: unknown) => this.clock.cancel(id),
    };
  }

  console(side: string): Record<string, unknown> {
    const line = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
    const log = (...args: unknown[]) => void this.logs.push(`${side}: ${line(args)}`);
    return {
      log,
      info: log,
      warn: log,
      debug: log,
      error: (...args: unknown[]) => this.problem(`${side}: console.error ${line(args)}`),
    };
  }
}
