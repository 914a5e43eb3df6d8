// Fault switches a scenario can flip (docs/contracts.md §4). A fault with a count expires after
// affecting that many responses.

export type FaultName =
  | "expiredToken"
  | "invalidGrant"
  | "missingScope"
  | "rateLimit"
  | "serverError"
  | "malformedJson"
  | "outOfRange"
  | "slow"
  | "hang"
  | "retired"
  | "legacyLogin"
  | "accountNotLinked";

export interface Fault {
  name: FaultName;
  count?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

/** The active faults of one server. */
export class FaultBoard {
  private active: Array<Fault & { left: number }> = [];

  set(fault: Fault): void {
    this.active = this.active.filter((f) => f.name !== fault.name);
    this.active.push({ ...fault, left: fault.count ?? Infinity });
  }

  clear(): void {
    this.active = [];
  }

  /** Returns the fault if active, using up one of its responses. */
  take(name: FaultName): Fault | null {
    const fault = this.active.find((f) => f.name === name && f.left > 0);
    if (fault === undefined) return null;
    fault.left--;
    return fault;
  }

  /** Returns the fault if active without using it up (for faults that are a mode). */
  peek(name: FaultName): Fault | null {
    return this.active.find((f) => f.name === name && f.left > 0) ?? null;
  }
}
