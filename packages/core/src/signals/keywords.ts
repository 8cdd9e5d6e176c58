/**
 * Configured keywords (DESIGN §3), and the term engine that topics reuse.
 *
 * Matching works on word tokens rather than on raw substrings, so "sue" never fires inside
 * "pursue", "issue" or "suede", while inflections ("refunded", "lawyers", "sued") still do.
 * Everything is compiled once per word list; a match is one pass over the message's tokens.
 */
import { normalizeText, stem } from '../text/normalize.js';

/** One keyword hit. `evidence` is the matched span of the normalised (lowercased) message. */
export interface KeywordMatch {
  /** The configured keyword, exactly as the admin wrote it, so the "why" names their option. */
  keyword: string;
  /** The words of the message that matched, e.g. "lawyers" for the keyword "lawyer". */
  evidence: string;
}

/** A compiled keyword list; reuse it across messages. */
export interface KeywordMatcher {
  /** Every configured keyword found in `text`, once each, in configuration order. */
  match(text: string): KeywordMatch[];
}

/**
 * The support-practice default list (DESIGN §3). Each entry is an option the admin can remove;
 * the richer, topic-level detection lives in topics.ts.
 */
export const DEFAULT_KEYWORDS: string[] = [
  'refund',
  'legal',
  'lawyer',
  'complaint',
  'chargeback',
  'disgraceful',
  'sue',
  'fraud',
];

// ---------------------------------------------------------------------------------------------
// Tokens with offsets

/** A word of the normalised text, with where it sits, so a match can quote its evidence. */
export interface TermToken {
  /** The word, lowercased, apostrophes removed ("don't" -> "dont"), as `tokenize` does. */
  word: string;
  /** `foldWord(word)`: the form on which inflections meet. */
  key: string;
  start: number;
  end: number;
  /** True when a sentence break (. ! ? ; or a newline) separates this token from the one before. */
  breakBefore: boolean;
}

// Same word shape as text/normalize.ts `tokenize`, so both agree on what a word is.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
const SENTENCE_BREAK = /[.!?;\n]/;

/**
 * Folds inflections further than `stem` alone: `stem` maps "charged" to "charg" but leaves
 * "charge", so a trailing "e" is dropped as well and all forms of a verb share one key.
 */
export function foldWord(word: string): string {
  const s = stem(word);
  return s.length > 3 && s.endsWith('e') ? s.slice(0, -1) : s;
}

