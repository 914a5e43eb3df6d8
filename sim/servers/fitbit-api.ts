// The legacy Fitbit Web API (docs/reference/fitbit-web-api.md): OAuth 2.0 for a `client` app with PKCE,
// rotating single-use refresh tokens with the documented 2-minute replay, sleep v1.2, steps,
// rate-limit headers, and the retired mode that answers 410 Gone to everything.
import { routeFitbitData } from "./fitbit-data";
import { FaultBoard } from "./faults";
import { REDIRECT_URI } from "../../common/providers";
import { challengeOf } from "./google-oauth";
import { HealthContext } from "./google-health";
import { FakeRequest, FakeResponse, fitbitError, json, makeToken } from "./http-kit";

export interface FitbitClientConfig {
  clientId: string;
  accessTokenLifetimeSeconds?: number;
}

const HOURLY_LIMIT = 150;
const REPLAY_WINDOW_MS = 2 * 60000;

interface Rotation {
  oldToken: string;
  answer: FakeResponse;
  at: number;
  newAccess: string;
}

export class FitbitApi {
  private codes = new Map<string, { challenge: string; scope: string; at: number }>();
  private refreshTokens = new Map<string, string>(); // refresh token → scope
  private access = new Map<string, { expiresAt: number; scope: string }>();
  private usedAccess = new Set<string>();
  private rotations: Rotation[] = [];
  private calls: number[] = [];
  private counter = 0;

  constructor(
    private readonly config: FitbitClientConfig,
    private readonly ctx: HealthContext,
    private readonly faults: FaultBoard,
  ) {}

  handle(req: FakeRequest): FakeResponse {
    const path = req.url.pathname;
    // Retired: every legacy URL answers 410, the consent page included (the user sees it in the
    // browser; the companion learns it from its own unauthenticated probe).
    if (this.faults.peek("retired") !== null) return { status: 410, raw: "<html><body>Gone</body></html>" };
    if (path === "/oauth2/authorize") return this.authorize(req);
    if (path === "/oauth2/token" && req.method === "POST") return this.token(req.form);
    if (path === "/oauth2/revoke" && req.method === "POST") return this.revoke(req.form);
    return this.withRateLimit(() => this.data(req));
  }

  private authorize(req: FakeRequest): FakeResponse {
    const q = req.url.searchParams;
    if (
      q.get("client_id") !== this.config.clientId ||
      q.get("redirect_uri") !== REDIRECT_URI ||
      q.get("response_type") !== "code"
    ) {
      return {
        status: 400,
        raw: "<h1>The app you're trying to connect did not provide valid information to Fitbit.</h1>",
      };
    }
    const code = makeToken("fbcode", ++this.counter, this.ctx.seed);
    this.codes.set(code, { challenge: q.get("code_challenge") ?? "", scope: q.get("scope") ?? "", at: this.ctx.now() });
    const target = new URL(REDIRECT_URI);
    target.searchParams.set("code", code);
    if (q.get("state") !== null) target.searchParams.set("state", q.get("state") ?? "");
    return { status: 302, headers: { location: `${target.toString()}#_=_` } };
  }

  private token(form: URLSearchParams): FakeResponse {
    if (form.get("client_id") !== this.config.clientId)
      return fitbitError(401, "invalid_client", "Invalid authorization header format.");
    if (form.get("grant_type") === "authorization_code") {
      const code = this.codes.get(form.get("code") ?? "");
      this.codes.delete(form.get("code") ?? "");
      if (code === undefined || this.ctx.now() - code.at > 10 * 60000)
        return fitbitError(400, "invalid_grant", "Authorization code invalid: " + (form.get("code") ?? ""));
      if (challengeOf(form.get("code_verifier") ?? "") !== code.challenge)
        return fitbitError(400, "invalid_grant", "Invalid code_verifier.");
      return this.issue(code.scope);
    }
    if (form.get("grant_type") === "refresh_token") return this.rotate(form.get("refresh_token") ?? "");
    return fitbitError(400, "unsupported_grant_type", "The grant type is not supported.");
  }

