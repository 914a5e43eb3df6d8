// The companion signing in through the token broker (BROKER_URL at build time): where its OAuth
// requests go, what they carry (never a client secret), and what it stores.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildCodeExchange, buildRefresh, buildRevoke, readTokenResponse } from "../../companion/auth/oauth-requests";
import { ClientCredentials, isClientConfigured, redirectUriOf, REDIRECT_URI } from "../../common/providers";
import { parseOauthRequest } from "../../common/settings-keys";

const BROKER = "https://auth.example.com";
const viaBroker: ClientCredentials = {
  google: { clientId: "g.apps.googleusercontent.com", clientSecret: "", brokerUrl: BROKER },
  fitbit: { clientId: "F", clientSecret: "" },
};
const direct: ClientCredentials = {
  google: { clientId: "g.apps.googleusercontent.com", clientSecret: "direct-secret" },
  fitbit: { clientId: "F", clientSecret: "" },
};

describe("broker mode", () => {
  it("counts as configured without a client secret, and redirects to the broker's callback", () => {
    assert.equal(isClientConfigured("google", viaBroker), true);
    assert.equal(redirectUriOf("google", viaBroker), BROKER + "/callback");
    assert.equal(redirectUriOf("google", direct), REDIRECT_URI);
    const noSecretNoBroker = { ...direct, google: { clientId: "g", clientSecret: "" } };
    assert.equal(isClientConfigured("google", noSecretNoBroker), false);
  });

  it("sends the code exchange, refresh and revoke to the broker as JSON, with no secret", () => {
    const requests = [
      buildCodeExchange("google", viaBroker, "s1.code", "verifier"),
      buildRefresh("google", viaBroker, "s1.refresh"),
      buildRevoke("google", viaBroker, "s1.refresh"),
    ];
    assert.deepEqual(
      requests.map((r) => r.url),
      [BROKER + "/token", BROKER + "/refresh", BROKER + "/revoke"],
    );
    assert.deepEqual(JSON.parse(requests[0].body ?? ""), {
      code: "s1.code",
      code_verifier: "verifier",
      client_id: "g.apps.googleusercontent.com",
    });
    assert.deepEqual(JSON.parse(requests[1].body ?? ""), {
      refresh: "s1.refresh",
      client_id: "g.apps.googleusercontent.com",
    });
    for (const r of requests) {
      assert.equal(r.method, "POST");
      assert.equal(r.headers?.["Content-Type"], "application/json");
      assert.doesNotMatch(r.body ?? "", /client_secret/);
    }
  });

  it("leaves the legacy provider and direct mode as they were", () => {
    const google = buildRefresh("google", direct, "1//r");
    assert.equal(google.url, "https://oauth2.googleapis.com/token");
    assert.match(google.body ?? "", /client_secret=direct-secret/);
    assert.equal(buildRefresh("fitbit", viaBroker, "r").url, "https://api.fitbit.com/oauth2/token");
  });

  it("stores the broker's sealed refresh token, and a new seal when the broker hands one out", () => {
    const first = readTokenResponse("google", { access_token: "a", expires_in: 3599, refresh: "s1.one" }, 0, null);
    assert.ok(!("error" in first));
    assert.equal(first.refreshToken, "s1.one");
    const same = readTokenResponse("google", { access_token: "b", expires_in: 3599 }, 1, first);
    assert.ok(!("error" in same));
    assert.equal(same.refreshToken, "s1.one");
    const resealed = readTokenResponse("google", { access_token: "c", expires_in: 3599, refresh: "s1.two" }, 2, same);
    assert.ok(!("error" in resealed));
    assert.equal(resealed.refreshToken, "s1.two");
  });

  it("publishes the redirect URI for the page, and reads an older companion's request as direct", () => {
    const request = { provider: "google", clientId: "g", state: "s", challenge: "c" };
    assert.equal(parseOauthRequest(JSON.stringify(request))?.redirectUri, REDIRECT_URI);
    const brokered = { ...request, redirectUri: BROKER + "/callback" };
    assert.equal(parseOauthRequest(JSON.stringify(brokered))?.redirectUri, BROKER + "/callback");
    const insecure = { ...request, redirectUri: "http://evil.example/callback" };
    assert.equal(parseOauthRequest(JSON.stringify(insecure))?.redirectUri, REDIRECT_URI);
  });
});
