// The build variant, a constant so the bundler drops what a variant does not use. The default build
// is the installable one: false. tools/build-variant.ts writes `true` into the staged copy of the
// authorized always-on build (`npm run build:aod`), the only one that requests `access_aod`.
export const AOD_BUILD = false;
