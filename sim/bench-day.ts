// Measures a simulated 24 h day through the simulator on the built .fba (Google Health, 15-min
// wake interval, the watch's sleep detection saying when its wearer wakes): API calls by kind,
// token refreshes, transfers and snapshot bytes, and how long after last night's sleep appeared at
// the provider it reached the watch; then the same day with live-shaped answers, on a real phone,
// without access_sleep, and the worst cases: every answer garbage, or out of range, all day.
// Prints numbers only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatLocalDuration } from "../common/locale-format";
import { demoAsleep, demoNight } from "./servers/demo-user";

interface Report {
  screens: Array<{ name: string; at: string; text: Record<string, string> }>;
  requests: Array<{ at: string; method: string; url: string; status: number | null }>;
  transfers: Array<{ via: string; bytes: number; delivered: string | null }>;
}

const TIME_ZONE = "Europe/Berlin";
const DAY = 20261124;

interface Day {
  label: string;
  answers: "documented" | "live" | "seeded";
  /** A fault switched on at midnight for the whole day. */
  fault?: string;
  /** A real phone: the companion unloaded after every run, wake-ups late. */
  realPhone?: boolean;
  /** The user revoked access_sleep: the watch cannot say when its wearer wakes. */
  noSleep?: boolean;
}

/** Minutes after local midnight of the demo night's wake time on the simulated day. */
function wakeMinute(): number {
  const night = demoNight(1, DAY, TIME_ZONE);
  const local = new Date(night.end).toLocaleString("en-GB", { timeZone: TIME_ZONE, hour12: false });
  const [hours, minutes] = local.split(", ")[1].split(":").map(Number);
  return hours * 60 + minutes;
}

function scenario(day: Day): unknown {
  const steps: unknown[] = [{ do: "advance", minutes: 1 }];
  // Revoked before the face starts again (a face start tells the companion what the watch can say).
  if (day.noSleep === true)
    steps.push({ do: "permission", name: "access_sleep", granted: false }, { do: "returnToClock" });
  steps.push({ do: "signIn" });
  if (day.realPhone === true) steps.push({ do: "wakeUps", mode: "late" });
  // Sign in the evening before; asleep through the night (on a real phone with the display dark),
  // then watch the next day minute by minute around the wake time.
  steps.push({ do: "advance", minutes: 59 });
  if (day.fault !== undefined) steps.push({ do: "fault", name: day.fault });
  steps.push({ do: "sleepState", state: "asleep" });
  if (day.realPhone === true) steps.push({ do: "displayOff" });
  // The watch's sleep detection says awake at the wake time; on a real phone the first look at
  // the watch comes 4 minutes later (the `sleep` module tells nothing while the display is dark).
  const events = new Map<number, unknown[]>([[wakeMinute(), [{ do: "sleepState", state: "awake" }]]]);
  if (day.realPhone === true) events.set(wakeMinute() + 4, [{ do: "displayOn" }]);
  let minute = 0;
  const advanceTo = (target: number) => {
    for (const [at, acts] of [...events].sort((a, b) => a[0] - b[0])) {
      if (at < minute || at >= target) continue;
      if (at > minute) steps.push({ do: "advance", minutes: at - minute });
      minute = at;
      steps.push(...acts);
    }
    if (target > minute) steps.push({ do: "advance", minutes: target - minute });
    minute = target;
  };
  advanceTo(6 * 60);
  for (let i = 0; i < 8 * 12; i++) {
    advanceTo(minute + 5);
    steps.push({ do: "screen", name: `t${i}` });
  }
  advanceTo(24 * 60 - 1);
  return {
    start: "2026-11-23T23:00:00",
    timeZone: TIME_ZONE,
    answers: day.answers,
    unloadAfterEachRun: day.realPhone === true,
    steps,
  };
}

function kind(url: string): string {
  const path = new URL(url).pathname;
  if (path === "/token") return "token refresh/exchange";
  if (path.includes("/sleep/")) return "sleep list";
  if (path.includes("dailyRollUp")) return "steps rollup";
  if (path.includes("resting-heart-rate")) return "resting heart rate";
  return path;
}

function simulate(dir: string, day: Day): Report {
  const file = join(dir, "day.json");
  writeFileSync(file, JSON.stringify(scenario(day)));
  const root = join(__dirname, "..");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "sim", "cli.ts"), "--json", "--scenario", file, "--out", join(dir, "png")],
    { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Report;
}

function printDay(day: Day, report: Report, detail: boolean): void {
  const calls = report.requests.filter((r) => r.at >= "2026-11-24T00:00" && r.at < "2026-11-25T00:00");
  const counts = new Map<string, number>();
  const fromWatch = report.transfers.filter((t) => t.via === "watch-file").length;
  for (const r of calls) counts.set(kind(r.url), (counts.get(kind(r.url)) ?? 0) + 1);
  console.log(`${day.label}: ${calls.length} API calls in the simulated day ${DAY} (Google Health, 15-min interval)`);
  for (const [k, n] of counts) console.log(`  ${k.padEnd(24)} ${n}`);
  console.log(`  ${"files from the watch".padEnd(24)} ${fromWatch} (wake signal, refresh requests)`);
  const last = report.screens[report.screens.length - 1];
  console.log(`  last screen: sleep ${last.text.sleep}, status "${last.text.status}"`);
  if (!detail) return;
  const files = report.transfers.filter((t) => t.via === "file");
  const messages = report.transfers.filter((t) => t.via === "message");
  console.log(
    `file transfers: ${files.length} (${files.filter((t) => t.delivered !== null).length} delivered), messages: ${messages.length}`,
  );
  console.log(
    `snapshot bytes on the wire (CBOR file): min ${Math.min(...files.map((t) => t.bytes))}, max ${Math.max(...files.map((t) => t.bytes))}`,
  );
  const night = demoNight(1, DAY, TIME_ZONE);
  const visibleAt = night.visibleAt;
  const asleep = demoAsleep(night);
  // Today's night is on the watch once the face shows its duration (yesterday's stays meanwhile).
  const shown = report.screens.find(
    (s) => s.text.sleep === formatLocalDuration((msgid) => msgid, asleep) && s.text.status !== "No sleep data yet",
  );
  const minutes = shown === undefined ? null : Math.round((Date.parse(shown.at) - visibleAt) / 60000);
  console.log(
    `last night appeared at the provider ${new Date(visibleAt).toISOString()}, on the watch ${minutes === null ? "never" : `${minutes} min later`} (screens every 5 min)`,
  );
}

const DAYS: Day[] = [
  { label: "a normal day (answers shaped from the seed)", answers: "seeded" },
  { label: "live-shaped answers (no civil times, zeros left out, a day without data)", answers: "live" },
  {
    label: "a real phone (companion unloaded after each run, wake-ups 0-3 intervals late)",
    answers: "seeded",
    realPhone: true,
  },
  { label: "without access_sleep (revoked: the plan as without a watch that knows)", answers: "seeded", noSleep: true },
  { label: "worst case: every data answer malformed all day", answers: "seeded", fault: "malformedJson" },
  {
    label: "worst case: the newest record of every answer out of range all day",
    answers: "seeded",
    fault: "outOfRange",
  },
];

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    DAYS.forEach((day, i) =>
      printDay(day, simulate(dir, day), i === 0 || day.realPhone === true || day.noSleep === true),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
