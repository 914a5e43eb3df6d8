// The <Oauth> component's sign-in against what a provider may answer (docs/reference/fitbit-os.md
// §6.1): a redirect with a code or with an error, a token endpoint that refuses or answers no JSON.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Network } from "../src/phone/network";
import { REDIRECT_URI, signIn } from "../src/phone/oauth";
import { PageNode } from "../src/phone/settings-page";

function page(props: Record<string, unknown>): PageNode {
  return { type: "Page", props: {}, children: [{ type: "Oauth", props, children: [] }] };
}

const PROPS = {
  settingsKey: "oauth",
  authorizeUrl: "https://auth.example.test/authorize",
  requestTokenUrl: "https://auth.example.test/token",
  clientId: "c",
  clientSecret: "s",
};

/** A provider that redirects with `query` and answers the token request with `token`. */
function provider(query: string, token: () => Response): { network: Network; seen: string[] } {
  const seen: string[] = [];
  const network: Network = (url, init) => {
    seen.push(`${init?.method ?? "GET"} ${new URL(url).pathname}`);
    if (new URL(url).pathname === "/authorize")
      return Promise.resolve(new Response(null, { status: 302, headers: { location: `${REDIRECT_URI}?${query}` } }));
    return Promise.resolve(token());
  };
  return { network, seen };
}

describe("<Oauth> sign-in", () => {
  it("stores nothing and says why when the token endpoint refuses or answers something other than JSON", async () => {
    for (const [answer, why] of [
      [() => new Response('{"error":"invalid_grant"}', { status: 400 }), /answered 400/],
      [() => new Response("<html>", { status: 200 }), /other than JSON/],
    ] as const) {
      const written: string[] = [];
      const { network } = provider("code=x&state=y", answer);
      const line = await signIn(page(PROPS), network, true, (key) => written.push(key));
      assert.match(line, why);
      assert.deepEqual(written, []);
    }
  });

  it("exchanges nothing when the user declined: onReturn gets the error", async () => {
    const returned: unknown[] = [];
    const { network, seen } = provider("error=access_denied", () => new Response("{}"));
    const line = await signIn(page({ ...PROPS, onReturn: (d: unknown) => returned.push(d) }), network, true, () => {
      throw new Error("nothing to store");
    });
    assert.match(line, /without a code/);
    assert.deepEqual(returned, [{ error: "access_denied" }]);
    assert.deepEqual(seen, ["GET /authorize"]);
  });

  it("does nothing offline, or when the component is disabled or missing", async () => {
    const { network, seen } = provider("code=x", () => new Response("{}"));
    assert.match(await signIn(page(PROPS), network, false, () => undefined), /offline/);
    assert.match(await signIn(page({ ...PROPS, disabled: true }), network, true, () => undefined), /disabled/);
    assert.match(await signIn(null, network, true, () => undefined), /no <Oauth>/);
    assert.deepEqual(seen, []);
  });
});
