// Regenerates docs/screens/<locale>/*.png: the face's main states in every watch language,
// rendered by the simulator from the built .fba (npm run screens).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOCALES = ["en-US", "de-DE", "fr-FR", "es-ES", "ja-JP"];

function scenario(locale: string): unknown {
  return {
    start: "2026-11-24T06:40:00",
    timeZone: "Europe/Berlin",
    locale,
    target: "atlas",
    watch: { steps: 6842, activeZoneMinutes: 14, calories: 1320, distanceMeters: 5200, floors: 7 },
    steps: [
      { do: "screen", name: "sign-in" },
      { do: "signIn" },
      { do: "screen", name: "no-sleep-yet" },
      { do: "advance", minutes: 120 },
      { do: "screen", name: "synced" },
      { do: "disconnectWatch" },
      { do: "advance", minutes: 240 },
      { do: "screen", name: "not-connected" },
      { do: "connectWatch" },
      { do: "fault", name: "invalidGrant" },
      { do: "advance", minutes: 200 },
      { do: "screen", name: "sign-in-again" },
    ],
  };
}

function main(): void {
  const root = join(__dirname, "..");
  const dir = mkdtempSync(join(tmpdir(), "screens-"));
  try {
    for (const locale of LOCALES) {
      const file = join(dir, `${locale}.json`);
      writeFileSync(file, JSON.stringify(scenario(locale)));
      const out = join(root, "docs", "screens", locale);
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", join(root, "sim", "cli.ts"), "--scenario", file, "--out", out],
        { cwd: root, encoding: "utf8" },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      console.log(`${locale}: ${out}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
