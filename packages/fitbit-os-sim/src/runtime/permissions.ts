// The app's permissions as the user holds them (docs/reference/fitbit-os.md §2.6): granted at install for
// what the manifest requests, revocable and grantable again at any time from the phone's Fitbit
// app (scenario step "permission"). One set serves the watch and the companion: permissions belong
// to the app, not to a side.
export class Permissions {
  private readonly granted = new Set<string>();
  private readonly listeners: Array<(name: string, granted: boolean) => void> = [];

  constructor(readonly requested: string[]) {
    for (const name of requested) this.granted.add(name);
  }

  /** What `me.permissions.granted(name)` answers on either side. */
  has(name: unknown): boolean {
    return typeof name === "string" && this.granted.has(name);
  }

  /** The user changes a permission; one the manifest never requested cannot be granted. */
  set(name: string, granted: boolean): void {
    if (granted && this.requested.indexOf(name) < 0) return;
    if (granted === this.granted.has(name)) return;
    if (granted) this.granted.add(name);
    else this.granted.delete(name);
    for (const listener of this.listeners) listener(name, granted);
  }

  onChange(listener: (name: string, granted: boolean) => void): void {
    this.listeners.push(listener);
  }
}
