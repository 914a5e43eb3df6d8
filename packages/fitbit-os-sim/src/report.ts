// The run's results: the `--json` document (README "Output") and the readable text form.
import { RequestRecord } from "./phone/network";
import { Screen } from "./steps";
import { TransferRecord } from "./runtime/peer-link";

/** Local ISO time with offset, e.g. 2026-11-24T09:00:00+01:00 (the process TZ is the scenario's). */
export function localIso(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${sign}${p(Math.floor(Math.abs(offset) / 60))}:${p(Math.abs(offset) % 60)}`;
}

export interface RunResult {
  screens: Screen[];
  requests: RequestRecord[];
  transfers: TransferRecord[];
  problems: string[];
  /** Modules the apps required that the simulator does not emulate ("watch: haptics"). */
  notEmulated: string[];
  /** The build target the watch played. */
  target: string;
}

export function toJson(result: RunResult): string {
  return JSON.stringify(
    {
      screens: result.screens.map((s) => ({
        name: s.name,
        at: localIso(s.at),
        kind: s.kind,
        aod: s.aod,
        text: s.text,
        png: s.png,
        overlaps: s.overlaps,
        contrast: s.contrast,
        minTextPx: s.minTextPx,
        ...(s.aod ? { litRatio: s.litRatio } : {}),
      })),
      requests: result.requests.map((r) => ({ at: localIso(r.at), method: r.method, url: r.url, status: r.status })),
      transfers: result.transfers.map((t) => ({
        at: localIso(t.at),
        via: t.via,
        bytes: t.bytes,
        delivered: t.delivered === null ? null : localIso(t.delivered),
      })),
      problems: result.problems,
      notEmulated: result.notEmulated,
      target: result.target,
    },
    null,
    2,
  );
}

export function toText(result: RunResult): string {
  const lines: string[] = [];
  for (const screen of result.screens) {
    const kind = screen.kind === "settings" ? " (settings page)" : screen.aod ? " (always-on)" : "";
    lines.push(`── ${screen.name}${kind} · ${localIso(screen.at).replace("T", " ")} ──`);
    for (const [id, text] of Object.entries(screen.text)) lines.push(`  ${id.padEnd(12)} ${text}`);
    if (screen.page.length > 0)
      lines.push(`  settings page: ${screen.page.filter((l) => l.trim() !== "").join(" | ")}`);
    for (const [a, b] of screen.overlaps) lines.push(`  OVERLAP: ${a} × ${b}`);
    for (const m of screen.contrast) lines.push(`  CONTRAST: ${m.id} ${m.ratio}:1 (needs ${m.floor}:1)`);
    if (screen.litRatio !== null) lines.push(`  lit: ${(screen.litRatio * 100).toFixed(1)} % of pixels`);
    if (screen.png !== null) lines.push(`  png: ${screen.png}`);
  }
  const delivered = result.transfers.filter((t) => t.delivered !== null).length;
  lines.push(
    `requests: ${result.requests.length} · transfers: ${result.transfers.length} (${delivered} delivered) · problems: ${result.problems.length}`,
  );
  for (const problem of result.problems) lines.push(`  problem: ${problem}`);
  if (result.notEmulated.length > 0) lines.push(`not emulated (inert stand-ins): ${result.notEmulated.join(", ")}`);
  return lines.join("\n");
}
