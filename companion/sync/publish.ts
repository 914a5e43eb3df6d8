// What leaves the companion after every change of the sync state: the snapshot for the watch and
// the report for the settings page. Both are sent only when something the receiver sees changed.
import { decodeSnapshot } from "../../common/decode-snapshot";
import { snapshotMessage } from "../../common/messages";
import { readOptions, readProvider, SettingsKey, SyncReport } from "../../common/settings-keys";
import { encodeSnapshot, SNAPSHOT_FILE } from "../../common/snapshot";
import { CivilDate } from "../../common/civil-date";
import { readEpoch, readTokens } from "../auth/token-store";
import { CompanionDeps } from "../deps";
import { buildSnapshot } from "./build-snapshot";
import { SyncState } from "./sync-state";

/**
 * Sends the snapshot when its data, status or options changed: as a file (the newest replaces a
 * pending one) and as a message when the socket is open. When only the last-sync time moved, a
 * message tells an open watch and nothing is queued: a face that was not running hears it when
 * its socket opens, because the companion syncs on `open`. Records what was sent in `state`.
 */
export function deliverSnapshot(deps: CompanionDeps, state: SyncState, today: CivilDate): void {
  const options = readOptions((k) => deps.settings.getItem(k));
  const sequence = state.sequence + 1;
  const wire = encodeSnapshot(buildSnapshot(state, today, deps.now(), options, readEpoch(deps.storage), sequence));
  // The watch's own check: a snapshot it would refuse is never sent (the readers make this moot).
  const checked = decodeSnapshot(wire);
  if (!checked.ok) {
    deps.log(`snapshot not sent: it fails the watch's check at ${checked.error.field}`);
    return;
  }
  const key = JSON.stringify({ ...wire, t: 0, u: 0, i: 0 });
  const changed = key !== state.lastSent;
  if (changed) {
    state.lastSent = key;
    state.sequence = sequence;
    deps.sendFile(SNAPSHOT_FILE, wire).catch((error: unknown) => deps.log(`outbox: ${String(error)}`));
  }
  if ((changed || wire.u !== state.lastSentSyncAt) && deps.socketOpen()) {
    try {
      deps.sendMessage(snapshotMessage(wire));
      state.lastSentSyncAt = wire.u;
      state.sequence = sequence;
    } catch (error) {
      deps.log(`message not sent (the file follows): ${String(error)}`);
    }
  }
}

/** Publishes sign-in state, last sync and problem for the settings page (only when changed). */
export function reportStatus(deps: CompanionDeps, state: SyncState): void {
  const tokens = readTokens(deps.storage);
  const report: SyncReport = {
    signedIn: tokens !== null,
    provider: tokens?.provider ?? readProvider((k) => deps.settings.getItem(k)),
    lastSyncAt: state.lastSyncAt === null ? null : Math.floor(state.lastSyncAt / 1000),
    nextCallAt: state.nextCallAt === null ? null : Math.floor(state.nextCallAt / 1000),
    problem: state.problem,
    retryAt: state.retryAt === null ? null : Math.floor(state.retryAt / 1000),
  };
  const text = JSON.stringify(report);
  if (deps.settings.getItem(SettingsKey.status) !== text) deps.settings.setItem(SettingsKey.status, text);
}
