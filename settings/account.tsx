import { FITBIT_SCOPES, GOOGLE_SCOPES, OAUTH_ENDPOINTS, REDIRECT_URI } from "../common/oauth-config";
import { OauthRequest, ProviderId, SettingsKey, SyncReport } from "../common/settings-keys";
import { Problem } from "../common/sync-status";

const AUTHORIZE = {
  google: { url: OAUTH_ENDPOINTS.google.authorize, scope: GOOGLE_SCOPES.join(" ") },
  fitbit: { url: OAUTH_ENDPOINTS.fitbit.authorize, scope: FITBIT_SCOPES.join(" ") },
};
const NAMES = { google: "Google Health", fitbit: "Fitbit Web API" };

export interface AccountProps {
  provider: ProviderId;
  configured: boolean;
  request: OauthRequest | null;
  report: SyncReport | null;
  problem: string;
  write(key: string, value: string): void;
  gettext: (msgid: string) => string;
}

function formatTime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function signInButton(props: AccountProps, request: OauthRequest) {
  // PKCE and state come from the companion; the page only passes them on (docs/contracts.md §2).
  const params: { [key: string]: string } = {
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: "S256",
    redirect_uri: REDIRECT_URI,
  };
  if (props.provider === "google") {
    params.access_type = "offline";
    params.prompt = "consent";
  }
  return (
    <Oauth
      settingsKey="oauthComponent"
      title={<Text bold>{props.gettext("Sign in")}</Text>}
      label={props.gettext(props.provider === "google" ? "Sign in with Google" : "Sign in with Fitbit")}
      authorizeUrl={AUTHORIZE[props.provider].url}
      clientId={request.clientId}
      scope={AUTHORIZE[props.provider].scope}
      oAuthParams={params}
      onReturn={(data: unknown) => props.write(SettingsKey.oauthReturn, JSON.stringify(data))}
    />
  );
}

export function accountSection(props: AccountProps) {
  const { report, gettext: t } = props;
  const signedIn = report !== null && report.signedIn;
  const lastSync =
    report !== null && report.lastSyncAt !== null
      ? t("Last sync: {time}").replace("{time}", formatTime(report.lastSyncAt))
      : t("Not synced yet");
  return (
    <Section title={<Text bold>{t("Account")}</Text>}>
      {!props.configured ? (
        <Text>
          {t(
            "This build has no OAuth client configured for {provider}, so it cannot sign in. Whoever built it must supply the client id (and for Google the secret) at build time: see the README.",
          ).replace("{provider}", NAMES[props.provider])}
        </Text>
      ) : signedIn ? (
        <Text>{t("Signed in with {provider}.").replace("{provider}", NAMES[report.provider])}</Text>
      ) : props.provider === "fitbit" && report !== null && report.problem === Problem.Retired ? (
        <Text>{t("Choose Google Health above to sign in again.")}</Text>
      ) : props.request !== null && props.request.provider === props.provider ? (
        signInButton(props, props.request)
      ) : (
        <Text>{t("Preparing sign-in… open the clock face on the watch so the phone companion can start.")}</Text>
      )}
      {signedIn ? <Text>{lastSync}</Text> : null}
      {props.problem !== "" ? <Text>{props.problem}</Text> : null}
      {signedIn ? (
        <Button label={t("Sign out")} onClick={() => props.write(SettingsKey.signOut, String(Date.now()))} />
      ) : null}
    </Section>
  );
}
