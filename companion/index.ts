// Entry point: wires the real Fitbit OS modules into start(); no logic lives here.
import { encode } from "cbor";
import { getRandomValues } from "crypto";
import { me } from "companion";
import { inbox, outbox } from "file-transfer";
import { localStorage } from "local-storage";
import { peerSocket } from "messaging";
import { settingsStorage } from "settings";
import { CREDENTIALS } from "./generated/credentials";
import { AbortControllerLike, createHttp } from "./http/platform-http";
import { start } from "./start";

// Not in the SDK's types; `typeof` on it is safe where the runtime has none.
declare const AbortController: (new () => AbortControllerLike) | undefined;

start(
  {
    host: me,
    settings: settingsStorage,
    storage: localStorage,
    credentials: CREDENTIALS,
    http: createHttp(
      (url, init) => fetch(url, init),
      typeof AbortController === "function" ? () => new AbortController() : null,
      (callback, ms) => void setTimeout(callback, ms),
    ),
    now: () => Date.now(),
    wait: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    localTime: (ms) => {
      const d = new Date(ms);
      return {
        year: d.getFullYear(),
        month: d.getMonth() + 1,
        day: d.getDate(),
        hours: d.getHours(),
        minutes: d.getMinutes(),
      };
    },
    randomBytes: (count) => {
      // Some phones' companion runtimes lack it: then no sign-in can be made safe (PKCE, state).
      if (typeof getRandomValues !== "function") return null;
      const bytes = new Uint8Array(count);
      getRandomValues(bytes);
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(bytes[i]);
      return out;
    },
    random: () => Math.random(),
    sendFile: (name, value) => outbox.enqueue(name, encode(value)),
    // A socket whose buffer has not drained (the watch is slow: BUFFER_FULL may follow) is left
    // alone: the snapshot file carries the same data, and the newest file replaces a pending one.
    socketOpen: () => peerSocket.readyState === peerSocket.OPEN && !(peerSocket.bufferedAmount > 0),
    internetAllowed: () => me.permissions.granted("access_internet"),
    sendMessage: (value) => peerSocket.send(value),
    // Never pass tokens here: this is the only log sink and it goes to the developer console.
    log: (line) => console.log(line),
  },
  {
    onWake: (listener) => me.addEventListener("wakeinterval", listener),
    onSettingsChange: (listener) => settingsStorage.addEventListener("change", (event) => listener(event.key)),
    onPeerOpen: (listener) => peerSocket.addEventListener("open", listener),
    onPeerMessage: (listener) => peerSocket.addEventListener("message", (event) => listener(event.data)),
    onWatchFile: (listener) => {
      // Files wait in the inbox while the companion is not running; drained at launch and on newfile.
      const drain = async (): Promise<void> => {
        for (let item = await inbox.pop(); item; item = await inbox.pop()) listener(await item.cbor());
      };
      const run = (): void => {
        drain().catch((error: unknown) => console.log(`inbox: ${String(error)}`));
      };
      inbox.addEventListener("newfile", run);
      run();
    },
  },
);
