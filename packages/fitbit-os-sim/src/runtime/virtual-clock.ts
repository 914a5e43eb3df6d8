// One virtual clock drives phone and watch. Timers never fire on their own: the scenario runner
// advances time to the next due timer, fires it, and lets real I/O settle before going on.

interface Timer {
  id: number;
  due: number;
  every: number | null;
  callback: () => void;
  owner: string;
}

/** Virtual time in epoch milliseconds with setTimeout/setInterval semantics. */
export class VirtualClock {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  /** Schedules a callback; `owner` lets a context's timers be cleared when it unloads. */
  schedule(callback: () => void, delay: number, every: number | null, owner: string): number {
    const id = this.nextId++;
    const safeDelay = Number.isFinite(delay) && delay > 0 ? delay : 0;
    this.timers.push({ id, due: this.current + safeDelay, every, callback, owner });
    return id;
  }

  cancel(id: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  }

  cancelOwner(owner: string): void {
    this.timers = this.timers.filter((timer) => timer.owner !== owner);
  }

  /** The due time of the earliest timer at or before `limit`, or null. */
  nextDue(limit: number): number | null {
    let best: number | null = null;
    for (const timer of this.timers) if (timer.due <= limit && (best === null || timer.due < best)) best = timer.due;
    return best;
  }

  /** Moves time to `to` (never backwards) and runs the timers due by then, earliest first. */
  runDue(to: number): number {
    this.current = Math.max(this.current, to);
    const due = this.timers.filter((timer) => timer.due <= this.current).sort((a, b) => a.due - b.due || a.id - b.id);
    for (const timer of due) {
      if (timer.every === null) this.cancel(timer.id);
      else timer.due += Math.max(timer.every, 1);
      timer.callback();
    }
    return due.length;
  }
}
