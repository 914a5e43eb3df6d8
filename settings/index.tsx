import { gettext } from "i18n";
import { OPTION_TEXTS, OPTIONS } from "../common/options";
import { describeProblem } from "../common/problem-text";
import { PROVIDERS } from "../common/providers";
import {
  parseClientConfigured,
  parseOauthRequest,
  parseSyncReport,
  readProvider,
  SettingsKey,
} from "../common/settings-keys";
import { accountSection } from "./account";
import { THEMES } from "../common/themes";
import { formatClock, pageLocale } from "./dates";

/** Options of a Select, with translated names (the stored values stay the same in every language). */
function options(pairs: Array<[string, string]>): Array<{ name: string; value: string }> {
  return pairs.map(([name, value]) => ({ name: gettext(name), value }));
}

/** The Select of one option from the options table. */
function optionSelect(name: keyof typeof OPTIONS) {
  const spec = OPTIONS[name];
  const texts = OPTION_TEXTS[name];
  return (
    <Select
      label={gettext(texts.label)}
      settingsKey={name}
      options={options(spec.values.map((value, i): [string, string] => [texts.names[i], value]))}
    />
  );
}

registerSettingsPage(({ settings, settingsStorage }) => {
  const get = (key: string): string | undefined => settings[key];
  const provider = readProvider(get);
  const report = parseSyncReport(get(SettingsKey.status));
  const locale = pageLocale(gettext);
  const problem =
    report === null
      ? ""
      : describeProblem(report.problem, report.provider, report.retryAt, gettext, (t) => formatClock(t, locale));
  return (
    <Page>
      {accountSection({
        provider,
        configured: parseClientConfigured(get(SettingsKey.clientConfigured))[provider],
        unavailable: get(SettingsKey.signInUnavailable) !== undefined,
        revokePending: (get(SettingsKey.revokePending) ?? "") !== "",
        request: parseOauthRequest(get(SettingsKey.oauthRequest)),
        report,
        problem,
        write: (key, value) => settingsStorage.setItem(key, value),
        gettext,
      })}
      <Section title={<Text bold>{gettext("Face")}</Text>}>
        {optionSelect("sleepGoal")}
        {optionSelect("units")}
        {optionSelect("trend")}
        <Text>{gettext(OPTION_TEXTS.theme.label)}</Text>
        <ColorSelect
          settingsKey="theme"
          colors={THEMES.map((theme, i) => ({ color: theme.steps, value: OPTIONS.theme.values[i] }))}
        />
      </Section>
      {/* Settings most people never change, last. */}
      <Section title={<Text bold>{gettext("Advanced")}</Text>}>
        <Select
          label={gettext("Provider")}
          settingsKey={SettingsKey.provider}
          options={options(PROVIDERS.map((p): [string, string] => [p.optionLabel, p.id]))}
        />
        {optionSelect("refreshMinutes")}
      </Section>
    </Page>
  );
});
