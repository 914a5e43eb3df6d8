// The one owner of the sync state. Runs (plan, fresh token, the planned calls with one refresh
// and retry after a 401, merge, persist, publish) and the intents of the rest of the companion
// (the watch asks for a refresh, a sign-in completed, the user signed out, the provider retired)
// take turns on one queue, so no write is lost to another and a run asked for while one is under
// way is queued behind it, never dropped.
import { LIMITS } from "../../common/limits";
import { CivilDate, toCivilDate } from "../../common/civil-date";
import { addCivilDays } from "../civil-days";
import { readOptions } from "../../common/settings-keys";
import { Problem, SyncStatus } from "../../common/sync-status";
import { applyFailure, endsSignIn } from "../http/failure-policy";
import { Failure, Outcome } from "../http/outcome";
import { fetchOutcome } from "../http/request";
import { TokenKeeper } from "../auth/token-keeper";
import { clearTokens, readEpoch, readTokens, TokenSet } from "../auth/token-store";
import { CompanionDeps, HttpRequest, LocalTime } from "../deps";
import { READERS } from "../providers/readers";
import { Call, DataProvider } from "../providers/provider";
import { forgetFutureInstants } from "./clock-sanity";
import { nextCallAt, PlanInput, planCalls } from "./plan-calls";
import { mergeCall, readCall } from "./read-call";
import { deliverSnapshot, reportStatus } from "./publish";
import { emptyState, pruneState, readState, SyncState, writeState } from "./sync-state";

/** A list is read to at most this many pages per call (sleep pages hold 25 records). */
const MAX_PAGES = 4;

/** The watch may ask for a sync at most this often. */
export const REFRESH_REQUEST_GAP_MS = 5 * 60 * 1000;

export class SyncEngine {
  /** The tail of the queue every run and intent waits its turn on. */
  private queue: Promise<void> = Promise.resolve();
  /** A run waiting for its turn; later requests join it. */
  private waiting: Promise<void> | null = null;

  /** Told when a run finds the grant gone (invalid_grant, retired) and wipes the tokens. */
  onGrantEnded: () => void = () => undefined;

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

  /** Queues a sync run; one already waiting for its turn takes this request too. */
  sync(): Promise<void> {
    if (this.waiting !== null) return this.waiting;
    const waiting: Promise<void> = this.enqueue(() => {
      if (this.waiting === waiting) this.waiting = null;
      return this.run();
    });
    this.waiting = waiting;
    return waiting;
  }

  /** The watch asks for fresh data: a run, at most once per {@link REFRESH_REQUEST_GAP_MS}. */
  requestRefresh(): Promise<void> {
    return this.enqueue(() => {
      const state = this.state();
      if (this.deps.now() - state.refreshAskedAt < REFRESH_REQUEST_GAP_MS) return;
      state.refreshAskedAt = this.deps.now();
      writeState(this.deps.storage, state);
      void this.sync();
    });
  }

  /**
   * The watch says its wearer woke up (its `sleep` state or the morning's first steps): last night
   * is polled for from 10 min on (plan-calls.ts). Recorded once per civil day, by the phone's clock
   * (the watch's `t` only tells whether the signal is recent), then a run.
   */
  wokeUp(watchEpochSeconds: number): Promise<void> {
    void this.enqueue(() => {
      const now = this.deps.now();
      // A signal that waited long in a queue, or a watch clock far from the phone's, is not this morning's.
      if (Math.abs(now - watchEpochSeconds * 1000) > 3 * 3600 * 1000) return;
      const state = this.state();
      const today = this.today();
      if (state.wokeDay === today) return;
      state.wokeDay = today;
      state.wokeAt = Math.min(now, watchEpochSeconds * 1000);
      writeState(this.deps.storage, state);
    });
    return this.sync();
  }

  /** The watch says whether it will tell when its wearer wakes (its `sleep` module and permission). */
  watchSignalsWake(signals: boolean): Promise<void> {
    return this.enqueue(() => {
      const state = this.state();
      if (state.wakeSignals === signals) return;
      state.wakeSignals = signals;
      writeState(this.deps.storage, state);
      void this.sync(); // the plan changed: what is due now may differ
    });
  }

  /** A new sign-in completed: start from nothing (no data of another account survives), then sync. */
  resetAfterSignIn(): Promise<void> {
    void this.enqueue(() => {
      // What the watch said about itself still holds for the new account.
      const next = emptyState(SyncStatus.Ok);
      next.wakeSignals = this.state().wakeSignals;
      writeState(this.deps.storage, next);
    });
    this.waiting = null; // a run queued before the reset must not stand in for the one after it
    return this.sync();
  }

