// The sign-in handshake (docs/contracts.md §2): the companion makes the PKCE verifier and `state`,
// publishes challenge and state for the page's <Oauth>, checks `state` on return and exchanges
// the code itself, so tokens never pass through the settings page. Sign-out revokes and wipes.
import { isClientConfigured } from "../../common/providers";
import { OauthRequest, parseOauthReturn, readProvider, SettingsKey } from "../../common/settings-keys";
import { base64Url, pkceChallenge } from "../../common/sha256";
import { CompanionDeps } from "../deps";
import { readOutcome } from "../http/outcome";
import { buildCodeExchange, buildRevoke, readTokenResponse } from "./oauth-requests";
import { clearTokens, readPending, readTokens, writePending, writeTokens } from "./token-store";

/** Publishes a fresh PKCE challenge and state for the chosen provider (or nothing if unconfigured). */
export function prepareSignIn(deps: CompanionDeps): void {
  const provider = readProvider((k) => deps.settings.getItem(k));
  if (!isClientConfigured(provider, deps.credentials)) {
    deps.settings.removeItem(SettingsKey.oauthRequest);
    return;
  }
  const verifier = base64Url(deps.randomBytes(48)); // 64 characters, RFC 7636 §4.1
  const state = base64Url(deps.randomBytes(16)); // 128 bits
  writePending(deps.storage, { provider, verifier, state, createdAt: deps.now() });
  const request: OauthRequest = {
    provider,
    clientId: deps.credentials[provider].clientId,
    state,
    challenge: pkceChallenge(verifier),
  };
  deps.settings.setItem(SettingsKey.oauthRequest, JSON.stringify(request));
}

/** How a sign-in attempt ended. */
export type SignInResult = "signedIn" | "retired" | "notCompleted";

/** Completes a sign-in from the page's return. */
export async function completeSignIn(deps: CompanionDeps): Promise<SignInResult> {
  const returned = parseOauthReturn(deps.settings.getItem(SettingsKey.oauthReturn));
  deps.settings.removeItem(SettingsKey.oauthReturn);
  const pending = readPending(deps.storage);
  if (returned === null || pending === null) return "notCompleted";
  if (returned.state !== pending.state) {
    deps.log("sign-in ignored: state does not match the one this phone issued");
    return "notCompleted";
  }
  writePending(deps.storage, null); // a state is used once
  if (returned.error !== null || returned.code === null) {
    deps.log(`sign-in not completed: ${returned.error ?? "no code"}`);
    prepareSignIn(deps);
    return "notCompleted";
  }
  try {
    const outcome = await readOutcome(
      await deps.http(buildCodeExchange(pending.provider, deps.credentials, returned.code, pending.verifier)),
    );
    // A 410 from the token endpoint means the service is retired, not that the sign-in failed.
    if (!outcome.ok && outcome.failure.kind === "retired") return "retired";
    const tokens = outcome.ok
      ? readTokenResponse(pending.provider, outcome.body, deps.now(), null)
      : { error: outcome.failure.kind };
    if ("error" in tokens) throw new Error(tokens.error);
    writeTokens(deps.storage, tokens);
    deps.settings.removeItem(SettingsKey.oauthRequest);
    deps.log(`signed in (${pending.provider})`);
    return "signedIn";
  } catch (error) {
    deps.log(`code exchange failed: ${error instanceof Error ? error.message : String(error)}`);
    prepareSignIn(deps);
    return "notCompleted";
  }
}

/** Revokes the grant at the provider (best effort: a 410 or offline still signs out) and wipes it. */
export async function signOut(deps: CompanionDeps): Promise<void> {
  const tokens = readTokens(deps.storage);
  clearTokens(deps.storage);
  if (tokens === null) return;
  try {
    await deps.http(buildRevoke(tokens.provider, deps.credentials, tokens.refreshToken));
  } catch {
    deps.log("revoke did not reach the provider; the tokens are wiped on the phone");
  }
}
