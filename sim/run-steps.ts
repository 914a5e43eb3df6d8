// Executes scenario steps against the simulated world and records screens.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeCbor } from "./cbor";
import { documentToSvg } from "./render/document-to-svg";
import { svgToPng } from "./render/svg-to-png";
import { Step } from "./scenario";
import { FakeServer } from "./servers";
import { signIn } from "./sign-in";
import { findNodes, describePage } from "./phone/settings-page";
import { Simulator } from "./simulator";

export interface Screen {
  name: string;
  at: number;
  text: Record<string, string>;
  png: string | null;
  page: string[];
}

export interface StepContext {
  server: FakeServer | null;
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

function captureScreen(sim: Simulator, name: string, ctx: StepContext): void {
  const doc = sim.watch.document;
  let png: string | null = null;
  if (ctx.png && doc !== null) {
    mkdirSync(ctx.outDir, { recursive: true });
    png = join(ctx.outDir, `${String(ctx.screens.length + 1).padStart(2, "0")}-${name.replace(/[^\w-]+/g, "_")}.png`);
    writeFileSync(png, svgToPng(documentToSvg(doc.root)));
  }
  ctx.screens.push({
    name,
    at: sim.clock.now(),
    text: sim.displayOn ? visibleTexts(sim) : {},
    png,
    page: describePage(sim.page()),
  });
}

/** Runs one step; scenario-level mistakes (nothing to click) become log lines, not failures. */
export async function runStep(sim: Simulator, step: Step, ctx: StepContext): Promise<void> {
  switch (step.do) {
    case "advance":
      return sim.advance(step.minutes * 60000);
    case "screen":
      return captureScreen(sim, step.name, ctx);
    case "signIn":
      sim.logs.push(await signIn(sim.page(), sim.serverBase(), sim.phoneOnline));
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
      break;
    case "restartWatchApp":
      sim.watch.stop();
      sim.clock.cancelOwner("watch");
      sim.watch.start();
      // The watch app's start launches an unloaded companion (launchReasons.peerAppLaunched).
      if (!sim.companion.running) sim.companion.start({ peerAppLaunched: true });
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
      sim.displayOn = step.do === "displayOn";
      // Assumed (sim/README.md): the watch face coming back to the screen connects its socket,
      // which launches an unloaded companion (launchReasons.peerAppLaunched).
      if (sim.displayOn && sim.watch.running && !sim.companion.running) {
        sim.companion.start({ peerAppLaunched: true });
        sim.link.update();
      }
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
    case "fault":
      if (ctx.server === null) sim.logs.push("fault: ignored with --server (no fake server to switch)");
      else
        ctx.server.setFault({
          name: step.name as Parameters<FakeServer["setFault"]>[0]["name"],
          count: step.count,
          retryAfterSeconds: step.retryAfterSeconds,
          delayMs: step.delayMs,
        });
      break;
    case "clearFaults":
      ctx.server?.clearFaults();
      break;
  }
  await sim.activity.settle();
}
