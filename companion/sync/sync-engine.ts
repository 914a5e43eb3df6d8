// One sync run: plan, get a fresh token, make the planned calls (one refresh and retry after a
// 401), merge what arrived, persist, then deliver the snapshot and the page's status.
import { addCivilDays, CivilDate, toCivilDate } from "../../common/civil-date";
import { encodeSnapshot, SNAPSHOT_FILE } from "../../common/snapshot";
import { readOptions, SettingsKey, SyncReport } from "../../common/settings-keys";
import { Problem, SyncStatus } from "../../common/sync-status";
import { Failure, Outcome, readOutcome } from "../auth/http-outcome";
import { TokenKeeper } from "../auth/token-keeper";
import { clearTokens, readTokens, TokenSet } from "../auth/token-store";
import { CompanionDeps, HttpRequest, LocalTime } from "../deps";
import { fitbitWeb } from "../providers/fitbit-web";
import { googleHealth } from "../providers/google-health";
import { MalformedError } from "../providers/json-reader";
import { DataProvider } from "../providers/provider";
import { applyFailure } from "./apply-failure";
import { buildSnapshot } from "./build-snapshot";
import { Call, planCalls } from "./plan-calls";
import { pruneState, readState, SyncState, writeState } from "./sync-state";

export class SyncEngine {
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: CompanionDeps,
    private readonly keeper: TokenKeeper,
  ) {}

  today(): CivilDate {
    return civilDateOf(this.deps.localTime(this.deps.now()));
  }

  state(): SyncState {
    return readState(this.deps.storage, readTokens(this.deps.storage) === null ? SyncStatus.SignedOut : SyncStatus.Ok);
  }

  /** Runs a sync unless one is running (then that one's promise is returned). */
  sync(forced: boolean): Promise<void> {
    if (this.running === null) {
      const run = this.run(forced);
      this.running = run;
      const clear = () => {
        this.running = null;
      };
      run.then(clear, clear);
    }
    return this.running;
  }

  private async run(forced: boolean): Promise<void> {
    const state = this.state();
    const tokens = readTokens(this.deps.storage);
    const local = this.deps.localTime(this.deps.now());
    const today = civilDateOf(local);
    const options = readOptions((k) => this.deps.settings.getItem(k));
    const calls =
      tokens === null || state.status === SyncStatus.Retired
        ? []
        : planCalls({
            state,
            now: this.deps.now(),
            today,
            minuteOfDay: local.hours * 60 + local.minutes,
            intervalMs: options.refreshMinutes * 60000,
            forced,
          });
    if (calls.length > 0 && tokens !== null) await this.fetch(state, tokens, calls, today);
    else if (tokens !== null && state.status === SyncStatus.Ok && state.lastSyncAt !== null) {
      // Nothing can have changed (the plan says so): the data is confirmed current as of now.
      state.lastSyncAt = this.deps.now();
    }
    pruneState(state, addCivilDays(today, -8));
    this.publish(state, today);
  }

  /** Sends the snapshot (if it changed), saves the state, and updates the settings page. */
  publish(state: SyncState, today: CivilDate = this.today()): void {
    this.deliver(state, today); // records what was sent, so it is saved after
    writeState(this.deps.storage, state);
    this.report(state);
  }

  private async fetch(state: SyncState, tokens: TokenSet, calls: Call[], today: CivilDate): Promise<void> {
    const provider: DataProvider = tokens.provider === "google" ? googleHealth : fitbitWeb;
    let clean = true;
    for (const call of calls) {
      const outcome = await this.call((token) => request(provider, call, today, token));
      if (outcome.ok) {
        const parsed = this.merge(state, provider, call, outcome.body, today);
        if (parsed !== null) clean = false;
        if (parsed !== null && applyFailure(state, parsed, this.deps.now(), () => this.deps.random())) return;
        continue;
      }
      clean = false;
      this.deps.log(`sync: ${call} failed: ${outcome.failure.kind}`);
      if (
        outcome.failure.kind === "invalidGrant" ||
        outcome.failure.kind === "retired" ||
        outcome.failure.kind === "expired"
      )
        clearTokens(this.deps.storage);
      if (applyFailure(state, outcome.failure, this.deps.now(), () => this.deps.random())) return;
    }
    if (clean) {
      state.lastSyncAt = this.deps.now();
      state.status = SyncStatus.Ok;
      state.problem = Problem.None;
      state.retryAt = null;
      state.failures = 0;
    }
  }

  /** One API call with a fresh token; after a 401, one refresh and one retry. */
  private async call(build: (token: string) => HttpRequest): Promise<Outcome> {
    const first = await this.keeper.fresh();
    if (!first.ok) return { ok: false, failure: first.failure };
    const outcome = await this.send(build(first.tokens.accessToken));
    if (outcome.ok || outcome.failure.kind !== "expired") return outcome;
    const renewed = await this.keeper.refresh(first.tokens);
    if (!renewed.ok) return { ok: false, failure: renewed.failure };
    return this.send(build(renewed.tokens.accessToken));
  }

  private async send(req: HttpRequest): Promise<Outcome> {
    try {
      return await readOutcome(await this.deps.http(req));
    } catch {
      return { ok: false, failure: { kind: "network" } };
    }
  }

  private merge(state: SyncState, provider: DataProvider, call: Call, body: unknown, today: CivilDate): Failure | null {
    try {
      if (call === "sleep") {
        const nights = provider.parseSleep(body);
        for (let d = addCivilDays(today, -6); d <= today; d = addCivilDays(d, 1)) {
          if (nights[d] !== undefined) state.nights[d] = nights[d];
        }
      } else if (call === "steps") {
        copyInto(state.steps, provider.parseSteps(body));
        state.stepsDay = today;
      } else copyInto(state.restingHeartRate, provider.parseRestingHeartRate(body, today));
      state.fetchedAt[call] = this.deps.now();
      return null;
    } catch (error) {
      if (!(error instanceof MalformedError)) throw error;
      this.deps.log(`sync: ${call} answer is malformed at ${error.field}; last good data kept`);
      state.fetchedAt[call] = this.deps.now();
      return { kind: "malformed", field: error.field };
    }
  }

  /**
   * Sends the snapshot when its data, status or options changed: as a file (the newest replaces a
   * pending one) and as a message when the socket is open. When only the last-sync time moved, a
   * message tells an open watch and nothing is queued: a face that was not running hears it when
   * its socket opens, because the companion syncs on `open`.
   */
  private deliver(state: SyncState, today: CivilDate): void {
    const options = readOptions((k) => this.deps.settings.getItem(k));
    const wire = encodeSnapshot(buildSnapshot(state, today, this.deps.now(), options));
    const key = JSON.stringify({ ...wire, t: 0, u: 0 });
    const changed = key !== state.lastSent;
    if (changed) {
      state.lastSent = key;
      this.deps.sendFile(SNAPSHOT_FILE, wire).catch((error: unknown) => this.deps.log(`outbox: ${String(error)}`));
    }
    if ((changed || wire.u !== state.lastSentSyncAt) && this.deps.socketOpen()) {
      try {
        this.deps.sendMessage({ k: "s", s: wire });
        state.lastSentSyncAt = wire.u;
      } catch (error) {
        this.deps.log(`message not sent (the file follows): ${String(error)}`);
      }
    }
  }

  /** Publishes sign-in state, last sync and problem for the settings page (only when changed). */
  private report(state: SyncState): void {
    const tokens = readTokens(this.deps.storage);
    const report: SyncReport = {
      signedIn: tokens !== null,
      provider: tokens?.provider ?? "google",
      lastSyncAt: state.lastSyncAt === null ? null : Math.floor(state.lastSyncAt / 1000),
      problem: state.problem,
      retryAt: state.retryAt === null ? null : Math.floor(state.retryAt / 1000),
    };
    const text = JSON.stringify(report);
    if (this.deps.settings.getItem(SettingsKey.status) !== text) this.deps.settings.setItem(SettingsKey.status, text);
  }
}

function civilDateOf(t: LocalTime): CivilDate {
  return toCivilDate(t.year, t.month, t.day);
}

function copyInto(target: { [date: number]: number }, source: { [date: number]: number }): void {
  for (const key of Object.keys(source)) target[Number(key)] = source[Number(key)];
}

function request(provider: DataProvider, call: Call, today: CivilDate, token: string): HttpRequest {
  if (call === "sleep") return provider.sleepRequest(today, token);
  if (call === "steps") return provider.stepsRequest(today, token);
  return provider.restingHeartRateRequest(today, token);
}
