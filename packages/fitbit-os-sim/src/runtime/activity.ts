// Tracks real asynchronous work (loopback fetches, message deliveries) so the runner can wait
// until the bundles are idle before moving virtual time on.

/** Counts work in flight; `settle()` resolves once none is left and the event loop is quiet. */
export class Activity {
  private pending = 0;

  track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    return work.finally(() => {
      this.pending--;
    });
  }

  later(callback: () => void): void {
    this.pending++;
    setImmediate(() => {
      this.pending--;
      callback();
    });
  }

  async settle(maxRealMs = 15000): Promise<void> {
    const deadline = Date.now() + maxRealMs;
    let quietTurns = 0;
    while (quietTurns < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      quietTurns = this.pending === 0 ? quietTurns + 1 : 0;
    }
  }
}
