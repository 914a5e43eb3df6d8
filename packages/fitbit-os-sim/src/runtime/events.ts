// A minimal EventTarget with `on<type>` handler properties, as Fitbit OS objects have.

type Listener = (event: Record<string, unknown>) => void;

/** Event target that also calls `this["on" + type]`, like the platform's objects. */
export class Emitter {
  private listeners = new Map<string, Listener[]>();
  [handler: `on${string}`]: unknown;

  addEventListener(type: string, listener: Listener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener);
    this.listeners.set(type, list);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }

  /** Dispatches an event; listener exceptions go to `onError` instead of the caller. */
  emit(type: string, event: Record<string, unknown>, onError: (error: unknown) => void): void {
    const full = { type, target: this, ...event };
    const handler = this[`on${type}`];
    const all = [...(this.listeners.get(type) ?? [])];
    if (typeof handler === "function") all.unshift(handler as Listener);
    for (const listener of all) {
      try {
        listener.call(this, full);
      } catch (error) {
        onError(error);
      }
    }
  }

  hasListeners(type: string): boolean {
    return (this.listeners.get(type) ?? []).length > 0;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
