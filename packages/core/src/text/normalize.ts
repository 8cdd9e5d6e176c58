/**
 * Text helpers shared by every signal. They never throw: any string, including lone
 * surrogates and 100 kB inputs, comes back as something usable.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const QUOTES = /[\u201c\u201d\u00ab\u00bb]/g;

/** Unicode-normalises, folds curly quotes, strips accents and lowercases. Length may change. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/**
 * Lowercased word tokens. Contractions are kept whole without the apostrophe
 * ("don't" becomes "dont") so that negation rules can see them as one word.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).matchAll(WORD)) out.push(m[0].replace(/'/g, ''));
  return out;
}

/**
 * A light English stemmer: strips the common inflections so that "refunded", "refunds"
 * and "refunding" meet at "refund", and "lawyers" at "lawyer". It is deliberately
 * conservative: it never touches words of four letters or fewer.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 4) return w;
  if (w.endsWith('ies') && w.length > 5) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ied')) return w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  else return w;
  // After -ing / -ed: undo a doubled consonant ("cancelled" -> "cancel", "stopped" -> "stop").
  // "called" keeps "call": short stems ending in ll/ss/ff/zz are words of their own.
  if (/([bdfgklmnprtz])\1$/.test(w) && !(w.length <= 4 && /(ll|ss|ff|zz)$/.test(w))) w = w.slice(0, -1);
  return w;
}

/** The share of letters that are upper case, over words of 2+ letters; 0 when there are none. */
export function capsRatio(text: string): number {
  let upper = 0;
  let letters = 0;
  for (const m of text.matchAll(/\p{L}{2,}/gu)) {
    for (const ch of m[0]) {
      letters++;
      if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) upper++;
    }
  }
  return letters ? upper / letters : 0;
}