/** Tokenises already-normalised text, keeping offsets and sentence breaks. Linear time. */
export function tokenizeNormalized(normalized: string): TermToken[] {
  const out: TermToken[] = [];
  let prevEnd = 0;
  for (const m of normalized.matchAll(WORD)) {
    const start = m.index;
    const raw = m[0];
    const word = raw.includes("'") ? raw.replace(/'/g, '') : raw;
    const gap = normalized.slice(prevEnd, start);
    // "499.99" is one amount, not two sentences.
    const decimal = (gap === '.' || gap === ',') && /\d$/.test(out.at(-1)?.word ?? '') && /^\d/.test(word);
    out.push({ word, key: foldWord(word), start, end: start + raw.length, breakBefore: out.length > 0 && !decimal && SENTENCE_BREAK.test(gap) });
    prevEnd = start + raw.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The term engine

/**
 * How a single word of a term is matched:
 * - `exact`: same folded key ("refunds" ~ "refund");
 * - `prefix`: the token starts with it (written `unrecogni*`);
 * - `derived`: same key, or the word (less a final "e") plus a common suffix, so "fraud" finds
 *   "fraudulent" and "sue" finds "suing" but not "suede".
 */
type WordMode = 'exact' | 'prefix' | 'derived';

interface WordAlt {
  text: string;
  key: string;
  mode: WordMode;
}

/** One compiled term: a sequence of word slots, each a set of alternatives. */
interface CompiledTerm<T> {
  slots: WordAlt[][];
  value: T;
}

/** A term hit: which configured value, and the span it covers in the normalised text. */
export interface TermHit<T> {
  value: T;
  start: number;
  end: number;
}

/** Options of the term engine. */
export interface TermOptions {
  /** Other words allowed between consecutive words of a phrase ("charged me twice"). */
  maxGap: number;
  /** Match derived forms of each word (keywords do; topics spell their own alternatives). */
  derived: boolean;
}

// Suffixes a keyword may carry and still be the same word ("fraud" -> "fraudulent", "lawyer" ->
// "lawyers"); a list rather than a rule so that "legalese" or "suede" stay out.
const DERIVED_SUFFIXES = new Set([
  's', 'es', 'd', 'ed', 'ing', 'ings', 'er', 'ers', 'ly', 'ful', 'fully', 'ulent', 'ulently', 'ulence', 'ster', 'sters',
]);
// After a final "e" is dropped ("sue" -> "suing", "sued").
const E_DROP_SUFFIXES = new Set(['ing', 'ings', 'ed', 'er', 'ers']);

/**
 * Compiles phrases like "lost|stolen my card" into a matcher. Alternatives are separated by
 * "|", a trailing "*" makes a prefix, and words are normalised exactly as messages are. Entries
 * that have no word at all are ignored.
 */
export function compileTerms<T>(entries: ReadonlyArray<{ term: string; value: T }>, options: TermOptions): TermMatcher<T> {
  return new TermMatcher(entries, options);
}

/** See `compileTerms`. Holds the index from first words to terms. */
export class TermMatcher<T> {
  private readonly byKey = new Map<string, CompiledTerm<T>[]>();
  private readonly scanned: CompiledTerm<T>[] = [];
  private readonly maxGap: number;

  constructor(entries: ReadonlyArray<{ term: string; value: T }>, options: TermOptions) {
    this.maxGap = options.maxGap;
    for (const entry of entries) for (const term of expandGroups(entry.term)) this.add(term, entry.value, options);
  }

  private add(term: string, value: T, options: TermOptions): void {
    const slots = parseTerm(term, options.derived);
    if (slots.length === 0) return;
    const compiled: CompiledTerm<T> = { slots, value };
    const first = slots[0] ?? [];
    if (!first.every((a) => a.mode === 'exact')) {
      this.scanned.push(compiled);
      return;
    }
    for (const alt of first) {
      const list = this.byKey.get(alt.key);
      if (!list) this.byKey.set(alt.key, [compiled]);
      else if (!list.includes(compiled)) list.push(compiled);
    }
  }

  /** Every term occurrence in the tokens (a term may hit more than once). */
  find(tokens: readonly TermToken[]): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as TermToken;
      const indexed = this.byKey.get(tok.key);
      if (indexed) for (const t of indexed) this.tryAt(t, tokens, i, hits);
      for (const t of this.scanned) if ((t.slots[0] ?? []).some((a) => altMatches(a, tok))) this.tryAt(t, tokens, i, hits);
    }
    return hits;
  }

  private tryAt(term: CompiledTerm<T>, tokens: readonly TermToken[], i: number, hits: TermHit<T>[]): void {
    let pos = i;
    for (let s = 1; s < term.slots.length; s++) {
      const slot = term.slots[s] as WordAlt[];
      let found = -1;
      for (let j = pos + 1; j < tokens.length && j <= pos + 1 + this.maxGap; j++) {
        const tok = tokens[j] as TermToken;
        if (tok.breakBefore) break;
        if (slot.some((a) => altMatches(a, tok))) {
          found = j;
          break;
        }
      }
      if (found < 0) return;
      pos = found;
    }
    hits.push({ value: term.value, start: (tokens[i] as TermToken).start, end: (tokens[pos] as TermToken).end });
  }
}

function altMatches(alt: WordAlt, tok: TermToken): boolean {
  if (alt.mode === 'exact') return tok.key === alt.key;
  if (alt.mode === 'prefix') return tok.word.startsWith(alt.text);
  if (tok.key === alt.key || tok.word === alt.text) return true;
  if (tok.word.startsWith(alt.text) && DERIVED_SUFFIXES.has(tok.word.slice(alt.text.length))) return true;
  if (alt.text.length < 3 || !alt.text.endsWith('e')) return false;
  const base = alt.text.slice(0, -1);
  return tok.word.startsWith(base) && E_DROP_SUFFIXES.has(tok.word.slice(base.length));
}

const MAX_EXPANSIONS = 512;

/**
 * Expands "(do not|dont) recogni*" into "do not recogni*" and "dont recogni*": "|" alone binds
 * single words, so a group is how an alternative of several words is written. Groups do not
 * nest; an unbalanced "(" is read as text. Expansion stops at 512 variants per entry.
 */
export function expandGroups(term: string): string[] {
  const open = term.indexOf('(');
  const close = open < 0 ? -1 : term.indexOf(')', open);
  if (close < 0) return [term.replace(/[()]/g, ' ')];
  const head = term.slice(0, open);
  const tails = expandGroups(term.slice(close + 1));
  const out: string[] = [];
  for (const alt of term.slice(open + 1, close).split('|')) {
    for (const tail of tails) {
      if (out.length >= MAX_EXPANSIONS) return out;
      out.push(`${head} ${alt} ${tail}`);
    }
  }
  return out;
}

function parseTerm(term: string, derived: boolean): WordAlt[][] {
  const slots: WordAlt[][] = [];
  for (const part of normalizeText(term).split(/\s+/)) {
    const alts: WordAlt[] = [];
    for (const raw of part.split('|')) {
      const prefix = raw.endsWith('*');
      // A phrase word like "top-up" or "e-mail" becomes several slots, as the tokenizer splits it.
      const words = [...raw.matchAll(WORD)].map((m) => m[0].replace(/'/g, ''));
      if (words.length === 0) continue;
      if (words.length > 1 && !part.includes('|')) {
        for (const w of words) slots.push([{ text: w, key: foldWord(w), mode: derived ? 'derived' : 'exact' }]);
        alts.length = 0;
        continue;
      }
      const w = words.join('');
      alts.push({ text: w, key: foldWord(w), mode: prefix ? 'prefix' : derived ? 'derived' : 'exact' });
    }
    if (alts.length > 0) slots.push(alts);
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Keywords

// The customer disowns the word: "I'm not going to sue anyone", "I don't want a refund, just a
// replacement", "no complaints, just a question". A bare "not" is no disclaimer ("that is not
// legal"), nor "I got no refund", nor a lead-in ("I don't want to complain, but…").
const DISOWNING = /\b(?:not|never|dont|do not|no intention|no need|no plans?)\b((?:\s+[a-z]+){0,5}?)\s+$/;
const INTENT = /\b(?:going|gonna|planning|trying|want|wanting|intend|intending|looking|asking|here|need|of|to|for)\b/;
const NO_COMPLAINT = /\b(?:no|not|nothing to|never)\s+(?:a\s+)?$/;
const LEAD_IN = /\b(?:but|however|unless|if|until)\b/;

function disowned(normalized: string, start: number): boolean {
  if (LEAD_IN.test(normalized.slice(start))) return false;
  const before = normalized.slice(Math.max(0, start - 50), start).replace(/'/g, '');
  if (NO_COMPLAINT.test(before) && normalized.startsWith('complain', start)) return true;
  const m = DISOWNING.exec(before);
  return m !== null && INTENT.test(m[1]!);
}

/**
 * Compiles the admin's keyword list once. Each keyword is a word or a phrase ("money back");
 * empty entries are ignored rather than rejected, so a half-edited list never breaks the policy.
 */
export function compileKeywords(keywords: string[]): KeywordMatcher {
  const terms = compileTerms(
    keywords.map((keyword, index) => ({ term: keyword, value: index })),
    { maxGap: 0, derived: true },
  );
  return {
    match(text: string): KeywordMatch[] {
      const normalized = normalizeText(text);
      const hits = terms.find(tokenizeNormalized(normalized));
      const first = new Map<number, TermHit<number>>();
      for (const h of hits) if (!first.has(h.value) && !disowned(normalized, h.start)) first.set(h.value, h);
      return [...first.values()]
        .sort((a, b) => a.value - b.value)
        .map((h) => ({ keyword: keywords[h.value] ?? '', evidence: normalized.slice(h.start, h.end) }));
    },
  };
}
