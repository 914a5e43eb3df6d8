/** An expected outcome: a value, or a coded error (docs/design.md §5: failures are values). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value: value };
}

/** Wraps an error as a failed result. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error: error };
}
