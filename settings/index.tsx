import { describeProblem } from "../common/problem-text";
import {
  parseClientConfigured,
  parseOauthRequest,
  parseSyncReport,
  readProvider,
  SettingsKey,
} from "../common/settings-keys";
import { accountSection } from "./account";

registerSettingsPage(({ settings, settingsStorage }) => {
  const get = (key: string): string | undefined => settings[key];
  const provider = readProvider(get);
  const report = parseSyncReport(get(SettingsKey.status));
  const problem = report === null ? "" : describeProblem(report.problem, report.provider, report.retryAt);
  return (
    <Page>
      {accountSection({
        provider,
        configured: parseClientConfigured(get(SettingsKey.clientConfigured))[provider],
        request: parseOauthRequest(get(SettingsKey.oauthRequest)),
        report,
        problem,
        write: (key, value) => settingsStorage.setItem(key, value),
      })}
      <Section title={<Text bold>Data</Text>}>
        <Select
          label="Provider"
          settingsKey={SettingsKey.provider}
          options={[
            { name: "Google Health", value: "google" },
            { name: "Fitbit Web API (retired)", value: "fitbit" },
          ]}
        />
        <Select
          label="Refresh every"
          settingsKey={SettingsKey.refreshMinutes}
          options={[
            { name: "15 minutes", value: "15" },
            { name: "30 minutes", value: "30" },
            { name: "60 minutes", value: "60" },
          ]}
        />
      </Section>
      <Section title={<Text bold>Face</Text>}>
        <Select
          label="Units"
          settingsKey={SettingsKey.units}
          options={[
            { name: "Automatic", value: "auto" },
            { name: "Metric", value: "metric" },
            { name: "Imperial", value: "imperial" },
          ]}
        />
        <Select
          label="Weekly trend"
          settingsKey={SettingsKey.trend}
          options={[
            { name: "Sleep", value: "sleep" },
            { name: "Steps", value: "steps" },
          ]}
        />
        <Select
          label="Colour theme"
          settingsKey={SettingsKey.theme}
          options={[
            { name: "Night", value: "0" },
            { name: "Ocean", value: "1" },
            { name: "Forest", value: "2" },
            { name: "Ember", value: "3" },
          ]}
        />
      </Section>
    </Page>
  );
});
