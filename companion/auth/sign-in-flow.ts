// Carries out the sign-in state machine (sign-in-steps.ts): it owns the sign-in record in local
// storage (phase, PKCE verifier and `state`, a revoke still owed) and the request it publishes
// for the page's <Oauth>, turns platform events into machine events, and performs the effects.
// The companion makes the verifier and `state`, checks `state` on return and exchanges the code
// itself, so tokens never pass through the settings page (docs/contracts.md §2).
import { isClientConfigured, isProviderId, ProviderId, providerInfo, redirectUriOf } from "../../common/providers";
import { OauthRequest, parseOauthReturn, readProvider, SettingsKey } from "../../common/settings-keys";
import { base64Url, pkceChallenge } from "../../common/sha256";
import { CompanionDeps } from "../deps";
import { fetchOutcome, fetchRaw } from "../http/request";
import { owe, OwedRevoke, readOwed, retryLater, revokeSettled } from "./owed-revokes";
import { SyncEngine } from "../sync/sync-engine";
import { buildCodeExchange, buildRevoke, readTokenResponse } from "./oauth-requests";
import { Effect, Phase, SignInEvent, step } from "./sign-in-steps";
import { clearTokens, newEpoch, readTokens, TokenSet, writeTokens } from "./token-store";

const KEY = "signIn";
const PHASES: Phase[] = ["idle", "awaitingReturn", "exchanging", "signedIn", "signingOut", "retired"];

/** What the sign-in keeps between launches. */
interface SignInRecord {
  phase: Phase;
  /** The published request: its provider, PKCE verifier and `state` (used once). */
  request: { provider: ProviderId; verifier: string; state: string } | null;
  /** Grants still to be revoked after sign-outs (retried at launches, with backoff, until confirmed). */
  revokes: OwedRevoke[];
  /**
   * The page's sign-out request and provider choice as last handled: a change made while the
   * companion was unloaded comes with no change event, so a launch compares against these.
   */
  seen: { signOut: string | null; provider: ProviderId | null };
}

export class SignInFlow {
  /** What the last exchange brought, between the `exchanged` event and its `keepTokens` effect. */
  private received: TokenSet | null = null;
  /** The code of the last matching return, between `returned` and `exchangeCode`. */
  private code: string | null = null;

  constructor(
    private readonly deps: CompanionDeps,
    private readonly engine: SyncEngine,
  ) {}

  /**
   * At every launch, whatever its reason, pending work is settled first: a sign-out tapped or a
   * provider picked while the companion was unloaded, a return that arrived meanwhile; then
   * `launch` (which retries a revoke still owed and republishes what is missing).
   */
  async launch(): Promise<void> {
    const signOut = this.deps.settings.getItem(SettingsKey.signOut) ?? null;
    // The first launch with this record: what the page holds now is the starting point, not news.
    if (this.deps.storage.getItem(KEY) == null) this.see({ signOut });
    const seen = this.read().seen;
    if (signOut !== null && signOut !== seen.signOut) await this.onSettingsChange(SettingsKey.signOut);
    const provider = readProvider((k) => this.deps.settings.getItem(k));
    if (seen.provider === null) this.see({ provider });
    else if (provider !== seen.provider) await this.onSettingsChange(SettingsKey.provider);
    if (this.deps.settings.getItem(SettingsKey.oauthReturn) != null) await this.returned();
    await this.handle({ type: "launch" });
  }

  /** A settings change the sign-in cares about; false when the key is not one of them. */
  onSettingsChange(key: string | null): Promise<void> | false {
    if (key === SettingsKey.oauthReturn) return this.returned();
    if (key === SettingsKey.signOut) {
      this.see({ signOut: this.deps.settings.getItem(SettingsKey.signOut) ?? null });
      return this.handle({ type: "signOutTapped" });
    }
    if (key === SettingsKey.provider) {
      this.see({ provider: readProvider((k) => this.deps.settings.getItem(k)) });
      return this.handle({ type: "providerChanged" });
    }
    return false;
  }

  private see(values: Partial<SignInRecord["seen"]>): void {
    const record = this.read();
    this.write({ ...record, seen: { ...record.seen, ...values } });
  }

