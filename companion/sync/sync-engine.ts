// One sync run: plan, get a fresh token, make the planned calls (one refresh and retry after a
// 401), merge what arrived, persist, then deliver the snapshot and the page's status.
import { CivilDate, toCivilDate } from "../../common/civil-date";
import { addCivilDays } from "../civil-days";
import { decodeSnapshot } from "../../common/decode-snapshot";
import { snapshotMessage } from "../../common/messages";
import { encodeSnapshot, SNAPSHOT_FILE } from "../../common/snapshot";
import { readOptions, readProvider, SettingsKey, SyncReport } from "../../common/settings-keys";
import { Problem, SyncStatus } from "../../common/sync-status";
import { applyFailure, endsSignIn } from "../http/failure-policy";
import { Failure, Outcome, readOutcome } from "../http/outcome";
import { TokenKeeper } from "../auth/token-keeper";
import { clearTokens, readTokens, TokenSet } from "../auth/token-store";
import { CompanionDeps, HttpRequest, LocalTime } from "../deps";
import { READERS } from "../providers/readers";
import { Call, DataProvider } from "../providers/provider";
import { buildSnapshot } from "./build-snapshot";
import { planCalls } from "./plan-calls";
import { mergeCall, readCall } from "./read-call";
import { pruneState, readState, SyncState, writeState } from "./sync-state";

/** A list is read to at most this many pages per call (sleep pages hold 25 records). */
const MAX_PAGES = 4;

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

  /** The legacy API answered 410: the page and the watch say so, and nothing is retried. */
  markRetired(): void {
    const state = this.state();
    state.status = SyncStatus.Retired;
    state.problem = Problem.Retired;
    state.retryAt = null;
    this.publish(state);
  }

  /** The user picked another provider: a retired notice no longer applies. */
  clearRetired(): void {
    const state = this.state();
    if (state.status !== SyncStatus.Retired) return;
    state.status = readTokens(this.deps.storage) === null ? SyncStatus.SignedOut : SyncStatus.Ok;
    state.problem = Problem.None;
    this.publish(state);
  }

  /** Sends the snapshot (if it changed), saves the state, and updates the settings page. */
  publish(state: SyncState, today: CivilDate = this.today()): void {
    this.deliver(state, today); // records what was sent, so it is saved after
    writeState(this.deps.storage, state);
    this.report(state);
  }

  private async fetch(state: SyncState, tokens: TokenSet, calls: Call[], today: CivilDate): Promise<void> {
    const provider: DataProvider = READERS[tokens.provider];
    let clean = true;
    let rejected = 0;
    for (const call of calls) {
      const outcome = await this.fetchPages(provider, call, today);
      let failure: Failure;
      if (outcome.ok) {
        const data = readCall(provider, call, outcome.bodies, today);
        if (data.ok) {
          mergeCall(state, data.value, today, this.deps.now());
          rejected += data.value.rejected.length;
          if (data.value.rejected.length > 0)
            this.deps.log(`sync: ${call}: left out ${data.value.rejected.join(", ")}; the rest is kept`);
          continue;
        }
        failure = { kind: "malformed", field: data.error.field };
      } else failure = outcome.failure;
      clean = false;
      this.deps.log(
        `sync: ${call} failed: ${failure.kind}${failure.kind === "malformed" ? ` at ${failure.field}` : ""}`,
      );
      if (endsSignIn(failure)) clearTokens(this.deps.storage);
      if (applyFailure(state, failure, this.deps.now(), () => this.deps.random())) return;
    }
    if (clean) {
      state.lastSyncAt = this.deps.now();
      state.status = SyncStatus.Ok;
      state.problem = rejected > 0 ? Problem.PartlyUnreadable : Problem.None;
      state.retryAt = null;
      state.failures = 0;
    }
  }

  /**
   * Every page of a list: `nextPageToken` is followed (a page with a token and no points is not the
   * end) until the last page, a token seen before, or {@link MAX_PAGES} pages.
   */
  private async fetchPages(
    provider: DataProvider,
    call: Call,
    today: CivilDate,
  ): Promise<{ ok: true; bodies: unknown[] } | { ok: false; failure: Failure }> {
    const bodies: unknown[] = [];
    const seen: string[] = [];
    let pageToken: string | null = null;
    while (bodies.length < MAX_PAGES) {
      const token: string | null = pageToken;
      const outcome = await this.call((access) => provider.request(call, today, access, token));
      if (!outcome.ok) return outcome;
      bodies.push(outcome.body);
      pageToken = provider.nextPageToken(outcome.body);
      if (pageToken === null || seen.indexOf(pageToken) >= 0) break;
      seen.push(pageToken);
    }
    if (pageToken !== null && bodies.length === MAX_PAGES)
      this.deps.log(`sync: ${call}: stopped after ${MAX_PAGES} pages`);
    return { ok: true, bodies };
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

  /**
   * Sends the snapshot when its data, status or options changed: as a file (the newest replaces a
   * pending one) and as a message when the socket is open. When only the last-sync time moved, a
   * message tells an open watch and nothing is queued: a face that was not running hears it when
   * its socket opens, because the companion syncs on `open`.
   */
  private deliver(state: SyncState, today: CivilDate): void {
    const options = readOptions((k) => this.deps.settings.getItem(k));
    const wire = encodeSnapshot(buildSnapshot(state, today, this.deps.now(), options));
    // The watch's own check: a snapshot it would refuse is never sent (the readers make this moot).
    const checked = decodeSnapshot(wire);
    if (!checked.ok) {
      this.deps.log(`snapshot not sent: it fails the watch's check at ${checked.error.field}`);
      return;
    }
    const key = JSON.stringify({ ...wire, t: 0, u: 0 });
    const changed = key !== state.lastSent;
    if (changed) {
      state.lastSent = key;
      this.deps.sendFile(SNAPSHOT_FILE, wire).catch((error: unknown) => this.deps.log(`outbox: ${String(error)}`));
    }
    if ((changed || wire.u !== state.lastSentSyncAt) && this.deps.socketOpen()) {
      try {
        this.deps.sendMessage(snapshotMessage(wire));
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
      provider: tokens?.provider ?? readProvider((k) => this.deps.settings.getItem(k)),
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
