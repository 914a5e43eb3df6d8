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
      title={<Text bold>Sign in</Text>}
      label={`Sign in with ${props.provider === "google" ? "Google" : "Fitbit"}`}
      authorizeUrl={AUTHORIZE[props.provider].url}
      clientId={request.clientId}
      scope={AUTHORIZE[props.provider].scope}
      oAuthParams={params}
      onReturn={(data: unknown) => props.write(SettingsKey.oauthReturn, JSON.stringify(data))}
    />
  );
}

export function accountSection(props: AccountProps) {
  const { report } = props;
  const signedIn = report !== null && report.signedIn;
  const lastSync =
    report !== null && report.lastSyncAt !== null ? `Last sync: ${formatTime(report.lastSyncAt)}` : "Not synced yet";
  return (
    <Section title={<Text bold>Account</Text>}>
      {!props.configured ? (
        <Text>
          This build has no OAuth client configured for {NAMES[props.provider]}, so it cannot sign in. Whoever built it
          must supply the client id (and for Google the secret) at build time: see the README.
        </Text>
      ) : signedIn ? (
        <Text>Signed in with {NAMES[report.provider]}.</Text>
      ) : props.provider === "fitbit" && report !== null && report.problem === Problem.Retired ? (
        <Text>Choose Google Health above to sign in again.</Text>
      ) : props.request !== null && props.request.provider === props.provider ? (
        signInButton(props, props.request)
      ) : (
        <Text>Preparing sign-in… open the clock face on the watch so the phone companion can start.</Text>
      )}
      {signedIn ? <Text>{lastSync}</Text> : null}
      {props.problem !== "" ? <Text>{props.problem}</Text> : null}
      {signedIn ? (
        <Button label="Sign out" onClick={() => props.write(SettingsKey.signOut, String(Date.now()))} />
      ) : null}
    </Section>
  );
}
