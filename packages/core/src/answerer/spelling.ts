/**
 * Corrects a typo to a word the KB knows, when exactly one edit (insert, delete, substitute or
 * swap two neighbours) away. Support messages are typed fast on phones ("newwletter", "inovice"),
 * and the KB's vocabulary is the only dictionary that matters: a word it has never seen cannot help
 * the match anyway. Lookup is by deletions (the SymSpell idea), so it costs a few Map probes.
 */
export class SpellFixer {
  private readonly known = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  constructor(
    words: Iterable<string>,
    private readonly minLength = 5,
  ) {
    for (const w of words) this.known.set(w, (this.known.get(w) ?? 0) + 1);
    for (const w of this.known.keys()) {
      if (w.length < minLength - 1 || !/^\p{L}+$/u.test(w)) continue;
      for (const d of deletions(w)) {
        const list = this.byDeletion.get(d);
        if (list) {
          if (!list.includes(w)) list.push(w);
        } else this.byDeletion.set(d, [w]);
      }
    }
  }

  /** The word itself when known, too short or uncorrectable; otherwise its most frequent fix. */
  fix(word: string): string {
    if (word.length < this.minLength || this.known.has(word) || !/^\p{L}+$/u.test(word)) return word;
    let best = word;
    let bestCount = 0;
    const consider = (candidate: string): void => {
      const n = this.known.get(candidate) ?? 0;
      if (n > bestCount || (n === bestCount && n > 0 && candidate < best)) {
        best = candidate;
        bestCount = n;
      }
    };
    // Insertion typo: deleting one letter of the message word gives a known word.
    const own = deletions(word);
    for (const d of own) if (this.known.has(d)) consider(d);
    // Deletion typo: the message word is a deletion of a known word.
    for (const w of this.byDeletion.get(word) ?? []) consider(w);
    // Substitution or swap: both share a deletion; check it is really one edit.
    for (const d of own) {
      for (const w of this.byDeletion.get(d) ?? []) if (w.length === word.length && oneSubOrSwap(w, word)) consider(w);
    }
    return best;
  }
}

function deletions(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  return out;
}

function oneSubOrSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
