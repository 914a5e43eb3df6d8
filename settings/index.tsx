import { gettext } from "i18n";
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
import { formatClock, pageLocale } from "./dates";

/** Options of a Select, with translated names (the stored values stay the same in every language). */
function options(pairs: Array<[string, string]>): Array<{ name: string; value: string }> {
  return pairs.map(([name, value]) => ({ name: gettext(name), value }));
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
        request: parseOauthRequest(get(SettingsKey.oauthRequest)),
        report,
        problem,
        write: (key, value) => settingsStorage.setItem(key, value),
        gettext,
      })}
      <Section title={<Text bold>{gettext("Data")}</Text>}>
        <Select
          label={gettext("Provider")}
          settingsKey={SettingsKey.provider}
          options={options(PROVIDERS.map((p): [string, string] => [p.optionLabel, p.id]))}
        />
        <Select
          label={gettext("Refresh every")}
          settingsKey={SettingsKey.refreshMinutes}
          options={options([
            ["15 minutes", "15"],
            ["30 minutes", "30"],
            ["60 minutes", "60"],
          ])}
        />
      </Section>
      <Section title={<Text bold>{gettext("Face")}</Text>}>
        <Select
          label={gettext("Units")}
          settingsKey={SettingsKey.units}
          options={options([
            ["Automatic", "auto"],
            ["Metric", "metric"],
            ["Imperial", "imperial"],
          ])}
        />
        <Select
          label={gettext("Weekly trend")}
          settingsKey={SettingsKey.trend}
          options={options([
            ["Sleep", "sleep"],
            ["Steps", "steps"],
          ])}
        />
        <Select
          label={gettext("Colour theme")}
          settingsKey={SettingsKey.theme}
          options={options([
            ["Night", "0"],
            ["Ocean", "1"],
            ["Forest", "2"],
            ["Ember", "3"],
          ])}
        />
      </Section>
    </Page>
  );
});
