// The colour themes, one per value of the theme option (common/options.ts): steps ring, zone-minutes
// ring and today's bar take the theme's colours; the settings page shows each as a swatch of its
// steps colour.
export const THEMES = [
  { steps: "#4fc3f7", azm: "#ffb74d" },
  { steps: "#26c6da", azm: "#ffe082" },
  { steps: "#66bb6a", azm: "#fff176" },
  { steps: "#ff7043", azm: "#ffca28" },
];
