import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLocationModules, DEFAULT_PHONE } from "../src/phone/location";
import { Permissions } from "../src/runtime/permissions";
import { fail, parseScenario, ScenarioError } from "../src/scenario";
import { deviceOf, isKnownTarget } from "../src/devices";

describe("scenario documents", () => {
  it("takes {} as boot and one screen, with the documented defaults", () => {
    const scenario = parseScenario({});
    assert.deepEqual(scenario.steps, [{ do: "screen", name: "face" }]);
    assert.equal(scenario.target, null);
    assert.equal(scenario.locale, "en-US");
    assert.deepEqual(scenario.phone, DEFAULT_PHONE);
  });

  it("names the bad field", () => {
    const bad: Array<[unknown, RegExp]> = [
      [[], /root must be a JSON object/],
      [{ provider: "google" }, /provider is not a known field/],
      [{ steps: [{ do: "tapAt", x: -1, y: 3 }] }, /steps\[0\]\.x must be a number ≥ 0/],
      [{ watch: { heartRate: "fast" } }, /watch\.heartRate must be a number/],
      [{ phone: { condition: "Sunny" } }, /phone\.condition must be one of/],
      [{ timeZone: "Mars/Olympus" }, /not an IANA time zone/],
    ];
    for (const [raw, message] of bad) assert.throws(() => parseScenario(raw), message);
  });

  it("lets a project add fields and steps, and hands its steps back as they were parsed", () => {
    const extension = {
      fields: ["seed"],
      steps: {
        fault: (value: Record<string, unknown>, field: string) =>
          typeof value.name === "string" ? { fault: value.name } : fail(`${field}.name`, "is required"),
      },
    };
    const scenario = parseScenario({ seed: 3, steps: [{ do: "fault", name: "rateLimit" }] }, extension);
    assert.deepEqual(scenario.steps, [{ do: "extension", name: "fault", step: { fault: "rateLimit" } }]);
    assert.throws(() => parseScenario({ steps: [{ do: "fault" }] }, extension), ScenarioError);
    assert.throws(() => parseScenario({ steps: [{ do: "fault", name: "x" }] }), /"fault" is not a known action/);
  });
});

describe("devices by build target", () => {
  it("knows the screens of the SDK's targets and plays an unknown one as a Versa 3 screen", () => {
    assert.deepEqual(deviceOf("atlas").screen, { width: 336, height: 336, cornerRadius: 72 });
    assert.equal(deviceOf("higgs").screen.width, 348);
    assert.equal(deviceOf("mira").modelName, "Versa Lite");
    assert.equal(isKnownTarget("pluto"), false);
    assert.equal(deviceOf("pluto").screen.width, 336);
  });
});

describe("the phone's geolocation and weather", () => {
  const later: Array<() => void> = [];
  const modules = (granted: string[]) =>
    createLocationModules(
      DEFAULT_PHONE,
      new Permissions(granted),
      () => 1000,
      (cb) => later.push(cb),
    ) as {
      geolocation: { geolocation: { getCurrentPosition(ok: (p: unknown) => void, no: (e: unknown) => void): void } };
      weather: {
        weather: {
          getWeatherData(o?: unknown): Promise<{ locations: Array<{ currentWeather: { temperature: number } }> }>;
        };
      };
    };

  it("answers later with the scenario's position, or PERMISSION_DENIED without access_location", () => {
    const seen: unknown[] = [];
    modules(["access_location"]).geolocation.geolocation.getCurrentPosition(
      (p) => seen.push(p),
      (e) => seen.push(e),
    );
    modules([]).geolocation.geolocation.getCurrentPosition(
      (p) => seen.push(p),
      (e) => seen.push(e),
    );
    assert.deepEqual(seen, []); // nothing before the platform calls back
    for (const callback of later.splice(0)) callback();
    assert.equal((seen[0] as { coords: { latitude: number } }).coords.latitude, DEFAULT_PHONE.latitude);
    assert.equal((seen[1] as { code: number }).code, 1);
  });

  it("gives the weather in the unit asked for", async () => {
    const weather = modules(["access_location"]).weather.weather;
    const f = await weather.getWeatherData({ temperatureUnit: "fahrenheit" });
    assert.equal(
      f.locations[0].currentWeather.temperature,
      Math.round((DEFAULT_PHONE.temperatureCelsius * 9) / 5 + 32),
    );
    await assert.rejects(modules([]).weather.weather.getWeatherData(), /access_location/);
  });
});
