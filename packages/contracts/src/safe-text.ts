/**
 * What Baton stores as text: valid Unicode (no unpaired UTF-16 surrogate, which has no UTF-8 form)
 * and no NUL character (PostgreSQL `text` and `jsonb` refuse U+0000). Text sent to the API that
 * breaks this is refused with `VALIDATION_ERR_TEXT` and the field at fault; text that arrives by
 * other channels (inbound email, files) is made safe with `toSafeText` instead, as nobody is there
 * to correct it. No imports, so the web apps can use it too.
 */

/** An unpaired surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why a string cannot be stored, or null when it can. */
export type TTextProblem = 'nul' | 'lone_surrogate';

/** What is wrong with `s` as stored text, or null. */
export function textProblem(s: string): TTextProblem | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  return null;
}

/** Whether `s` can be stored as is. */
export function isSafeText(s: string): boolean {
  return textProblem(s) === null;
}

/** `s` made storable: NUL characters removed, each unpaired surrogate replaced by U+FFFD. */
export function toSafeText(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATES, '\uFFFD');
}

/** The sentence a client sees for a problem, naming the field. */
export function describeTextProblem(field: string, problem: TTextProblem): string {
  return problem === 'nul'
    ? `${field}: contains a NUL character (U+0000), which is not accepted in text`
    : `${field}: contains an unpaired UTF-16 surrogate, which is not valid Unicode`;
}

/**
 * The first string in a parsed JSON value (object keys included) that cannot be stored, with its
 * path (`customer.name`, `items.2`), or null. Walks iteratively, so a deeply nested body cannot
 * overflow the stack.
 */
export function findUnsafeText(value: unknown): { field: string; problem: TTextProblem } | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: path, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, String(i)) });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v).reverse()) {
        const problem = textProblem(k);
        if (problem) return { field: join(path, toSafeText(k)), problem };
        stack.push({ v: child, path: join(path, k) });
      }
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
