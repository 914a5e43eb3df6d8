#!/usr/bin/env node
// The simulator's command: its sources are TypeScript, run through tsx's loader with the package's
// own tsconfig (not whatever the current folder has).
const { join } = require("node:path");
process.env.TSX_TSCONFIG_PATH = join(__dirname, "..", "tsconfig.json");
require("tsx/cjs/api").register();
const { main } = require("../src/cli.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