  /** The user signed out: the watch and the page hear it at once; nothing is kept. */
  signedOut(): Promise<void> {
    return this.enqueue(() => this.publish(emptyState(SyncStatus.SignedOut)));
  }

  private enqueue(work: () => void | Promise<void>): Promise<void> {
    const turn = this.queue.then(work);
    this.queue = turn.catch((error: unknown) => this.deps.log(`sync engine: ${String(error)}`));
    return turn;
  }

  private async run(): Promise<void> {
    const epoch = readEpoch(this.deps.storage);
    const state = this.state();
    const tokens = readTokens(this.deps.storage);
    const local = this.deps.localTime(this.deps.now());
    const today = civilDateOf(local);
    const options = readOptions((k) => this.deps.settings.getItem(k));
    const forgot = forgetFutureInstants(state, this.deps.now(), today);
    if (forgot.length > 0) this.deps.log(`sync: the clock was ahead; forgot ${forgot.join(", ")}`);
    const plan = (): PlanInput => ({
      state,
      now: this.deps.now(),
      today,
      minuteOfDay: local.hours * 60 + local.minutes,
      intervalMs: options.refreshMinutes * 60000,
    });
    const active = tokens !== null && state.status !== SyncStatus.Retired;
    const online = this.deps.internetAllowed();
    if (active && !online) {
      // The user turned internet access off for this app: say so; nothing is called or backed off.
      state.status = SyncStatus.NoInternet;
      state.problem = Problem.NoInternetPermission;
    } else if (active && state.status === SyncStatus.NoInternet) {
      state.status = SyncStatus.Ok; // allowed again: the plan decides what is due
      state.problem = Problem.None;
    }
    const calls = active && online ? planCalls(plan()) : [];
    // Only a provider answer sets lastSyncAt: a run with nothing due claims no freshness.
    if (calls.length > 0 && tokens !== null) await this.fetch(state, tokens, calls, today);
    if (readEpoch(this.deps.storage) !== epoch) {
      // Signed out or in again while this run waited on the network: what it read is not kept.
      this.deps.log("sync: the sign-in changed during the run; its answers are dropped");
      return;
    }
    state.nextCallAt = active && online && readTokens(this.deps.storage) !== null ? nextCallAt(plan()) : null;
    // A day more than the week: the usual wake time reads the week before today (plan-calls.ts).
    pruneState(state, addCivilDays(today, -1 - LIMITS.weekDays), addCivilDays(today, 1));
    this.publish(state, today);
  }

  /** The legacy API answered 410: the page and the watch say so, and nothing is retried. */
  markRetired(): Promise<void> {
    return this.enqueue(() => {
      const state = this.state();
      state.status = SyncStatus.Retired;
      state.problem = Problem.Retired;
      state.retryAt = null;
      this.publish(state);
    });
  }

  /** The user picked another provider: a retired notice no longer applies. */
  clearRetired(): Promise<void> {
    return this.enqueue(() => {
      const state = this.state();
      if (state.status !== SyncStatus.Retired) return;
      state.status = readTokens(this.deps.storage) === null ? SyncStatus.SignedOut : SyncStatus.Ok;
      state.problem = Problem.None;
      this.publish(state);
    });
  }

  /** Sends the snapshot (if it changed), saves the state, and updates the settings page. */
  private publish(state: SyncState, today: CivilDate = this.today()): void {
    deliverSnapshot(this.deps, state, today); // records what was sent, so it is saved after
    writeState(this.deps.storage, state);
    reportStatus(this.deps, state);
  }

  private async fetch(state: SyncState, tokens: TokenSet, calls: Call[], today: CivilDate): Promise<void> {
    const provider: DataProvider = READERS[tokens.provider];
    const epoch = readEpoch(this.deps.storage);
    let clean = true;
    let rejected = 0;
    for (const call of calls) {
      // Resting heart rate is computed with the night: while the sleep call of this run found
      // none, asking for it would only cost a call.
      const skipHeart =
        call === "restingHeartRate" &&
        calls.indexOf("sleep") >= 0 &&
        state.nights[today] === undefined &&
        state.fetchedAt.restingHeartRate !== 0;
      if (skipHeart) continue;
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
      if (readEpoch(this.deps.storage) !== epoch) return; // a newer sign-in (or none) owns the tokens now
      if (endsSignIn(failure)) {
        clearTokens(this.deps.storage);
        this.onGrantEnded();
      }
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
    // A 401 that survives the refresh is transient (failure-policy.ts), never a sign-out.
    return this.send(build(renewed.tokens.accessToken));
  }

  private send(req: HttpRequest): Promise<Outcome> {
    return fetchOutcome(this.deps, req);
  }
}

function civilDateOf(t: LocalTime): CivilDate {
  return toCivilDate(t.year, t.month, t.day);
}
