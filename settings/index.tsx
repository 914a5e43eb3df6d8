import { parseClientConfigured, SettingsKey } from "../common/settings-keys";

registerSettingsPage(({ settings }) => {
  const clients = parseClientConfigured(settings[SettingsKey.clientConfigured]);
  return (
    <Page>
      <Section title={<Text bold>Account</Text>}>
        {clients.google ? (
          <Text>Sign-in arrives with the next version of this clock face.</Text>
        ) : (
          <Text>
            This build has no OAuth client configured, so it cannot sign in. Whoever built it must supply
            GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET at build time (see the README).
          </Text>
        )}
      </Section>
    </Page>
  );
});
