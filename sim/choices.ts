// What the settings page's Selects store when the user picks a value (the stored string, fitbit-os-sim
// README: {"selected":[index],"values":[{name, value}]}), built from the tables the page draws them
// from: the options table (common/options.ts) and the provider list (common/providers.ts). Scenarios
// and tests write choices through these, never a position or a name of their own.
import { OPTION_TEXTS, OPTIONS } from "../common/options";
import { PROVIDERS, ProviderId } from "../common/providers";
import { selectChoice } from "../common/settings-keys";

function stored(names: string[], values: string[], value: string): string {
  const index = values.indexOf(value);
  if (index < 0) throw new Error(`no choice ${value} among ${values.join(", ")}`);
  return selectChoice(index, names[index], value);
}

/** The stored choice of one option (its value as the options table spells it). */
export function optionChoice(name: keyof typeof OPTIONS, value: string): string {
  return stored(OPTION_TEXTS[name].names, OPTIONS[name].values, value);
}

/** What the theme's ColorSelect stores when the user picks one: its value as a JSON string (assumed). */
export function themeChoice(index: number): string {
  return JSON.stringify(OPTIONS.theme.values[index]);
}

/** The stored choice of a provider. */
export function providerChoice(id: ProviderId): string {
  return stored(
    PROVIDERS.map((p) => p.optionLabel),
    PROVIDERS.map((p) => p.id),
    id,
  );
}
