// Lint: typescript-eslint with type information (no floating promises, no any), prettier for
// layout, and a boundary rule: common/ is pure and may not import Fitbit platform modules.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const FITBIT_MODULES = [
  "accelerometer",
  "appbit",
  "barometer",
  "body-presence",
  "cbor",
  "clock",
  "companion",
  "crypto",
  "device",
  "display",
  "document",
  "exercise",
  "file-transfer",
  "fs",
  "geolocation",
  "gyroscope",
  "haptics",
  "heart-rate",
  "i18n",
  "jpeg",
  "local-storage",
  "messaging",
  "orientation",
  "peer",
  "permissions",
  "power",
  "settings",
  "sleep",
  "system",
  "user-activity",
  "user-profile",
  "user-settings",
  "weather",
];

export default tseslint.config(
  // scripts/heap/*.js are JerryScript harness parts (ES5 stubs and a driver), not project code; the
  // simulator's test apps are clock faces written the way others write them (fitbit-build checks them).
  {
    ignores: [
      "build/**",
      "**/build/**",
      "packages/fitbit-os-sim/test/apps/**",
      "node_modules/**",
      "companion/generated/**",
      "docs/**",
      ".dependency-cruiser.cjs",
      "scripts/heap/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", name: ["describe", "it", "test", "suite"], package: "node:test" },
          ],
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/restrict-plus-operands": ["error", { allowNumberAndString: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/prefer-for-of": "off",
      "@typescript-eslint/prefer-includes": "off",
      "@typescript-eslint/prefer-string-starts-ends-with": "off",
      "@typescript-eslint/prefer-nullish-coalescing": "off",
      "@typescript-eslint/prefer-optional-chain": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Watch and shared code run on JerryScript (ES5.1): for-of over arrays compiles to iterator
    // helpers that bloat the bundle, so plain index loops are required there.
    files: ["common/**/*.ts", "app/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ForOfStatement", message: "for-of needs iterator helpers on ES5: use an index loop" },
      ],
    },
  },
  {
    // The simulator emulates platform objects for bundles that pass untyped values at run time:
    // defensive String() on "string" parameters, property definitions that alias `this`, and
    // methods handed out unbound are the point there, not mistakes.
    files: ["sim/**/*.ts", "packages/fitbit-os-sim/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unnecessary-type-conversion": "off",
      "@typescript-eslint/no-this-alias": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["common/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: FITBIT_MODULES.map((name) => ({
            name,
            message: "common/ is platform-free: pass what you need in as a parameter",
          })),
          patterns: [
            {
              group: ["../app/*", "../companion/*", "../settings/*", "../sim/*"],
              message: "common/ imports only common/",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["settings/**/*.tsx", "settings/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["../app/*", "../companion/*", "../sim/*"], message: "settings/ imports only common/" }],
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", console: "readonly", require: "readonly", __dirname: "readonly" },
    },
  },
  prettier,
);
