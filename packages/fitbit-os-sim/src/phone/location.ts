// The phone's `geolocation` and `weather` modules (fitbit-sdk-types: shared/geolocation.d.ts,
// companion/weather.d.ts). Both need `access_location`; without it geolocation calls its error
// callback with PERMISSION_DENIED and weather rejects. The position and the weather are the
// scenario's `phone` block (README "Scenarios"); callbacks come asynchronously, as on a phone.
import { Permissions } from "../runtime/permissions";

/** Where the phone is and what the weather is there. */
export interface PhoneSetup {
  latitude: number;
  longitude: number;
  /** The place's name as the weather service gives it. */
  place: string;
  temperatureCelsius: number;
  /** One of WEATHER_CONDITIONS. */
  condition: string;
}

export const DEFAULT_PHONE: PhoneSetup = {
  latitude: 52.52,
  longitude: 13.405,
  place: "Berlin",
  temperatureCelsius: 12,
  condition: "Cloudy",
};

/** The `WeatherCondition` names of the typings, in their order (the values are their indexes). */
export const WEATHER_CONDITIONS = [
  "ClearNight",
  "Cloudy",
  "Cold",
  "Flurries",
  "Fog",
  "FreezingRain",
  "HazyMoonlight",
  "HazySunshineDay",
  "Hot",
  "Ice",
  "IntermittentCloudsDay",
  "IntermittentCloudsNight",
  "MostlyClearNight",
  "MostlyCloudyDay",
  "MostlyCloudyNight",
  "MostlyCloudyWithFlurriesDay",
  "MostlyCloudyWithFlurriesNight",
  "MostlyCloudyWithShowersDay",
  "MostlyCloudyWithShowersNight",
  "MostlyCloudyWithSnowDay",
  "MostlyCloudyWithSnowNight",
  "MostlyCloudyWithThunderstormsDay",
  "MostlyCloudyWithThunderstormsNight",
  "MostlySunnyDay",
  "Overcast",
  "PartlyCloudyNight",
  "PartlyCloudyWithShowersNight",
  "PartlyCloudyWithThunderstormsNight",
  "PartlySunnyDay",
  "PartlySunnyWithFlurriesDay",
  "PartlySunnyWithShowersDay",
  "PartlySunnyWithThunderstormsDay",
  "Rain",
  "RainAndSnow",
  "Showers",
  "Sleet",
  "Snow",
  "SunnyDay",
  "Thunderstorms",
  "Windy",
];

const POSITION_ERROR = { PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };

/** The two modules for one run of the companion. */
export function createLocationModules(
  setup: PhoneSetup,
  permissions: Permissions,
  now: () => number,
  later: (callback: () => void) => void,
): Record<string, unknown> {
  const allowed = () => permissions.has("access_location");
  const position = () => ({
    coords: {
      latitude: setup.latitude,
      longitude: setup.longitude,
      accuracy: 20,
      altitude: null,
      altitudeAccuracy: null,
      heading: null,
      speed: null,
    },
    timestamp: now(),
  });
  const answer = (success: unknown, failure: unknown) =>
    later(() => {
      if (allowed()) {
        if (typeof success === "function") (success as (p: unknown) => void)(position());
      } else if (typeof failure === "function")
        (failure as (e: unknown) => void)({ ...POSITION_ERROR, code: 1, message: "access_location is not granted" });
    });
  let watches = 0;
  const geolocation = {
    getCurrentPosition: answer,
    watchPosition: (success: unknown, failure: unknown) => {
      answer(success, failure);
      return ++watches;
    },
    clearWatch: () => undefined,
  };
  const conditions = Object.fromEntries(WEATHER_CONDITIONS.map((name, i) => [name, i]));
  const weather = {
    getWeatherData: (options?: { temperatureUnit?: string }) => {
      if (!allowed()) return Promise.reject(new Error("access_location is not granted"));
      const fahrenheit = options?.temperatureUnit === "fahrenheit";
      const c = setup.temperatureCelsius;
      return Promise.resolve({
        temperatureUnit: fahrenheit ? "fahrenheit" : "celsius",
        locations: [
          {
            name: setup.place,
            timeOffsetUTC: 0,
            currentWeather: {
              epochTime: Math.floor(now() / 1000),
              weatherCondition: conditions[setup.condition] ?? conditions.Cloudy,
              temperature: fahrenheit ? Math.round((c * 9) / 5 + 32) : c,
            },
          },
        ],
      });
    },
  };
  return {
    geolocation: { geolocation },
    weather: {
      weather,
      WeatherCondition: conditions,
      TemperatureUnit: { Celsius: "celsius", Fahrenheit: "fahrenheit" },
    },
  };
}
