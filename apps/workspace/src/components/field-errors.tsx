import { ApiError, errorText } from '@baton/client';

/** A server error placed on one form control (`key`), or on the form as a whole (`'form'`). */
export interface PlacedError {
  key: string;
  text: string;
}

/** `hours.weekly.mon[0].end` → `hours.weekly.mon.0.end`: one spelling for zod's and core's paths. */
export function normalizeField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\.+/, '');
}

/**
 * Where a server error belongs: the most specific of `keys` that the error's `field` names
 * (itself or a parent of it), else the form. `hours.weekly.mon.0.end` lands on that input,
 * `hours.weekly.mon.0` (an overlap) on the range, `tiers.2` on the tiers field.
 */
export function placeError(err: unknown, keys: Iterable<string>): PlacedError {
  const text = errorText(err);
  if (!(err instanceof ApiError) || !err.field) return { key: 'form', text };
  const f = normalizeField(err.field);
  let best: string | null = null;
  for (const k of keys) if ((f === k || f.startsWith(`${k}.`)) && (best === null || k.length > best.length)) best = k;
  return { key: best ?? 'form', text };
}

export function errorId(scope: string, key: string): string {
  return `${scope}-err-${key.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** `aria-invalid` and `aria-describedby` for a control when the error is on it. */
export function invalidProps(error: PlacedError | null, scope: string, key: string) {
  return error?.key === key ? { 'aria-invalid': true as const, 'aria-describedby': errorId(scope, key) } : {};
}

/** The error text, rendered where it is placed when its key is one of `keys`. */
export function ErrorAt({ error, scope, keys, testId }: { error: PlacedError | null; scope: string; keys: string[]; testId?: (key: string) => string }) {
  if (!error || !keys.includes(error.key)) return null;
  return (
    <p id={errorId(scope, error.key)} className="field-error" role="alert" data-testid={testId ? testId(error.key) : `${scope}-error`} data-field={error.key}>
      {error.text}
    </p>
  );
}
