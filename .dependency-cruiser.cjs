// Folder rules (README "Layout"), enforced in `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
const PARTS = "(app|common|companion|settings|broker|sim|scripts|tools|test|packages)";
const forbidFrom = (name, comment, from, to) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "a cycle makes both sides one module",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    forbidFrom(
      "common-is-self-contained",
      "common/ is platform-free shared code: it imports only common/",
      "^common/",
      `^(?!common/)${PARTS}/|^node_modules/`,
    ),
    forbidFrom(
      "broker-is-self-contained",
      "the token broker is a Worker of its own: it imports only broker/ (no npm package, no shared code)",
      "^broker/",
      `^(?!broker/)${PARTS}/|^node_modules/`,
    ),
    forbidFrom(
      "settings-imports-only-common",
      "the settings page sees only common/",
      "^settings/",
      "^(app|companion|sim|scripts|tools|test)/",
    ),
    forbidFrom(
      "watch-imports-only-common",
      "the watch bundle is app/ and common/ only",
      "^app/",
      "^(companion|settings|sim|scripts|tools|test)/|^node_modules/",
    ),
    forbidFrom(
      "companion-imports-only-common",
      "the companion bundle is companion/ and common/ (and date-fns)",
      "^companion/",
      "^(app|settings|sim|scripts|tools|test)/",
    ),
    forbidFrom(
      "scripts-not-sim",
      "build scripts and the simulator share code only through tools/",
      "^scripts/",
      "^sim/",
    ),
    forbidFrom(
      "sim-not-scripts",
      "build scripts and the simulator share code only through tools/",
      "^sim/",
      "^scripts/",
    ),
    forbidFrom(
      "tools-are-neutral",
      "tools/ serves scripts/ and sim/ and depends on neither",
      "^tools/",
      "^(app|companion|settings|sim|scripts|test)/",
    ),
    forbidFrom(
      "simulator-package-is-generic",
      "packages/fitbit-os-sim runs any clock face: it imports nothing of this face or its project",
      "^packages/fitbit-os-sim/",
      "^(app|common|companion|settings|broker|sim|scripts|tools|test)/",
    ),
    forbidFrom("nothing-imports-tests", "tests depend on code, never the other way", `^(?!test/)${PARTS}/`, "^test/"),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|node_modules)/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
  },
};