  private rotate(oldToken: string): FakeResponse {
    const replay = this.rotations.find((r) => r.oldToken === oldToken);
    if (
      replay !== undefined &&
      this.ctx.now() - replay.at <= REPLAY_WINDOW_MS &&
      !this.usedAccess.has(replay.newAccess)
    )
      return replay.answer;
    const scope = this.refreshTokens.get(oldToken);
    if (scope === undefined || this.faults.take("invalidGrant") !== null)
      return fitbitError(400, "invalid_grant", "Refresh token invalid: " + oldToken.slice(0, 6) + "…");
    this.refreshTokens.delete(oldToken);
    const answer = this.issue(scope);
    const body = answer.body as { access_token: string };
    this.rotations = [
      ...this.rotations.filter((r) => this.ctx.now() - r.at <= REPLAY_WINDOW_MS),
      { oldToken, answer, at: this.ctx.now(), newAccess: body.access_token },
    ];
    return answer;
  }

  private issue(scope: string): FakeResponse {
    const seconds = this.config.accessTokenLifetimeSeconds ?? 28800;
    const accessToken = makeToken("eyJfake", ++this.counter, this.ctx.seed);
    const refreshToken = makeToken("fbrefresh", ++this.counter, this.ctx.seed);
    this.access.set(accessToken, { expiresAt: this.ctx.now() + seconds * 1000, scope });
    this.refreshTokens.set(refreshToken, scope);
    return json(200, {
      access_token: accessToken,
      expires_in: seconds,
      refresh_token: refreshToken,
      scope,
      token_type: "Bearer",
      user_id: "GGNJL9",
    });
  }

  private revoke(form: URLSearchParams): FakeResponse {
    const token = form.get("token") ?? "";
    this.refreshTokens.delete(token);
    this.access.delete(token);
    return json(200, {});
  }

  private withRateLimit(answer: () => FakeResponse): FakeResponse {
    const now = this.ctx.now();
    const hourStart = Math.floor(now / 3600000) * 3600000;
    this.calls = this.calls.filter((t) => t >= hourStart);
    const fault = this.faults.take("rateLimit");
    const reset = fault?.retryAfterSeconds ?? Math.ceil((hourStart + 3600000 - now) / 1000);
    const exhausted = fault !== null || this.calls.length >= HOURLY_LIMIT;
    if (!exhausted) this.calls.push(now);
    const headers = {
      "fitbit-rate-limit-limit": String(HOURLY_LIMIT),
      "fitbit-rate-limit-remaining": String(exhausted ? 0 : HOURLY_LIMIT - this.calls.length),
      "fitbit-rate-limit-reset": String(reset),
    };
    const result = exhausted ? fitbitError(429, "system", "Too Many Requests") : answer();
    return { ...result, headers: { ...(result.headers ?? {}), ...headers } };
  }

  private data(req: FakeRequest): FakeResponse {
    const token = req.bearer === null ? undefined : this.access.get(req.bearer);
    if (token === undefined)
      return fitbitError(401, "invalid_token", "Access token invalid: " + (req.bearer ?? "").slice(0, 6));
    if (token.expiresAt <= this.ctx.now() || this.faults.take("expiredToken") !== null)
      return fitbitError(401, "expired_token", "Access token expired");
    this.usedAccess.add(req.bearer ?? "");
    if (this.faults.take("missingScope") !== null)
      return fitbitError(403, "insufficient_scope", "This application does not have permission to access sleep data.");
    if (this.faults.take("serverError") !== null) return fitbitError(500, "system", "An unexpected error occurred.");
    if (this.faults.take("malformedJson") !== null) return { status: 200, raw: '{"sleep": [' };
    return routeFitbitData(this.ctx, req.url.pathname);
  }
}
