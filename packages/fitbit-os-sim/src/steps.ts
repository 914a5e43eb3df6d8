// Executes scenario steps against the simulated world and records screens. A project's own steps
// (ScenarioExtension) run through the `extension` callback of the context.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeCbor } from "./cbor";
import { renderDocument } from "./render/document-to-svg";
import { findOverlaps, leavesScreen, Overlap } from "./render/layout-check";
import { renderPage } from "./render/page-to-svg";
import { rasterize, svgToPng } from "./render/svg-to-png";
import { Mark } from "./render/contrast";
import { Step } from "./scenario";
import { signIn } from "./phone/oauth";
import { findNodes, describePage } from "./phone/settings-page";
import { Simulator } from "./simulator";

export interface Screen {
  name: string;
  at: number;
  /** "watch" (the face, or its always-on layout when `aod`) or "settings" (the phone's page). */
  kind: "watch" | "settings";
  aod: boolean;
  text: Record<string, string>;
  png: string | null;
  page: string[];
  /** Drawn boxes that collide, or leave the visible screen as [id, "screen"] (layout check). */
  overlaps: Overlap[];
  /** Marks under their contrast floor against what is behind them ([] when all hold). */
  contrast: Mark[];
  /** The smallest font size drawn (null when no text is). */
  minTextPx: number | null;
  /** On always-on screens, the share of lit pixels; null otherwise. */
  litRatio: number | null;
}

export interface StepContext {
  /** Runs a project step (`do: "extension"`); without one such steps are logged and skipped. */
  extension?: (sim: Simulator, name: string, step: unknown) => void | Promise<void>;
  outDir: string;
  screens: Screen[];
  png: boolean;
}

/** Every visible text element that has an id, as the user sees it. */
export function visibleTexts(sim: Simulator): Record<string, string> {
  const doc = sim.watch.document;
  if (doc === null) return {};
  const result: Record<string, string> = {};
  for (const el of [doc.root, ...doc.root.descendants()]) {
    if ((el.type === "text" || el.type === "textarea") && el.id !== "" && el.isVisible()) result[el.id] = el.text;
  }
  return result;
}

function pngPath(ctx: StepContext, file: string): string {
  mkdirSync(ctx.outDir, { recursive: true });
  return join(ctx.outDir, file.replace(/[^\w.-]+/g, "_"));
}

function captureScreen(sim: Simulator, name: string, ctx: StepContext): void {
  const doc = sim.watch.document;
  const screen = sim.watch.screen;
  // What is lit: the face, or its always-on layout (whatever display.on reads meanwhile).
  const lit = screen.on || screen.aod;
  // A screen that is off shows nothing, so nothing can collide on it.
  const drawn = doc !== null && lit ? renderDocument(doc.root, sim.watch.files) : null;
  const screenSize = sim.device.screen;
  for (const problem of drawn?.problems ?? []) sim.problems.push(problem);
  // Drawn to pixels once, when a PNG is wanted or always-on needs its lit share.
  const wantPng = ctx.png && doc !== null;
  const image = wantPng || (drawn !== null && screen.aod) ? rasterize(drawn?.svg ?? blankScreen(screenSize)) : null;
  let png: string | null = null;
  if (wantPng && image !== null) {
    const number = ctx.screens.filter((s) => s.kind === "watch").length + 1;
    png = pngPath(ctx, `${String(number).padStart(2, "0")}-${name}.png`);
    writeFileSync(png, image.png());
  }
  ctx.screens.push({
    name,
    at: sim.clock.now(),
    kind: "watch",
    aod: screen.aod,
    text: lit ? visibleTexts(sim) : {},
    png,
    page: describePage(sim.page()),
    // A background (a box over the whole screen) collides with everything by design: left out.
    overlaps:
      drawn === null
        ? []
        : findOverlaps(
            drawn.boxes.filter(
              ({ box }) => !(box.x1 <= 0 && box.y1 <= 0 && box.x2 >= screenSize.width && box.y2 >= screenSize.height),
            ),
            leavesScreen(screenSize),
          ),
    contrast: drawn === null ? [] : drawn.marks.filter((m) => m.ratio < m.floor),
    minTextPx: drawn?.minTextPx ?? null,
    litRatio: drawn !== null && screen.aod && image !== null ? image.litRatio() : null,
  });
}

