import { peerSocket } from "messaging";
import { settingsStorage } from "settings";
import { weather } from "weather";

const API = "https://api.example.test/v1/greeting";

function send(message: object): void {
  if (peerSocket.readyState === peerSocket.OPEN) peerSocket.send(message);
}

async function greet(): Promise<void> {
  const raw = settingsStorage.getItem("oauth");
  if (raw === null) {
    send({ greeting: "Sign in on the phone" });
    return;
  }
  const token = JSON.parse(raw) as { access_token?: string };
  const response = await fetch(API, { headers: { Authorization: `Bearer ${token.access_token}` } });
  const body = (await response.json()) as { text: string };
  send({ greeting: body.text });
}

async function report(): Promise<void> {
  const data = await weather.getWeatherData({ temperatureUnit: "celsius" });
  const here = data.locations[0];
  send({ temperature: here.currentWeather.temperature, place: here.name });
}

function refresh(): void {
  greet().catch((e) => console.error(`greet: ${e}`));
  report().catch((e) => console.error(`weather: ${e}`));
}

peerSocket.onopen = refresh;
settingsStorage.onchange = (evt) => {
  if (evt.key === "oauth") refresh();
};
