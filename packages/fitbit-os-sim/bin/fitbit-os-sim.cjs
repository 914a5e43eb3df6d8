#!/usr/bin/env node
// The simulator's command: its sources are TypeScript, run through tsx's loader.
require("tsx/cjs/api").register();
const { main } = require("../src/cli.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
