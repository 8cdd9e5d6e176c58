/**
 * Misspelling-tolerant word lookup, for signals that key on a few words ("representative",
 * "persona", "Mitarbeiter") and must still see them when customers type "reprsentitive",
 * "presona" or "Mitarbieter". Instead of listing typos, a token is corrected to the nearest key
 * within a Damerau–Levenshtein (optimal string alignment) distance of 1 for keys of 4–7
 * letters and 2 for keys of 8 or more; shorter keys match exactly.
 *
 * Real words that sit that close to a key ("persona" to "person", "operation" to "operator",
 * "consulting" to "consultant") are listed as guards and never corrected. A token must also keep
 * the key's first letter (or swap the first two): a wrong first letter is a rare typo and a
 * common way to land on another word ("walk" for "talk", "apartment" for "department").
 */

/** The largest edit distance a misspelling of `key` may have. */
export function allowedEdits(key: string): number {
  if (key.length < 4) return 0;
  return key.length >= 8 ? 2 : 1;
}

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/**
 * The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
 * substitutions and swaps of adjacent letters), or `max + 1` as soon as it must exceed `max`.
 * Words longer than 60 code units count as too far.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 60 || b.length > 60) return max + 1;
  if (a === b) return 0;
  // Three rolling rows: two back (for swaps), previous, current.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Collapses runs of three or more of the same letter ("HUMAAAN", "pleeease") to one. */
export function squashRepeats(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** A set of key words, looked up with misspelling tolerance. */
export interface FuzzyLexicon {
  /** The key `token` stands for: itself when it is a key, the nearest key within its allowed edits, else null. */
  correct(token: string): string | null;
}

interface Key {
  word: string;
  max: number;
  letters: number;
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 5));
  }
  return mask;
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Builds a lexicon over `keys` (lowercased, accent-free words) that never corrects the words in
 * `guards`. A lookup checks only the keys that share the token's first letter (or its second,
 * for a swap), through a length and letter-set filter, then a bounded edit distance; tokens under
 * 4 letters or over 24 are only matched exactly.
 */
export function createFuzzyLexicon(keys: readonly string[], guards: readonly string[] = []): FuzzyLexicon {
  const exact = new Set(keys);
  const guard = new Set(guards);
  // Keys of 4 letters or more, by first letter.
  const byFirst = new Map<string, Key[]>();
  for (const word of exact) {
    const max = allowedEdits(word);
    if (max === 0) continue;
    const bucket = byFirst.get(word[0]!) ?? [];
    bucket.push({ word, max, letters: letterMask(word) });
    byFirst.set(word[0]!, bucket);
  }
  return {
    correct(token: string): string | null {
      if (exact.has(token)) return token;
      if (token.length < 4 || token.length > 24 || guard.has(token)) return null;
      const letters = letterMask(token);
      let best: string | null = null;
      let bestDistance = 3;
      const consider = (key: Key) => {
        if (Math.abs(key.word.length - token.length) > key.max) return;
        // Each edit changes the set of letters used by at most two letters.
        if (popcount(letters ^ key.letters) > 2 * key.max) return;
        const d = editDistanceWithin(token, key.word, key.max);
        if (d <= key.max && d < bestDistance) {
          best = key.word;
          bestDistance = d;
        }
      };
      for (const key of byFirst.get(token[0]!) ?? []) consider(key);
      // A swap of the first two letters ("uhman").
      if (token[1] !== token[0]) for (const key of byFirst.get(token[1]!) ?? []) if (key.word[1] === token[0]) consider(key);
      return best;
    },
  };
}
