// The platform's permission lists, read from the installed @fitbit/sdk (never a copy): which
// permissions are restricted, i.e. refused at sideload and in the gallery without Fitbit's prior
// authorization (docs/reference/fitbit-os.md §2.6: Display API, Permissions guide). Used by tools that check a build
// and the simulator's install check.
import { createRequire } from "node:module";

/** One permission as the SDK describes it. */
export interface PermissionType {
  key: string;
  name: string;
  description: string;
}

interface SdkProjectConfiguration {
  getAllPermissionTypes(options: { includeRestrictedPermissions: boolean }): PermissionType[];
}

function sdkConfiguration(): SdkProjectConfiguration {
  const load = createRequire(__filename);
  return load("@fitbit/sdk/lib/ProjectConfiguration.js") as SdkProjectConfiguration;
}

/** The restricted permissions of the installed SDK (for its version), by key. */
export function restrictedPermissions(): Map<string, PermissionType> {
  const sdk = sdkConfiguration();
  const open = new Set(sdk.getAllPermissionTypes({ includeRestrictedPermissions: false }).map((p) => p.key));
  const restricted = new Map<string, PermissionType>();
  for (const p of sdk.getAllPermissionTypes({ includeRestrictedPermissions: true }))
    if (!open.has(p.key)) restricted.set(p.key, p);
  return restricted;
}

/** The permissions an .fba's outer manifest requests (its `requestedPermissions`). */
export function requestedPermissions(manifest: Record<string, unknown>): string[] {
  const list = manifest.requestedPermissions;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
}

/** A requested permission the build may not have, and why. */
export interface RefusedPermission {
  key: string;
  why: string;
}

/**
 * The requested permissions that are restricted and not in `authorized`: a watch refuses to
 * sideload such a build, and the gallery refuses it without Fitbit's prior authorization.
 */
export function refusedPermissions(requested: string[], authorized: string[]): RefusedPermission[] {
  const restricted = restrictedPermissions();
  return requested
    .filter((key) => restricted.has(key) && authorized.indexOf(key) < 0)
    .map((key) => ({
      key,
      why: `${key} is restricted by the SDK ("${restricted.get(key)?.name ?? key}"): a watch refuses to sideload it and the gallery refuses it without Fitbit's prior authorization`,
    }));
}
