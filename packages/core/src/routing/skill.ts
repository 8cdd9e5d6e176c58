/** What a team or agent can handle, and how well. */
export interface Skill {
  /** A routing category (see `categoryForDecision`), a language (BCP 47), or a channel id. */
  kind: 'category' | 'language' | 'channel';
  /** e.g. 'billing', 'en', 'email'. Compared case-insensitively; languages by their primary subtag. */
  value: string;
  /** 1 (can cope) .. 5 (expert). */
  proficiency: number;
}

function key(kind: Skill['kind'], value: string): string {
  const v = value.trim().toLowerCase();
  // 'en-GB' speaks to an 'en' customer and back: routing by region would strand customers.
  return kind === 'language' ? (v.split(/[-_]/)[0] ?? v) : v;
}

/**
 * The best proficiency among `skills` for this kind and value, or 0 when none matches (or the
 * value is empty or 'und', the language detector's "don't know").
 */
export function skillProficiency(skills: readonly Skill[], kind: Skill['kind'], value: string | undefined): number {
  if (value === undefined) return 0;
  const wanted = key(kind, value);
  if (wanted === '' || (kind === 'language' && wanted === 'und')) return 0;
  let best = 0;
  for (const s of skills) if (s.kind === kind && key(kind, s.value) === wanted) best = Math.max(best, s.proficiency);
  return best;
}
