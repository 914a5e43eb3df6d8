// Keeps a valid access token: refresh before expiry and after a 401, one refresh in flight at a
// time, the new set persisted before it is used. Fitbit's refresh tokens are single-use: a marker
// written before the request lets a relaunch replay the identical request within Fitbit's
// 2-minute window if the answer was lost (docs/reference/fitbit-web-api.md §2.3).
import { CompanionDeps } from "../deps";
import { Failure } from "../http/outcome";
import { fetchOutcome } from "../http/request";
import { providerInfo } from "../../common/providers";
import { buildRefresh, MAX_EXPIRES_IN, readTokenResponse } from "./oauth-requests";
import { readEpoch, readTokens, TokenSet, writeTokens } from "./token-store";

const IN_FLIGHT = "refreshInFlight";

export type TokenResult = { ok: true; tokens: TokenSet } | { ok: false; failure: Failure };

export class TokenKeeper {
  private refreshing: Promise<TokenResult> | null = null;

  constructor(private readonly deps: CompanionDeps) {}

  /** A token that is valid now, refreshing first when it is about to expire. */
  async fresh(): Promise<TokenResult> {
    const tokens = readTokens(this.deps.storage);
    if (tokens === null) return { ok: false, failure: { kind: "invalidGrant" } };
    const interrupted = typeof this.deps.storage.getItem(IN_FLIGHT) === "string";
    const left = tokens.expiresAt - this.deps.now();
    // An expiry further off than any token lives was computed while the clock was ahead: refresh.
    const believable = left <= MAX_EXPIRES_IN * 1000;
    if (!interrupted && believable && left > providerInfo(tokens.provider).refreshMarginMs) return { ok: true, tokens };
    return this.refresh(tokens);
  }

  /** Refreshes (single flight): concurrent callers share one request. */
  refresh(tokens: TokenSet): Promise<TokenResult> {
    const running = this.refreshing ?? this.doRefresh(tokens);
    if (this.refreshing === null) {
      this.refreshing = running;
      const clear = () => {
        this.refreshing = null;
      };
      running.then(clear, clear);
    }
    return running;
  }

  private async doRefresh(tokens: TokenSet): Promise<TokenResult> {
    this.deps.storage.setItem(IN_FLIGHT, String(this.deps.now()));
    const epoch = readEpoch(this.deps.storage);
    const outcome = await fetchOutcome(
      this.deps,
      buildRefresh(tokens.provider, this.deps.credentials, tokens.refreshToken),
    );
    if (readEpoch(this.deps.storage) !== epoch) {
      // Signed out or in again while this refresh was under way: its answer belongs to no one.
      this.deps.storage.removeItem(IN_FLIGHT);
      return { ok: false, failure: { kind: "timeout" } };
    }
    if (!outcome.ok) {
      this.deps.storage.removeItem(IN_FLIGHT);
      // Another launch may have rotated the token meanwhile: trust what is stored now.
      const stored = readTokens(this.deps.storage);
      if (outcome.failure.kind === "invalidGrant" && stored !== null && stored.refreshToken !== tokens.refreshToken)
        return { ok: true, tokens: stored };
      return outcome;
    }
    const next = readTokenResponse(tokens.provider, outcome.body, this.deps.now(), tokens);
    if ("error" in next) {
      this.deps.storage.removeItem(IN_FLIGHT);
      return { ok: false, failure: { kind: "malformed", field: next.error } };
    }
    writeTokens(this.deps.storage, next); // persisted before anyone uses it
    this.deps.storage.removeItem(IN_FLIGHT);
    this.deps.log(
      `token refreshed (${tokens.provider}), valid for ${Math.round((next.expiresAt - this.deps.now()) / 60000)} min`,
    );
    return { ok: true, tokens: next };
  }
}
