// The sign-in as one state machine: a pure transition table from (phase, event) to the next
// phase and the effects to carry out (sign-in-flow.ts carries them out and persists the phase).
//
//   idle ──launch/provider──▶ awaitingReturn ──code──▶ exchanging ──ok──▶ signedIn
//     ▲        (request published)  ▲   │ error/stale        │ failed/timeout/relaunch
//     │                            └───┴────────────────────┘
//   signingOut ◀──sign out── signedIn;  signingOut ──revoked──▶ awaitingReturn (a fresh request)
//   awaitingReturn ──probe 410──▶ retired;  exchanging ──410──▶ retired ──provider──▶ awaitingReturn

/** Where the sign-in stands; kept in local storage so a relaunch continues from it. */
export type Phase = "idle" | "awaitingReturn" | "exchanging" | "signedIn" | "signingOut" | "retired";

export type SignInEvent =
  /** The companion was launched, for whatever reason: settle what is pending. */
  | { type: "launch" }
  /** The user picked another provider on the settings page. */
  | { type: "providerChanged" }
  /** The page's <Oauth> brought back a code (or an error); `matches` says whether `state` is ours. */
  | { type: "returned"; matches: boolean; code: boolean }
  /** The code exchange answered. */
  | { type: "exchanged"; result: "ok" | "retired" | "failed" }
  /** The user tapped Sign out. */
  | { type: "signOutTapped" }
  /** A revoke was sent: settled, or owed to a later launch when the provider was not reached. */
  | { type: "revoked" }
  /** The unauthenticated probe answered 410: the provider is retired. */
  | { type: "probedRetired" }
  /** The grant ended while syncing (invalid_grant, retired): the tokens are gone already. */
  | { type: "grantEnded" }
  /** A step's request had no answer in time. */
  | { type: "timeout" };

export type Effect =
  /** Make a fresh PKCE verifier and `state` and publish the request for the page's <Oauth>. */
  | "publishRequest"
  /** Remove the published request (no client configured, or signed in). */
  | "clearRequest"
  /** Exchange the returned code with the provider (answers with an `exchanged` event). */
  | "exchangeCode"
  /** Keep the tokens the exchange brought and start from an empty sync state, then sync. */
  | "keepTokens"
  /** Wipe the tokens from the phone and tell the watch and the page at once. */
  | "wipeTokens"
  /** Revoke a grant still owed to the provider (then `revoked`; an unreached one is tried again at launch). */
  | "revoke"
  /** The provider is retired: the watch and the page say so. */
  | "markRetired"
  /** The retired notice no longer applies. */
  | "clearRetired"
  /** Ask an unauthenticated URL whether the provider is retired (answers 410 if so). */
  | "probeRetired"
  /** Signed in and the provider choice changed: sync now. */
  | "sync";

export interface Step {
  phase: Phase;
  effects: Effect[];
}

const stay = (phase: Phase): Step => ({ phase, effects: [] });

/** A new request when the build can sign in with the chosen provider; otherwise none. */
function offerSignIn(configured: boolean, extra: Effect[] = []): Step {
  return configured
    ? { phase: "awaitingReturn", effects: [...extra, "publishRequest", "probeRetired"] }
    : { phase: "idle", effects: [...extra, "clearRequest"] };
}

/**
 * The transition table. `configured` tells whether the build has an OAuth client for the chosen
 * provider. Events that do not apply to a phase leave it as it is.
 */
export function step(phase: Phase, event: SignInEvent, configured: boolean): Step {
  switch (event.type) {
    case "launch":
      // Every launch first retries a revoke still owed (nothing happens when none is).
      if (phase === "idle") return offerSignIn(configured, ["revoke"]);
      if (phase === "awaitingReturn") return { phase, effects: ["revoke", "probeRetired"] };
      // Unloaded while the exchange was under way: its answer is lost and the code spent.
      if (phase === "exchanging") return offerSignIn(configured, ["revoke"]);
      if (phase === "signingOut") return offerSignIn(configured, ["revoke"]);
      return { phase, effects: ["revoke"] };
    case "providerChanged":
      if (phase === "signedIn") return { phase, effects: ["sync"] };
      if (phase === "signingOut") return stay(phase);
      return offerSignIn(configured, phase === "retired" ? ["clearRetired"] : []);
    case "returned":
      if (phase !== "awaitingReturn" || !event.matches) return stay(phase);
      return event.code ? { phase: "exchanging", effects: ["exchangeCode"] } : offerSignIn(configured);
    case "exchanged":
      if (phase !== "exchanging") return stay(phase);
      if (event.result === "ok") return { phase: "signedIn", effects: ["keepTokens", "clearRequest"] };
      if (event.result === "retired") return { phase: "retired", effects: ["markRetired"] };
      return offerSignIn(configured);
    case "timeout":
      return phase === "exchanging" ? offerSignIn(configured) : stay(phase);
    case "signOutTapped":
      return phase === "signedIn" ? { phase: "signingOut", effects: ["wipeTokens", "revoke"] } : stay(phase);
    case "revoked":
      return phase === "signingOut" ? offerSignIn(configured) : stay(phase);
    case "grantEnded":
      return phase === "signedIn" ? offerSignIn(configured) : stay(phase);
    case "probedRetired":
      return phase === "awaitingReturn" || phase === "idle"
        ? { phase: "retired", effects: ["clearRequest", "markRetired"] }
        : stay(phase);
  }
}
