// A face written the way many gallery faces are: plain JavaScript, ES modules, sensors started
// once, a tick handler that fills text elements.
import clock from "clock";
import document from "document";
import { today } from "user-activity";
import { HeartRateSensor } from "heart-rate";
import { battery } from "power";
import { me as device } from "device";
import { preferences } from "user-settings";
import { vibration } from "haptics";

clock.granularity = "minutes";

const time = document.getElementById("time");
const steps = document.getElementById("steps");
const heart = document.getElementById("heart");
const power = document.getElementById("battery");
const model = document.getElementById("model");
const tapped = document.getElementById("tapped");

function pad(n) {
  return n < 10 ? "0" + n : "" + n;
}

let bpm = "--";
if (HeartRateSensor) {
  const hrm = new HeartRateSensor();
  hrm.addEventListener("reading", function () {
    bpm = hrm.heartRate === null ? "--" : "" + hrm.heartRate;
    heart.text = bpm + " bpm";
  });
  hrm.start();
}

clock.ontick = function (evt) {
  const d = evt.date;
  let h = d.getHours();
  if (preferences.clockDisplay === "12h") h = h % 12 || 12;
  time.text = pad(h) + ":" + pad(d.getMinutes());
  steps.text = (today.adjusted.steps || 0) + " steps";
  power.text = Math.floor(battery.chargeLevel) + "%";
};

model.text = device.modelName;

document.getElementById("tap-area").onclick = function () {
  vibration.start("bump");
  tapped.text = "tapped";
};
