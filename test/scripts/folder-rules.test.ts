// The folder rules in .dependency-cruiser.cjs fail on the imports they forbid (npm run lint runs them).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "folder-rules-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Cruises a tiny tree with the project's rules; returns the names of the rules it broke. */
function violations(files: Record<string, string>): string[] {
  const tree = mkdtempSync(join(dir, "t-"));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), source);
  }
  const folders = [...new Set(Object.keys(files).map((f) => f.split("/")[0]))];
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs"),
      ...folders,
      "--config",
      join(ROOT, ".dependency-cruiser.cjs"),
      "--output-type",
      "json",
    ],
    { cwd: tree, encoding: "utf8" },
  );
  const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
  return result.summary.violations.map((v) => v.rule.name).sort();
}

describe("folder rules", () => {
  it("allow what the layout allows", () => {
    assert.deepEqual(
      violations({
        "common/a.ts": "export const a = 1;\n",
        "tools/t.ts": 'import { a } from "../common/a";\nexport const t = a;\n',
        "scripts/s.ts": 'import { t } from "../tools/t";\nexport const s = t;\n',
        "sim/m.ts": 'import { t } from "../tools/t";\nexport const m = t;\n',
      }),
      [],
    );
  });

  it("fail on scripts/ and sim/ importing each other, and on a cycle", () => {
    assert.deepEqual(
      violations({
        "scripts/s.ts": 'import { m } from "../sim/m";\nexport const s = m;\n',
        "sim/m.ts": 'import { s } from "../scripts/s";\nexport const m = s;\n',
      }),
      ["no-circular", "scripts-not-sim", "sim-not-scripts"],
    );
  });

  it("fail on common/ importing outside it and on settings/ importing beyond common/", () => {
    assert.deepEqual(
      violations({
        "common/c.ts": 'import { x } from "../companion/x";\nexport const c = x;\n',
        "companion/x.ts": "export const x = 1;\n",
        "settings/p.ts": 'import { x } from "../companion/x";\nexport const p = x;\n',
      }),
      ["common-is-self-contained", "settings-imports-only-common"],
    );
  });
});
