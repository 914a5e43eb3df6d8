import clock from "clock";
import document from "document";
import { peerSocket } from "messaging";

clock.granularity = "minutes";
const time = document.getElementById("time") as TextElement;
const greeting = document.getElementById("greeting") as TextElement;
const weather = document.getElementById("weather") as TextElement;

clock.ontick = (evt) => {
  const d = evt.date;
  time.text = `${d.getHours()}:${("0" + d.getMinutes()).slice(-2)}`;
};

peerSocket.onmessage = (evt) => {
  const data = evt.data as { greeting?: string; temperature?: number; place?: string };
  if (data.greeting !== undefined) greeting.text = data.greeting;
  if (data.temperature !== undefined) weather.text = `${data.temperature}° ${data.place}`;
};
