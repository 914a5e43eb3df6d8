// Google OAuth 2.0 as the fake server answers it (docs/reference/google-health-api.md §3): auto-consent
// authorize, code exchange with client secret and PKCE S256, refresh without a new refresh
// token, Testing-status grant expiry, revoke.
import { createHash } from "node:crypto";
import { FaultBoard } from "./faults";
import { FakeRequest, FakeResponse, json, makeToken } from "./http-kit";

// The redirect URI the product registers by default; a broker build registers the broker's.
import { REDIRECT_URI } from "../../common/providers";
const CODE_LIFETIME_MS = 10 * 60000;

export interface GoogleClientConfig {
  clientId: string;
  clientSecret: string;
  accessTokenLifetimeSeconds?: number;
  grantLifetimeSeconds?: number | null;
  /** The registered redirect URIs (default: the Fitbit settings page only). */
  redirectUris?: string[];
}

interface Grant {
  refreshToken: string;
  scope: string;
  consentAt: number;
  revoked: boolean;
}

interface AccessToken {
  grant: Grant;
  expiresAt: number;
}

const tokenError = (status: number, error: string, description: string): FakeResponse =>
  json(status, { error, error_description: description });

/** S256 PKCE challenge of a verifier. */
export function challengeOf(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export class GoogleAuth {
  private codes = new Map<string, { challenge: string | null; redirectUri: string; scope: string; issuedAt: number }>();
  private grants = new Map<string, Grant>();
  private tokens = new Map<string, AccessToken>();
  private counter = 0;

  constructor(
    private readonly config: GoogleClientConfig,
    private readonly now: () => number,
    private readonly faults: FaultBoard,
    private readonly seed: number,
  ) {}

  authorize(req: FakeRequest): FakeResponse {
    const q = req.url.searchParams;
    const redirect = q.get("redirect_uri") ?? "";
    if (q.get("client_id") !== this.config.clientId)
      return { status: 401, raw: "<h1>Error 401: invalid_client</h1><p>The OAuth client was not found.</p>" };
    if (!(this.config.redirectUris ?? [REDIRECT_URI]).includes(redirect))
      return { status: 400, raw: "<h1>Error 400: redirect_uri_mismatch</h1>" };
    if (q.get("response_type") !== "code" || (q.get("scope") ?? "") === "")
      return { status: 400, raw: "<h1>Error 400: invalid_request</h1>" };
    const challenge = q.get("code_challenge");
    if (challenge !== null && q.get("code_challenge_method") !== "S256")
      return { status: 400, raw: "<h1>Error 400: invalid_request</h1><p>code_challenge_method</p>" };
    const code = makeToken("4/0Afake", ++this.counter, this.seed);
    const scope = q.get("scope") ?? "";
    this.codes.set(code, { challenge, redirectUri: redirect, scope, issuedAt: this.now() });
    const target = new URL(redirect);
    target.searchParams.set("code", code);
    if (q.get("state") !== null) target.searchParams.set("state", q.get("state") ?? "");
    target.searchParams.set("scope", scope);
    return { status: 302, headers: { location: target.toString() } };
  }

  token(req: FakeRequest): FakeResponse {
    const f = req.form;
    if (f.get("client_id") !== this.config.clientId)
      return tokenError(401, "invalid_client", "The OAuth client was not found.");
    if (!f.has("client_secret")) return tokenError(400, "invalid_request", "client_secret is missing.");
    if (f.get("client_secret") !== this.config.clientSecret) return tokenError(401, "invalid_client", "Unauthorized");
    if (f.get("grant_type") === "authorization_code") return this.exchange(f);
    if (f.get("grant_type") === "refresh_token") return this.refresh(f);
    return tokenError(400, "unsupported_grant_type", "Invalid grant_type: " + (f.get("grant_type") ?? ""));
  }

  private exchange(f: URLSearchParams): FakeResponse {
    const code = this.codes.get(f.get("code") ?? "");
    if (code === undefined || this.now() - code.issuedAt > CODE_LIFETIME_MS)
      return tokenError(400, "invalid_grant", "Malformed auth code.");
    this.codes.delete(f.get("code") ?? "");
    if (f.get("redirect_uri") !== code.redirectUri) return tokenError(400, "redirect_uri_mismatch", "Bad Request");
    if (code.challenge !== null && challengeOf(f.get("code_verifier") ?? "") !== code.challenge)
      return tokenError(400, "invalid_grant", "Invalid code verifier.");
    const grant: Grant = {
      refreshToken: makeToken("1//0fake", ++this.counter, this.seed),
      scope: code.scope,
      consentAt: this.now(),
      revoked: false,
    };
    this.grants.set(grant.refreshToken, grant);
    const lifetime = this.config.grantLifetimeSeconds;
    return json(200, {
      ...this.issueAccess(grant),
      refresh_token: grant.refreshToken,
      ...(lifetime === null || lifetime === undefined ? {} : { refresh_token_expires_in: lifetime }),
    });
  }

  private refresh(f: URLSearchParams): FakeResponse {
    const grant = this.grants.get(f.get("refresh_token") ?? "");
    const lifetime = this.config.grantLifetimeSeconds;
    const expired =
      grant !== undefined &&
      lifetime !== null &&
      lifetime !== undefined &&
      this.now() > grant.consentAt + lifetime * 1000;
    if (grant === undefined || grant.revoked || expired || this.faults.take("invalidGrant") !== null) {
      return tokenError(400, "invalid_grant", "Token has been expired or revoked.");
    }
    return json(200, this.issueAccess(grant));
  }

  private issueAccess(grant: Grant): Record<string, unknown> {
    const seconds = this.config.accessTokenLifetimeSeconds ?? 3599;
    const token = makeToken("ya29.fake", ++this.counter, this.seed);
    this.tokens.set(token, { grant, expiresAt: this.now() + seconds * 1000 });
    return { access_token: token, expires_in: seconds, scope: grant.scope, token_type: "Bearer" };
  }

  revoke(req: FakeRequest): FakeResponse {
    const token = req.form.get("token") ?? new URLSearchParams(req.url.search).get("token") ?? "";
    const grant = this.grants.get(token) ?? this.tokens.get(token)?.grant;
    if (grant === undefined || grant.revoked) return tokenError(400, "invalid_token", "Token expired or revoked");
    grant.revoked = true;
    return json(200, {});
  }

  /** Checks a bearer token: null when valid for `scope`, else the error response. */
  check(bearer: string | null, scope: string): FakeResponse | null {
    const token = bearer === null ? undefined : this.tokens.get(bearer);
    const unauthenticated = (reason?: string) =>
      json(401, {
        error: {
          code: 401,
          message: "Request had invalid authentication credentials.",
          status: "UNAUTHENTICATED",
          details:
            reason === undefined
              ? []
              : [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, domain: "googleapis.com" }],
        },
      });
    if (token === undefined || token.grant.revoked) return unauthenticated();
    if (token.expiresAt <= this.now() || this.faults.take("expiredToken") !== null)
      return unauthenticated("ACCESS_TOKEN_EXPIRED");
    if (!token.grant.scope.split(" ").includes(scope) || this.faults.take("missingScope") !== null) {
      return json(403, {
        error: {
          code: 403,
          message: "Request had insufficient authentication scopes.",
          status: "PERMISSION_DENIED",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.ErrorInfo",
              reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
              domain: "googleapis.com",
            },
          ],
        },
      });
    }
    return null;
  }
}
