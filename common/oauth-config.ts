/** The Fitbit settings redirect page every provider must have registered (fitbit-os.md §6.1). */
export const REDIRECT_URI = "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html";

const GOOGLE_SCOPE = "https://www.googleapis.com/auth/googlehealth.";

/** Read-only scopes for sleep, activity and resting heart rate (google-health-api.md §3.2). */
export const GOOGLE_SCOPES = [
  GOOGLE_SCOPE + "sleep.readonly",
  GOOGLE_SCOPE + "activity_and_fitness.readonly",
  GOOGLE_SCOPE + "health_metrics_and_measurements.readonly",
];

/** Legacy Fitbit scopes (fitbit-web-api.md §2.4). */
export const FITBIT_SCOPES = ["sleep", "activity", "profile", "heartrate"];

/** OAuth endpoints of both providers. */
export const OAUTH_ENDPOINTS = {
  google: {
    authorize: "https://accounts.google.com/o/oauth2/v2/auth",
    token: "https://oauth2.googleapis.com/token",
    revoke: "https://oauth2.googleapis.com/revoke",
  },
  fitbit: {
    authorize: "https://www.fitbit.com/oauth2/authorize",
    token: "https://api.fitbit.com/oauth2/token",
    revoke: "https://api.fitbit.com/oauth2/revoke",
  },
};
