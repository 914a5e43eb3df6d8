// The emulated <Oauth> component's sign-in (docs/contracts.md §3): open the authorize URL built
// from the component's props, follow the redirects as the phone's browser would (through the token
// broker's /callback in broker mode) until the Fitbit redirect page, and hand its query to onReturn.
import { findNodes, PageNode } from "./phone/settings-page";
import { phoneFetch, Routes } from "./phone/route-fetch";

// The platform's fixed redirect page, as the product registers it (common/providers.ts).
import { REDIRECT_URI } from "../common/providers";

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** Builds the URL the mobile app opens when the user taps the component. */
export function buildAuthorizeUrl(props: Record<string, unknown>): string {
  const url = new URL(text(props.authorizeUrl));
  url.searchParams.set("client_id", text(props.clientId));
  url.searchParams.set("response_type", "code");
  if (props.scope !== undefined) url.searchParams.set("scope", text(props.scope));
  url.searchParams.set("redirect_uri", REDIRECT_URI);
  const extra = props.oAuthParams;
  if (extra !== null && typeof extra === "object") {
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) url.searchParams.set(key, text(value));
  }
  return url.toString();
}

/** Redirects the browser follows before it must have reached the Fitbit page. */
const MAX_REDIRECTS = 5;

/** Performs the sign-in; returns what happened in one line for the log. */
export async function signIn(
  page: PageNode | null,
  routes: Routes,
  online: boolean,
  write: (key: string, value: string) => void,
): Promise<string> {
  const oauth = findNodes(page, "Oauth")[0];
  if (oauth === undefined) return "signIn: the settings page shows no <Oauth> component";
  if (oauth.props.disabled === true) return "signIn: the <Oauth> component is disabled";
  if (!online) return "signIn: the phone is offline";
  let url = buildAuthorizeUrl(oauth.props);
  for (let hop = 0; !url.startsWith(REDIRECT_URI); hop++) {
    if (hop === MAX_REDIRECTS) return "signIn: too many redirects before the Fitbit redirect page";
    const response = await phoneFetch(routes, url);
    const location = response.headers.get("location");
    if (response.status !== 302 || location === null)
      return `signIn: ${new URL(url).pathname} answered ${response.status} without a redirect`;
    url = new URL(location, url).toString();
  }
  const redirect = new URL(url);
  const data = Object.fromEntries(redirect.searchParams);
  const onReturn = oauth.props.onReturn;
  if (typeof onReturn === "function") (onReturn as (d: unknown) => void)(data);
  // The component may also store its result under its own settingsKey (docs/reference/fitbit-os.md §6.1): it does here.
  if (typeof oauth.props.settingsKey === "string") write(oauth.props.settingsKey, JSON.stringify(data));
  return `signIn: redirected with ${Object.keys(data).join(", ")}`;
}