  /** Applies one event: the table gives the next phase (saved first) and the effects, done in order. */
  async handle(event: SignInEvent): Promise<void> {
    const record = this.read();
    const provider = readProvider((k) => this.deps.settings.getItem(k));
    const next = step(record.phase, event, isClientConfigured(provider, this.deps.credentials));
    if (next.phase !== record.phase) this.deps.log(`sign-in: ${record.phase} → ${next.phase} (${event.type})`);
    record.phase = next.phase;
    this.write(record);
    for (const effect of next.effects) await this.perform(effect);
  }

  private returned(): Promise<void> {
    const returned = parseOauthReturn(this.deps.settings.getItem(SettingsKey.oauthReturn));
    this.deps.settings.removeItem(SettingsKey.oauthReturn);
    const record = this.read();
    const matches = returned !== null && record.request !== null && returned.state === record.request.state;
    if (returned !== null && !matches) this.deps.log("sign-in ignored: state does not match the one this phone issued");
    if (matches && returned.error !== null) this.deps.log(`sign-in not completed: ${returned.error}`);
    this.code = matches && returned.error === null ? returned.code : null;
    return this.handle({ type: "returned", matches, code: this.code !== null });
  }

  private async perform(effect: Effect): Promise<void> {
    const record = this.read();
    switch (effect) {
      case "publishRequest":
        return this.publishRequest(record);
      case "clearRequest":
        this.deps.settings.removeItem(SettingsKey.oauthRequest);
        return;
      case "exchangeCode":
        return this.exchange(record);
      case "keepTokens":
        newEpoch(this.deps.storage, () => this.deps.random());
        if (this.received !== null) writeTokens(this.deps.storage, this.received);
        this.received = null;
        return this.engine.resetAfterSignIn();
      case "wipeTokens": {
        const tokens = readTokens(this.deps.storage);
        clearTokens(this.deps.storage);
        newEpoch(this.deps.storage, () => this.deps.random());
        if (tokens !== null)
          this.write({
            ...record,
            revokes: [...record.revokes, owe(tokens.provider, tokens.refreshToken, this.deps.now())],
          });
        return this.engine.signedOut();
      }
      case "revoke":
        return this.revoke();
      case "markRetired":
        return this.engine.markRetired();
      case "clearRetired":
        return this.engine.clearRetired();
      case "probeRetired":
        return this.probeRetired();
      case "sync":
        return this.engine.sync();
    }
  }

  /** Publishes a fresh PKCE challenge and `state` for the chosen provider. */
  private publishRequest(record: SignInRecord): void {
    const provider = readProvider((k) => this.deps.settings.getItem(k));
    const verifierBytes = this.deps.randomBytes(48); // 64 characters, RFC 7636 §4.1
    const stateBytes = this.deps.randomBytes(16); // 128 bits
    if (verifierBytes === null || stateBytes === null) {
      // Without secure random numbers PKCE and `state` protect nothing: say so instead of guessing.
      this.deps.log("sign-in unavailable: this phone offers no crypto.getRandomValues");
      this.deps.settings.removeItem(SettingsKey.oauthRequest);
      this.deps.settings.setItem(SettingsKey.signInUnavailable, "noSecureRandom");
      return;
    }
    this.deps.settings.removeItem(SettingsKey.signInUnavailable);
    const verifier = base64Url(verifierBytes);
    const state = base64Url(stateBytes);
    this.write({ ...record, request: { provider, verifier, state } });
    const request: OauthRequest = {
      provider,
      clientId: this.deps.credentials[provider].clientId,
      state,
      challenge: pkceChallenge(verifier),
      redirectUri: redirectUriOf(provider, this.deps.credentials),
    };
    this.deps.settings.setItem(SettingsKey.oauthRequest, JSON.stringify(request));
  }

