// settingsStorage (docs/reference/fitbit-os.md §5): strings shared by the settings page and the companion.
// A write from one side emits `change` only on the other side, as on the platform.
import { Emitter } from "../runtime/events";

/** The Storage-like API each side calls. */
export interface StorageApi {
  getItem(key: string): string | null;
  setItem(key: string, value: unknown): void;
  removeItem(key: string): void;
  clear(): void;
  key(index: number): string | null;
  readonly length: number;
}

/** The storage both sides see, with one event target per side. */
export class SettingsStore {
  readonly items = new Map<string, string>();
  readonly companionSide: Emitter & StorageApi;
  readonly pageSide: StorageApi;

  constructor(
    private readonly onPageWrite: (event: Record<string, unknown>) => void,
    private readonly onCompanionWrite: () => void,
  ) {
    this.companionSide = Object.assign(
      new Emitter(),
      this.api(() => this.onCompanionWrite()),
    );
    this.pageSide = this.api((event) => this.onPageWrite(event));
  }

  private api(notify: (event: Record<string, unknown>) => void): StorageApi {
    const items = this.items;
    return {
      getItem: (key: string) => items.get(String(key)) ?? null,
      setItem: (key: string, value: unknown) => {
        const old = items.get(String(key)) ?? null;
        items.set(String(key), String(value));
        notify({ key: String(key), oldValue: old, newValue: String(value) });
      },
      removeItem: (key: string) => {
        const old = items.get(String(key)) ?? null;
        if (!items.delete(String(key))) return;
        notify({ key: String(key), oldValue: old, newValue: null });
      },
      clear: () => {
        items.clear();
        notify({ key: null, oldValue: null, newValue: null });
      },
      key: (index: number) => [...items.keys()][index] ?? null,
      get length() {
        return items.size;
      },
    };
  }

  /** Plain key → value object, as `props.settings` of the page. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.items);
  }
}