function blankScreen(size: { width: number; height: number }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><rect width="100%" height="100%" fill="black"/></svg>`;
}

/** The phone's settings page as a picture (settings-<name>.png), with its own layout check. */
function capturePage(sim: Simulator, name: string, ctx: StepContext): void {
  const drawn = renderPage(sim.page(), sim.settings.snapshot());
  let png: string | null = null;
  if (ctx.png) {
    png = pngPath(ctx, `settings-${name}.png`);
    writeFileSync(png, svgToPng(drawn.svg));
  }
  ctx.screens.push({
    name,
    at: sim.clock.now(),
    kind: "settings",
    aod: false,
    text: {},
    png,
    page: describePage(sim.page()),
    overlaps: drawn.overlaps,
    contrast: [],
    minTextPx: null,
    litRatio: null,
  });
}

/** Runs one step; scenario-level mistakes (nothing to click) become log lines, not failures. */
export async function runStep(sim: Simulator, step: Step, ctx: StepContext): Promise<void> {
  switch (step.do) {
    case "advance":
      return sim.advance(step.minutes * 60000);
    case "screen":
      return captureScreen(sim, step.name, ctx);
    case "page":
      return capturePage(sim, step.name, ctx);
    case "aod":
      // The wrist goes down (AOD on) or up: the display module changes and tells the app.
      sim.aodRequested = step.on;
      sim.watch.displayChanged();
      break;
    case "signIn":
      sim.logs.push(
        await signIn(sim.page(), sim.network, sim.phoneOnline, (key, value) =>
          sim.settings.pageSide.setItem(key, value),
        ),
      );
      break;
    case "signOut": {
      // The en-US label, or in other languages the page's only button (docs/contracts.md §3).
      const buttons = findNodes(sim.page(), "Button");
      const button =
        buttons.find((b) => b.props.label === "Sign out") ?? (buttons.length === 1 ? buttons[0] : undefined);
      if (button === undefined || typeof button.props.onClick !== "function")
        sim.logs.push("signOut: the page shows no Sign out button");
      else (button.props.onClick as () => void)();
      break;
    }
    case "setting":
      sim.settings.pageSide.setItem(step.key, step.value);
      break;
    case "disconnectWatch":
    case "connectWatch":
      sim.link.up = step.do === "connectWatch";
      sim.link.update();
      break;
    case "phoneOffline":
    case "phoneOnline":
      sim.phoneOnline = step.do === "phoneOnline";
      break;
    case "watch":
      Object.assign(sim.scenario.watch, step.values);
      sim.history.noteSteps(sim.clock.now(), sim.scenario.watch.steps);
      break;
    case "permission":
      sim.permissions.set(step.name, step.granted);
      break;
    case "sleepState":
      sim.sleepState = step.state;
      sim.watch.sleepChanged();
      break;
    case "watchBusy":
      sim.link.setWatchBusy(step.on);
      break;
    case "returnToClock":
    // The user comes back to the clock from another app: the face starts again, and its start
    // launches an unloaded companion (Companion guide: "When an application is launched by the
    // user, its associated companion is simultaneously launched").
    // falls through
    case "restartWatchApp":
      sim.watch.stop();
      sim.clock.cancelOwner("watch");
      sim.watch.start();
      // The watch app's start launches an unloaded companion (launchReasons.peerAppLaunched).
      if (!sim.companion.running && sim.hasCompanion) sim.companion.start({ peerAppLaunched: true });
      sim.link.update();
      break;
    case "unloadCompanion":
      sim.unloadCompanion();
      break;
    case "wakeUps":
      sim.setWakeUps(step.mode);
      break;
    case "phoneClock":
      sim.phoneOffsetMs = step.offsetMinutes * 60000;
      break;
    case "restartCompanion":
      sim.companion.stop();
      sim.clock.cancelOwner("companion");
      sim.companion.start({ peerAppLaunched: sim.watch.running });
      break;
    case "displayOff":
    case "displayOn":
      // A wrist raise turns the display on in the running face; it launches nothing (docs/reference/fitbit-os.md §2.3).
      sim.displayOn = step.do === "displayOn";
      sim.watch.displayChanged();
      break;
    case "sendFile": {
      // A file from the phone as the platform would deliver it (bypassing the companion): for
      // testing how the face treats malformed, old or foreign files.
      const data = step.base64 !== undefined ? Buffer.from(step.base64, "base64") : encodeCbor(step.value);
      sim.link.staged.push({ name: step.name, data });
      sim.watch.filesArrived();
      break;
    }
    case "tap":
      if (!sim.watch.tap(step.id)) sim.logs.push(`tap: #${step.id} has no click handler`);
      break;
    case "tapAt":
      if (sim.watch.tapAt(step.x, step.y) === null)
        sim.logs.push(`tapAt: nothing at ${step.x},${step.y} handles a tap`);
      break;
    case "extension":
      if (ctx.extension === undefined) sim.logs.push(`${step.name}: no project step runner in this run`);
      else await ctx.extension(sim, step.name, step.step);
      break;
  }
  await sim.activity.settle();
}