  private async exchange(record: SignInRecord): Promise<void> {
    const request = record.request;
    const code = this.code;
    this.code = null;
    this.write({ ...record, request: null }); // a state is used once
    if (request === null || code === null) return this.handle({ type: "exchanged", result: "failed" });
    const outcome = await fetchOutcome(
      this.deps,
      buildCodeExchange(request.provider, this.deps.credentials, code, request.verifier),
    );
    if (!outcome.ok && outcome.failure.kind === "timeout") return this.handle({ type: "timeout" });
    // A 410 from the token endpoint means the service is retired, not that the sign-in failed.
    let result: "ok" | "retired" | "failed" = "failed";
    if (!outcome.ok && outcome.failure.kind === "retired") result = "retired";
    else {
      const tokens = outcome.ok
        ? readTokenResponse(request.provider, outcome.body, this.deps.now(), null)
        : { error: outcome.failure.kind };
      if ("error" in tokens) this.deps.log(`code exchange failed: ${tokens.error}`);
      else {
        this.received = tokens;
        result = "ok";
        this.deps.log(`signed in (${request.provider})`);
      }
    }
    return this.handle({ type: "exchanged", result });
  }

  /**
   * Tries every revoke that is due (owed-revokes.ts says what settles one), keeps the rest owed,
   * tells the page how many remain, and always answers with `revoked`: a sign-out completes
   * whatever is owed, and the phone holds no tokens either way.
   */
  private async revoke(): Promise<void> {
    for (const owed of this.read().revokes) {
      if (owed.nextAt > this.deps.now()) continue;
      const answer = await fetchRaw(this.deps, buildRevoke(owed.provider, this.deps.credentials, owed.token));
      const settled = revokeSettled(answer);
      const later = settled ? null : retryLater(owed, this.deps.now());
      if (!settled)
        this.deps.log(
          later === null
            ? "revoke given up after many tries: the user can remove the app's access in their account"
            : `revoke not confirmed (${answer.ok ? String(answer.status) : answer.kind}); tried again later`,
        );
      // Re-read: the list may have grown meanwhile (a sign-out while this request was under way).
      const current = this.read();
      const rest = current.revokes.filter((r) => r.token !== owed.token || r.provider !== owed.provider);
      this.write({ ...current, revokes: later === null ? rest : [...rest, later] });
    }
    const pending = this.read().revokes.length;
    if (pending > 0) this.deps.settings.setItem(SettingsKey.revokePending, String(pending));
    else if (this.deps.settings.getItem(SettingsKey.revokePending) != null)
      this.deps.settings.removeItem(SettingsKey.revokePending);
    return this.handle({ type: "revoked" });
  }

  /**
   * For a provider that may be retired (the legacy Fitbit Web API answers 410 on every URL since
   * 2026-11-02), one unauthenticated request tells whether it still exists, so the user learns it
   * before trying a sign-in whose consent page is gone too.
   */
  private async probeRetired(): Promise<void> {
    const url = providerInfo(readProvider((k) => this.deps.settings.getItem(k))).retiredProbeUrl;
    if (url === null) return;
    const outcome = await fetchOutcome(this.deps, { method: "GET", url, headers: { Accept: "application/json" } });
    if (!outcome.ok && outcome.failure.kind === "retired") await this.handle({ type: "probedRetired" });
  }

  private read(): SignInRecord {
    const fallback: SignInRecord = {
      phase: readTokens(this.deps.storage) === null ? "idle" : "signedIn",
      request: null,
      revokes: [],
      seen: { signOut: null, provider: null },
    };
    const raw = this.deps.storage.getItem(KEY);
    if (typeof raw !== "string") return fallback;
    try {
      const r = JSON.parse(raw) as Partial<SignInRecord>;
      if (r.phase === undefined || PHASES.indexOf(r.phase) < 0) return fallback;
      const request = r.request ?? null;
      const seen = r.seen ?? fallback.seen;
      // An older record kept one `revoke`; it joins the list.
      const legacy = (r as { revoke?: unknown }).revoke;
      return {
        phase: r.phase,
        request: request !== null && isProviderId(request.provider) ? request : null,
        revokes: readOwed(r.revokes, legacy, this.deps.now()),
        seen: {
          signOut: typeof seen.signOut === "string" ? seen.signOut : null,
          provider: isProviderId(seen.provider) ? seen.provider : null,
        },
      };
    } catch {
      return fallback;
    }
  }

  private write(record: SignInRecord): void {
    this.deps.storage.setItem(KEY, JSON.stringify(record));
  }
}
