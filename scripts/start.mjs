// npm start: builds the .fba and prints its size table. The Linux simulator that runs the built
// bundles and renders the face (issue #3) replaces this with the built-in demo.
import { spawnSync } from "node:child_process";

function run(script) {
  const result = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("build");
run("check:device");
console.log("\nThe simulator that shows the face on Linux is not built yet (issue #3); build/app.fba is ready.");
