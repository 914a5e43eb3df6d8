import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseClientConfigured, SettingsKey } from "../../common/settings-keys";
import { ClientCredentials, StringStore } from "../../companion/deps";
import { start, WAKE_INTERVAL_MS } from "../../companion/start";

function memoryStore(): StringStore & { writes: number } {
  const items = new Map<string, string>();
  return {
    writes: 0,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      this.writes++;
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

const NONE: ClientCredentials = { google: { clientId: "", clientSecret: "" }, fitbit: { clientId: "" } };

describe("companion start", () => {
  it("sets the wake interval on every start", () => {
    const host = { wakeInterval: undefined as number | undefined };
    start({ host, settings: memoryStore(), credentials: NONE });
    assert.equal(host.wakeInterval, WAKE_INTERVAL_MS);
  });

  it("tells the settings page when the build has no OAuth client", () => {
    const settings = memoryStore();
    start({ host: { wakeInterval: undefined }, settings, credentials: NONE });
    assert.deepEqual(parseClientConfigured(settings.getItem(SettingsKey.clientConfigured)), {
      google: false,
      fitbit: false,
    });
  });

  it("needs both the Google client id and secret to call Google configured", () => {
    const settings = memoryStore();
    const idOnly = { ...NONE, google: { clientId: "x.apps.googleusercontent.com", clientSecret: "" } };
    start({ host: { wakeInterval: undefined }, settings, credentials: idOnly });
    assert.equal(parseClientConfigured(settings.getItem(SettingsKey.clientConfigured)).google, false);
  });

  it("does not rewrite an unchanged value, so the page is not re-rendered for nothing", () => {
    const settings = memoryStore();
    start({ host: { wakeInterval: undefined }, settings, credentials: NONE });
    start({ host: { wakeInterval: undefined }, settings, credentials: NONE });
    assert.equal(settings.writes, 1);
  });
});

describe("parseClientConfigured", () => {
  for (const raw of [null, undefined, "", "not json", "[]", '{"google":"yes"}']) {
    it(`treats ${JSON.stringify(raw)} as not configured`, () => {
      assert.deepEqual(parseClientConfigured(raw), { google: false, fitbit: false });
    });
  }
});
