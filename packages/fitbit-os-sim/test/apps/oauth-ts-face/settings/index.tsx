function AccountPage(props: SettingsComponentProps) {
  return (
    <Page>
      <Section title={<Text bold>Account</Text>}>
        <Oauth
          settingsKey="oauth"
          title="Sign in"
          label="Example account"
          status={props.settings.oauth ? "Signed in" : "Signed out"}
          authorizeUrl="https://auth.example.test/authorize"
          requestTokenUrl="https://auth.example.test/token"
          clientId="test-client"
          clientSecret="test-secret"
          scope="profile"
          pkce
          onAccessToken={() => props.settingsStorage.setItem("tokenSeen", "true")}
        />
        <Text>{props.settings.tokenSeen === "true" ? "Token received" : "No token yet"}</Text>
      </Section>
    </Page>
  );
}

registerSettingsPage(AccountPage);
