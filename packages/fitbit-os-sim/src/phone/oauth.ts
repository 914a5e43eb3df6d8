// The settings page's <Oauth> component as the Fitbit app runs it (fitbit-sdk-types #85 for the
// props; the flow from Fitbit's sdk-oauth sample, README "Sign-in"): open the authorize URL built
// from the props, follow the redirects as the phone's browser would until the platform's redirect
// page, then
// - hand the redirect's query to `onReturn` (when given);
// - with `requestTokenUrl`: exchange the code itself (form POST: grant_type, code, redirect_uri,
//   client_id, the client secret in the body or, with `encodeAsBase64`, as HTTP Basic; the PKCE
//   verifier when `pkce`), store the raw token answer under `settingsKey` and call
//   `onAccessToken` with it;
// - without it: store the query under `settingsKey`.
import { createHash, randomBytes } from "node:crypto";
import { Network } from "./network";
import { findNodes, PageNode } from "./settings-page";

/** The platform's fixed redirect page (register exactly this with the provider). */
export const REDIRECT_URI = "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html";

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** Builds the URL the mobile app opens when the user taps the component. */
export function buildAuthorizeUrl(props: Record<string, unknown>, challenge: string | null = null): string {
  const url = new URL(text(props.authorizeUrl));
  url.searchParams.set("client_id", text(props.clientId));
  url.searchParams.set("response_type", "code");
  if (props.scope !== undefined) url.searchParams.set("scope", text(props.scope));
  url.searchParams.set("redirect_uri", REDIRECT_URI);
  if (challenge !== null) {
    url.searchParams.set("code_challenge", challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  const extra = props.oAuthParams;
  if (extra !== null && typeof extra === "object") {
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) url.searchParams.set(key, text(value));
  }
  return url.toString();
}

/** Redirects the browser follows before it must have reached the redirect page. */
const MAX_REDIRECTS = 5;

function base64Url(bytes: Buffer): string {
  return bytes.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The component's own code exchange; returns the token answer's text or a log line of failure. */
async function exchange(
  props: Record<string, unknown>,
  code: string,
  verifier: string | null,
  network: Network,
): Promise<{ ok: true; body: string; token: unknown } | { ok: false; why: string }> {
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
  form.set("client_id", text(props.clientId));
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  const secret = text(props.clientSecret);
  if (props.encodeAsBase64 === true)
    headers.Authorization = `Basic ${Buffer.from(`${text(props.clientId)}:${secret}`).toString("base64")}`;
  else if (secret !== "") form.set("client_secret", secret);
  if (verifier !== null) form.set("code_verifier", verifier);
  const response = await network(text(props.requestTokenUrl), { method: "POST", headers, body: form.toString() });
  const body = await response.text();
  if (!response.ok) return { ok: false, why: `the token endpoint answered ${response.status}` };
  try {
    return { ok: true, body, token: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, why: "the token endpoint answered something other than JSON" };
  }
}

/** Performs the sign-in; returns what happened in one line for the log. */
export async function signIn(
  page: PageNode | null,
  network: Network,
  online: boolean,
  write: (key: string, value: string) => void,
): Promise<string> {
  const oauth = findNodes(page, "Oauth")[0];
  if (oauth === undefined) return "signIn: the settings page shows no <Oauth> component";
  const props = oauth.props;
  if (props.disabled === true) return "signIn: the <Oauth> component is disabled";
  if (!online) return "signIn: the phone is offline";
  const verifier = props.pkce === true ? base64Url(randomBytes(32)) : null;
  const challenge = verifier === null ? null : base64Url(createHash("sha256").update(verifier).digest());
  let url = buildAuthorizeUrl(props, challenge);
  for (let hop = 0; !url.startsWith(REDIRECT_URI); hop++) {
    if (hop === MAX_REDIRECTS) return "signIn: too many redirects before the redirect page";
    const response = await network(url);
    const location = response.headers.get("location");
    if (response.status !== 302 || location === null)
      return `signIn: ${new URL(url).pathname} answered ${response.status} without a redirect`;
    url = new URL(location, url).toString();
  }
  const data = Object.fromEntries(new URL(url).searchParams);
  if (typeof props.onReturn === "function") (props.onReturn as (d: unknown) => void)(data);
  const key = typeof props.settingsKey === "string" ? props.settingsKey : null;
  if (typeof props.requestTokenUrl !== "string") {
    if (key !== null) write(key, JSON.stringify(data));
    return `signIn: redirected with ${Object.keys(data).join(", ")}`;
  }
  if (typeof data.code !== "string") return `signIn: redirected without a code (${Object.keys(data).join(", ")})`;
  const answer = await exchange(props, data.code, verifier, network);
  if (!answer.ok) return `signIn: exchange failed: ${answer.why}`;
  if (key !== null) write(key, answer.body);
  if (typeof props.onAccessToken === "function") (props.onAccessToken as (t: unknown) => void)(answer.token);
  return "signIn: exchanged the code and stored the token answer";
}
