// Entry point: wires the real Fitbit OS modules into start(); no logic lives here.
import { me } from "companion";
import { settingsStorage } from "settings";
import { CREDENTIALS } from "./generated/credentials";
import { start } from "./start";

start({ host: me, settings: settingsStorage, credentials: CREDENTIALS });
