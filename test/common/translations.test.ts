// Guards the .po catalogues: every language has exactly the en-US msgids, and every string the
// code hands to gettext (found in the sources) has an entry.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { OPTION_TEXTS } from "../../common/options";
import { PROVIDERS } from "../../common/providers";
import { LANGUAGES } from "../../common/languages";
import { readdirSync } from "node:fs";
import { formatLocalDate } from "../../common/locale-format";
import { pageLocale } from "../../settings/dates";
import { readPo, watchGettext } from "../helpers/po";

const ROOT = join(__dirname, "..", "..");

function literals(file: string, pattern: RegExp): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(pattern)].flatMap((m) => m.slice(1).filter((g) => g !== undefined));
}

const CATALOGUES = {
  app: {
    folder: "app/i18n",
    used: () => [
      ...literals("app/status-line.ts", /text: "([^"]+)"/g),
      ...literals("app/face.ts", /gettext\("([^"]+)"\)/g),
      // The stage list's names: `names = staged ? [...] : [...]`.
      ...literals("app/face.ts", /names = staged \? \[([^\]]+)\] : \[([^\]]+)\]/g).flatMap((list) =>
        [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((name) => name !== ""),
      ),
      ...literals("app/complication.ts", /gettext\("([^"]+)"\)/g),
      // Templates (also either side of a choice) and name lists: "{w}, {m} {d}", "Sun Mon Tue …".
      ...literals("common/locale-format.ts", /gettext\((?:[^"()]*\? )?"([^"]+)"(?: : "([^"]+)")?|gettext, "([^"]+)"/g),
    ],
  },
  settings: {
    folder: "settings/i18n",
    used: () => [
      ...literals("settings/index.tsx", /gettext\("([^"]+)"\)/g),
      ...literals("settings/dates.ts", /gettext\("([^"]+)"\)/g),
      ...literals("settings/account.tsx", /t\(\s*"([^"]+)"/g),
      ...literals("common/problem-text.ts", /"([A-Z{][^"]+[.])"/g),
      // The tables the page draws from: option labels and values, provider labels.
      ...Object.values(OPTION_TEXTS).flatMap((texts) => [texts.label, ...texts.names]),
      ...PROVIDERS.flatMap((p) => [p.displayName, p.optionLabel, p.signInLabel, p.accountHint]),
    ],
  },
};

for (const [part, catalogue] of Object.entries(CATALOGUES)) {
  describe(`${part} translations`, () => {
    const en = readPo(join(ROOT, catalogue.folder, "en-US.po"));

    it("translate every string the code passes to gettext", () => {
      const used = catalogue.used();
      assert.ok(used.length >= 8, `found only ${used.length} strings: the source patterns need updating`);
      for (const msgid of used) assert.ok(en.has(msgid), `missing msgid: ${msgid}`);
    });

    for (const language of LANGUAGES) {
      it(`have the same non-empty entries in ${language} as in en-US`, () => {
        const po = readPo(join(ROOT, catalogue.folder, `${language}.po`));
        assert.deepEqual([...po.keys()].sort(), [...en.keys()].sort());
        for (const [msgid, msgstr] of po) {
          assert.notEqual(msgstr, "", msgid);
          // Minutes may be written as they are ({m}) where a msgid pads them ({mm}): 7時間5分.
          for (const placeholder of msgid.match(/\{\w+\}/g) ?? [])
            assert.ok(
              msgstr.includes(placeholder) || (placeholder === "{mm}" && msgstr.includes("{m}")),
              `${language}: ${msgid} lost ${placeholder}`,
            );
          const names = msgid.split(" ").length;
          if (/^[A-Z][a-z]{2}( [A-Z][a-z]{2})+$/.test(msgid))
            assert.equal(msgstr.split(" ").length, names, `${language}: ${msgid} needs ${names} names`);
        }
      });
    }
  });
}

describe("the language list (common/languages.ts)", () => {
  it("names exactly the catalogues there are, for the watch and for the page", () => {
    for (const folder of ["app/i18n", "settings/i18n"]) {
      const tags = readdirSync(join(ROOT, folder))
        .filter((f) => f.endsWith(".po"))
        .map((f) => f.slice(0, -3))
        .sort();
      assert.deepEqual(tags, [...LANGUAGES].sort(), folder);
    }
  });

  it("has a date table for the watch and a date-fns locale for the page in every language", () => {
    for (const language of LANGUAGES) {
      if (language !== "en-US")
        assert.notEqual(
          formatLocalDate(watchGettext(language), 2, 10, 24),
          formatLocalDate(watchGettext("en-US"), 2, 10, 24),
          language,
        );
      const page = readPo(join(ROOT, "settings", "i18n", `${language}.po`));
      const locale = pageLocale((msgid) => page.get(msgid) ?? msgid);
      assert.equal(locale.code?.slice(0, 2), language.slice(0, 2), language);
    }
  });
});
