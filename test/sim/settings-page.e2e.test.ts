// The built settings page (build/sim/app.fba, built on demand) rendered by the simulator's runtime.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ensureBuild, simulatorCredentials } from "../../sim/ensure-build";
import { describePage, findNodes, loadSettingsPage, readFba } from "fitbit-os-sim";
import { providerChoice } from "../../sim/choices";
import { Problem } from "../../common/sync-status";

const ROOT = join(__dirname, "..", "..");

function page(language: string, settings: Record<string, string>) {
  const fba = readFba(ensureBuild(ROOT, simulatorCredentials(ROOT), () => undefined));
  const source = fba.companion?.files.get("settings.js")?.toString("utf8") ?? "";
  const render = loadSettingsPage(
    source,
    () => 0,
    {},
    language,
    (name) => assert.fail(`not emulated: ${name}`),
  );
  return render({ settings, settingsStorage: { setItem: () => undefined } });
}

const SIGNED_IN = {
  clientConfigured: '{"google":true,"fitbit":true}',
  status: '{"signedIn":true,"provider":"google","lastSyncAt":null,"problem":0,"retryAt":null}',
};

describe("settings page on the built bundle", () => {
  it("says sign-in is unavailable instead of offering one on a phone without secure random numbers", () => {
    const tree = page("en-US", {
      clientConfigured: '{"google":true,"fitbit":false}',
      signInUnavailable: "noSecureRandom",
    });
    assert.equal(findNodes(tree, "Oauth").length, 0);
    assert.match(describePage(tree).join(" "), /Sign-in is not available on this phone/);
  });

  it("offers Google sign-in with PKCE parameters from the companion", () => {
    const tree = page("en-US", {
      clientConfigured: '{"google":true,"fitbit":false}',
      oauthRequest: '{"provider":"google","clientId":"id","state":"s","challenge":"c"}',
    });
    const oauth = findNodes(tree, "Oauth")[0];
    assert.equal(oauth.props.authorizeUrl, "https://accounts.google.com/o/oauth2/v2/auth");
    assert.deepEqual(
      { ...(oauth.props.oAuthParams as object) },
      {
        state: "s",
        code_challenge: "c",
        code_challenge_method: "S256",
        redirect_uri: "https://app-settings.fitbitdevelopercontent.com/simple-redirect.html",
        access_type: "offline",
        prompt: "consent",
      },
    );
    assert.equal(oauth.props.requestTokenUrl, undefined, "the code is exchanged by the companion, not the page");
  });

  it("renders whatever times the status holds, and says when a revoke is still pending (security review 2, 10)", () => {
    for (const time of ["1e300", "-1", "1.5", "null"]) {
      const tree = page("de-DE", {
        clientConfigured: '{"google":true,"fitbit":true}',
        status: `{"signedIn":false,"provider":"google","lastSyncAt":${time},"problem":3,"retryAt":${time}}`,
        revokePending: "2",
      });
      assert.match(describePage(tree).join(" "), /Auf diesem Handy abgemeldet/, time);
    }
  });

  it("says when it checks next, so an hours-old last sync with nothing wrong reads as planned", () => {
    const status = (problem: number) =>
      `{"signedIn":true,"provider":"google","lastSyncAt":1795500000,"nextCallAt":1795521600,"problem":${problem},"retryAt":null}`;
    const text = (problem: number) =>
      describePage(page("en-US", { clientConfigured: '{"google":true,"fitbit":true}', status: status(problem) })).join(
        " ",
      );
    assert.match(text(0), /Next check: \d{1,2}:\d\d [AP]M/);
    assert.doesNotMatch(text(1), /Next check/, "not beside a problem, which says what happens next itself");
  });

  it("before sign-in says which account to use, what is read and where it goes; signed in, what signing out does", () => {
    const before = describePage(
      page("en-US", {
        clientConfigured: '{"google":true,"fitbit":false}',
        oauthRequest: '{"provider":"google","clientId":"id","state":"s","challenge":"c"}',
      }),
    ).join(" ");
    assert.match(before, /Use the Google account your Fitbit data is in/);
    assert.match(
      before,
      /only reads .* it changes nothing\. The data goes from Google Health to this phone and your watch/,
    );
    const signedIn = describePage(page("en-US", SIGNED_IN)).join(" ");
    assert.match(signedIn, /Sign out ends this face's access on this phone and at Google Health/);
    assert.doesNotMatch(signedIn, /only reads/);
  });

  it("offers one button to Google Health when the chosen provider is retired, and it switches", () => {
    const written: Array<[string, string]> = [];
    const fba = readFba(ensureBuild(ROOT, simulatorCredentials(ROOT), () => undefined));
    const render = loadSettingsPage(
      fba.companion?.files.get("settings.js")?.toString("utf8") ?? "",
      () => 0,
      {},
      "de-DE",
      (name) => assert.fail(`not emulated: ${name}`),
    );
    const tree = render({
      settings: {
        clientConfigured: '{"google":true,"fitbit":true}',
        provider: providerChoice("fitbit"),
        status: `{"signedIn":false,"provider":"fitbit","lastSyncAt":null,"problem":${Problem.Retired},"retryAt":null}`,
      },
      settingsStorage: { setItem: (key: string, value: string) => written.push([key, value]) },
    });
    const buttons = findNodes(tree, "Button");
    assert.deepEqual(
      buttons.map((b) => b.props.label),
      ["Zu Google Health wechseln"],
    );
    (buttons[0].props.onClick as () => void)();
    assert.equal(written.length, 1);
    assert.equal(written[0][0], "provider");
    assert.equal((JSON.parse(written[0][1]) as { values: Array<{ value: string }> }).values[0].value, "google");
  });

  it("keeps provider and refresh interval under Advanced, after the face's options", () => {
    const text = describePage(page("en-US", SIGNED_IN)).join(" | ");
    assert.ok(text.indexOf("[Select: Color theme]") < text.indexOf("[Select: Provider]"), text);
  });

  it("says so when the build has no OAuth client", () => {
    assert.match(
      describePage(page("en-US", {})).join(" "),
      /This build has no OAuth client configured for Google Health/,
    );
  });

  it("is translated: German labels and a Sign out button while signed in", () => {
    const tree = page("de-DE", SIGNED_IN);
    const text = describePage(tree).join(" | ");
    assert.match(text, /Angemeldet bei Google Health\./);
    assert.match(text, /\[Select: Anbieter\]/);
    assert.deepEqual(
      findNodes(tree, "Button").map((b) => b.props.label),
      ["Abmelden"],
    );
  });

  it("explains a rate limit with the time of the next try", () => {
    process.env.TZ = "UTC";
    const status = '{"signedIn":true,"provider":"google","lastSyncAt":null,"problem":3,"retryAt":1795536000}';
    assert.match(
      describePage(page("en-US", { ...SIGNED_IN, status })).join(" "),
      /Next try 4:00 PM; your watch keeps the last data\./,
    );
    assert.match(describePage(page("de-DE", { ...SIGNED_IN, status })).join(" "), / 16:00/);
  });
});
