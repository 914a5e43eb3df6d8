// The part of cborg 2's API the simulator uses. cborg 2 ships its types, but its package.json
// "exports" does not name them, so TypeScript's bundler resolution cannot find them on its own.
declare module "cborg" {
  export function encode(data: unknown, options?: { float64?: boolean }): Uint8Array;
  export function decode(
    data: Uint8Array,
    options?: { strict?: boolean; rejectDuplicateMapKeys?: boolean; allowUndefined?: boolean },
  ): unknown;
}
