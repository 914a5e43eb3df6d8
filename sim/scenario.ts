// This project's scenario fields and steps, on top of the simulator's own (fitbit-os-sim README
// "Scenarios"): which provider the user picked, the fake servers' seed and answer shapes, the
// OAuth clients and build variant to run, the token broker, and the fake servers' faults.
import { fail, count, parseScenario, Scenario, ScenarioExtension } from "fitbit-os-sim";
import { ANSWER_STYLES, AnswerStyle } from "./servers/answer-style";
import { FaultName } from "./servers/faults";

/** What this project adds to a scenario. */
export interface ProjectSetup {
  provider: "google" | "fitbit";
  /** Draws the demo user and the fake servers' answer shapes (default 1). */
  seed: number;
  /** How the fake servers shape their answers (sim/servers/answer-style.ts; default "seeded"). */
  answers: AnswerStyle;
  /** "demo" (default): the simulator's usual OAuth clients; "none": a build without any. */
  oauthClients: "demo" | "none";
  /** Sign in through the token broker (broker/) run under miniflare (default false). */
  broker: boolean;
  /** "default": the installable build; "aod": the authorized always-on build (tools/build-variant.ts). */
  build: "default" | "aod";
}

/** The fake servers' steps: a fault for the next requests, or none. */
export type ProjectStep =
  | { do: "fault"; name: FaultName; count?: number; retryAfterSeconds?: number; delayMs?: number }
  | { do: "clearFaults" };

export const FAULTS: FaultName[] = [
  "expiredToken",
  "invalidGrant",
  "missingScope",
  "rateLimit",
  "serverError",
  "malformedJson",
  "outOfRange",
  "slow",
  "hang",
  "retired",
  "legacyLogin",
  "accountNotLinked",
];

const EXTENSION: ScenarioExtension = {
  fields: ["provider", "seed", "answers", "oauthClients", "broker", "build"],
  steps: {
    clearFaults: (): ProjectStep => ({ do: "clearFaults" }),
    fault: (value, field): ProjectStep => {
      const name = value.name;
      if (typeof name !== "string" || !(FAULTS as string[]).includes(name))
        fail(`${field}.name`, `must be one of ${FAULTS.join(", ")}`);
      const step: ProjectStep = { do: "fault", name: name as FaultName };
      if (value.count !== undefined) step.count = count(value.count, `${field}.count`, 1);
      if (value.retryAfterSeconds !== undefined)
        step.retryAfterSeconds = count(value.retryAfterSeconds, `${field}.retryAfterSeconds`);
      if (value.delayMs !== undefined) step.delayMs = count(value.delayMs, `${field}.delayMs`);
      return step;
    },
  },
};

function oneOf<T extends string>(raw: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T): T {
  const value = raw[key] ?? fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
    fail(key, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  return value as T;
}

/** Parses a scenario document of this project: the simulator's part and this project's. */
export function parseProjectScenario(
  value: unknown,
  defaultProvider: "google" | "fitbit" = "google",
): { scenario: Scenario; project: ProjectSetup } {
  const scenario = parseScenario(value, EXTENSION);
  const raw = value as Record<string, unknown>;
  const seed = raw.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail("seed", "must be a whole number from 0 to 4294967295");
  const broker = raw.broker ?? false;
  if (typeof broker !== "boolean") fail("broker", "must be true or false");
  if (scenario.target !== null && scenario.target !== "atlas" && scenario.target !== "vulcan")
    fail("target", 'must be "atlas" or "vulcan" (the face\'s build targets)');
  return {
    scenario,
    project: {
      provider: oneOf(raw, "provider", ["google", "fitbit"], defaultProvider),
      seed,
      answers: oneOf(raw, "answers", ANSWER_STYLES, "seeded"),
      oauthClients: oneOf(raw, "oauthClients", ["demo", "none"], "demo"),
      broker,
      build: oneOf(raw, "build", ["default", "aod"], "default"),
    },
  };
}
