import { PROVIDERS, ProviderId, providerInfo } from "./providers";
import { Problem } from "./sync-status";

/**
 * The current problem in plain words for the settings page. The en-US text is the msgid that
 * `translate` (the page's gettext) looks up; `{provider}` is then the provider's name and
 * `{default}` the default provider's (both from common/providers.ts, translated), `{time}` is
 * filled from `retryAt` (epoch s) by `formatTime` (the page's own, in its language).
 */
export function describeProblem(
  problem: number,
  provider: ProviderId,
  retryAt: number | null = null,
  translate: (msgid: string) => string = (m) => m,
  formatTime: (epochSeconds: number) => string = String,
): string {
  const text = translate(problemMsgid(problem, retryAt !== null))
    .replace("{provider}", translate(providerInfo(provider).displayName))
    .replace("{default}", translate(PROVIDERS[0].displayName));
  return retryAt === null ? text : text.replace("{time}", formatTime(retryAt));
}

function problemMsgid(problem: number, hasRetryAt: boolean): string {
  switch (problem) {
    case Problem.None:
      return "";
    case Problem.Network:
      return "No network on the phone. It tries again on its own; your watch keeps the last data.";
    case Problem.Server:
      return "{provider} had a problem. It tries again on its own; your watch keeps the last data.";
    case Problem.RateLimited:
      return hasRetryAt
        ? "{provider} is limiting updates. Next try {time}; your watch keeps the last data."
        : "{provider} is limiting updates. It tries again later; your watch keeps the last data.";
    case Problem.Malformed:
      return "{provider} sent data this face could not read. It keeps the last good data and tries again.";
    case Problem.InvalidGrant:
      return "Access has expired or was revoked: sign in again.";
    case Problem.MissingScope:
      return "Permission for sleep, activity or heart rate is missing: sign in again and allow all of them.";
    case Problem.Retired:
      return "{provider} retired — sign in with {default}. Google turned it off on November 2, 2026.";
    case Problem.AccountNotLinked:
      return "This Google account has no Fitbit data.";
    case Problem.LegacyLogin:
      return "Sign in to the Fitbit app with your Google account first, then sign in here again.";
    case Problem.PartlyUnreadable:
      return "Some values from the server were out of range and were left out; everything else is shown.";
    case Problem.NoInternetPermission:
      return "Internet access for this clock face is turned off in the Fitbit app: turn it on to sync. Your watch keeps the last data.";
    case Problem.Config:
      return "The app's sign-in with {provider} is misconfigured.";
    default:
      return "";
  }
}
