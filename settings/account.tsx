import { PROVIDERS, ProviderId, providerInfo } from "../common/providers";
import { OauthRequest, selectChoice, SettingsKey, SyncReport } from "../common/settings-keys";
import { Problem } from "../common/sync-status";
import { formatAgo, formatClock, pageLocale } from "./dates";

export interface AccountProps {
  provider: ProviderId;
  configured: boolean;
  /** The companion found no secure random numbers on this phone. */
  unavailable: boolean;
  /** A sign-out's revoke at the provider is not confirmed yet (the companion keeps trying). */
  revokePending: boolean;
  request: OauthRequest | null;
  report: SyncReport | null;
  problem: string;
  write(key: string, value: string): void;
  gettext: (msgid: string) => string;
}

function signInButton(props: AccountProps, request: OauthRequest) {
  // PKCE and state come from the companion; the page only passes them on (docs/contracts.md §2).
  const info = providerInfo(props.provider);
  const params: { [key: string]: string } = {
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: "S256",
    // The Fitbit page, or the token broker's callback (which then redirects to the Fitbit page).
    redirect_uri: request.redirectUri,
  };
  for (const key of Object.keys(info.authorizeParams)) params[key] = info.authorizeParams[key];
  return (
    <Oauth
      settingsKey={SettingsKey.oauthComponent}
      title={<Text bold>{props.gettext("Sign in")}</Text>}
      label={props.gettext(info.signInLabel)}
      authorizeUrl={info.authorizeUrl}
      clientId={request.clientId}
      scope={info.scopes.join(" ")}
      oAuthParams={params}
      onReturn={(data: unknown) => props.write(SettingsKey.oauthReturn, JSON.stringify(data))}
    />
  );
}

export function accountSection(props: AccountProps) {
  const { report, gettext: t } = props;
  const signedIn = report !== null && report.signedIn;
  const name = t(providerInfo(signedIn ? report.provider : props.provider).displayName);
  // What the section is about, decided once: the texts and the main row follow from it.
  const state = !props.configured
    ? "no-client"
    : props.unavailable && !signedIn
      ? "unavailable"
      : signedIn
        ? "signed-in"
        : report !== null && report.provider === props.provider && report.problem === Problem.Retired
          ? "retired"
          : props.request !== null && props.request.provider === props.provider
            ? "offer"
            : "preparing";
  // What is read and where it goes, before anyone signs in (plain words, no scopes).
  const readOnly = t(
    "This face only reads last night's sleep, today's activity and your resting heart rate; it changes nothing. The data goes from {provider} to this phone and your watch, and nowhere else.",
  ).replace("{provider}", name);
  const lastSync =
    report !== null && report.lastSyncAt !== null
      ? t("Last sync: {time}").replace("{time}", formatAgo(report.lastSyncAt, Date.now(), pageLocale(t)))
      : t("Not synced yet");
  return (
    <Section title={<Text bold>{t("Account")}</Text>}>
      {/* Before sign-in: which account to use, what is read, where it goes. */}
      {state === "offer" ? <Text>{t(providerInfo(props.provider).accountHint)}</Text> : null}
      {state === "offer" ? <Text>{readOnly}</Text> : null}
      {state === "no-client" ? (
        <Text>
          {t(
            "This build has no OAuth client configured for {provider}, so it cannot sign in. Whoever built it must supply the client id (and for Google the secret) at build time: see the README.",
          ).replace("{provider}", t(providerInfo(props.provider).displayName))}
        </Text>
      ) : state === "unavailable" ? (
        <Text>
          {t("Sign-in is not available on this phone: it offers no secure random numbers, which a safe sign-in needs.")}
        </Text>
      ) : state === "signed-in" ? (
        <Text>{t("Signed in with {provider}.").replace("{provider}", name)}</Text>
      ) : state === "retired" ? (
        // One button to the provider that works (the first is the default).
        <Button
          label={t("Switch to {default}").replace("{default}", t(PROVIDERS[0].displayName))}
          onClick={() =>
            props.write(SettingsKey.provider, selectChoice(0, t(PROVIDERS[0].optionLabel), PROVIDERS[0].id))
          }
        />
      ) : state === "offer" && props.request !== null ? (
        signInButton(props, props.request)
      ) : (
        <Text>{t("Preparing sign-in… open the clock face on the watch so the phone companion can start.")}</Text>
      )}
      {signedIn ? <Text>{lastSync}</Text> : null}
      {signedIn && props.problem === "" && report.nextCallAt !== null && report.nextCallAt * 1000 > Date.now() ? (
        // Why "Last sync" can be hours ago with nothing wrong: nothing new can exist before then.
        <Text>{t("Next check: {time}").replace("{time}", formatClock(report.nextCallAt, pageLocale(t)))}</Text>
      ) : null}
      {props.problem !== "" ? <Text>{props.problem}</Text> : null}
      {props.revokePending ? (
        <Text>
          {t(
            "Signed out on this phone. Withdrawing this app's access at the provider is not confirmed yet: the phone keeps trying. You can also remove the access in your account's security settings.",
          )}
        </Text>
      ) : null}
      {signedIn ? (
        <Button label={t("Sign out")} onClick={() => props.write(SettingsKey.signOut, String(Date.now()))} />
      ) : null}
      {signedIn ? (
        <Text>
          {t(
            "Sign out ends this face's access on this phone and at {provider}. Your watch keeps the last data until you sign in again.",
          ).replace("{provider}", name)}
        </Text>
      ) : null}
    </Section>
  );
}
