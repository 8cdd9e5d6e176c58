/**
 * A small token-pattern language for the sentiment rules, and its matcher.
 *
 * A pattern is a space-separated list of elements, over tokens as the sentiment tokeniser yields
 * them (lowercase, accents and apostrophes dropped: "don't" is `dont`):
 * - `word` or `a|b|c`: one token, one of the alternatives; an alternative may be a `<class>`;
 * - `<class>`: a token of a class: a word set passed to `compilePatterns`, or a built-in one:
 *   `<num>` (digits or a number word: "3", "three", "a", "several"), `<nth>` (an ordinal of
 *   two or more: "third", "5th"), `<clock>` (a time: "6pm", "10am") and `<brand>` (a name: a
 *   capitalised word mid-sentence, or an @-mention);
 * - `*`: any one token;
 * - `~N`: up to N tokens of anything (0..9);
 * - `$`: the end of a clause (nothing follows, or a clause break does), consuming nothing;
 * - `!a|b`: the next token is none of these (or there is none); `&a|b`: the next token is
 *   one of these; both consume nothing, so the token stays free for another rule;
 * - an element ending in `?` is optional.
 * Unless a pattern spans clauses, no element after the first may sit across a clause break
 * (`.`, `,`, `!`, `?`, `;`, `:`, a line break or a spaced dash) from the one before it.
 *
 * Matching is bounded: patterns are short and `~N` is at most 9, so the cost per token is a
 * constant and any input is linear-time.
 */

/** The tokens of a message, with what the matcher needs besides their text. */
export interface PatternTokens {
  /** Lowercased tokens. */
  tokens: readonly string[];
  /** For each token, whether a clause break sits between it and the token before. */
  breakBefore: readonly boolean[];
  /** Whether token `i` is a name: capitalised mid-sentence, or an @-mention. */
  isCapitalised(i: number): boolean;
}

/** Named word classes, used in patterns as `<name>`. */
export type TokenClasses = Readonly<Record<string, ReadonlySet<string>>>;

interface TokenElement {
  kind: 'token';
  /** Literal alternatives, with word classes expanded into them. */
  words: ReadonlySet<string>;
  num: boolean;
  nth: boolean;
  clock: boolean;
  brand: boolean;
  any: boolean;
  optional: boolean;
}
type Element =
  | TokenElement
  | { kind: 'skip'; max: number }
  | { kind: 'end' }
  | { kind: 'lookahead'; el: TokenElement; negated: boolean };

/** A compiled pattern. */
export interface CompiledPattern<T> {
  /** The rule the pattern came from. */
  rule: T;
  elements: readonly Element[];
  spansClauses: boolean;
}

/** Patterns indexed by the words their first element accepts, and by the digit classes. */
export interface PatternIndex<T> {
  /** Patterns whose second element is not a plain required word set, by first word. */
  byWord: ReadonlyMap<string, readonly CompiledPattern<T>[]>;
  /** The others, by first word and then second word: most common first words end here. */
  byPair: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledPattern<T>[]>>;
  /** Patterns whose first element accepts a number in digits ("3"). */
  byDigits: readonly CompiledPattern<T>[];
  /** Patterns whose first element accepts an ordinal in digits ("3rd"). */
  byDigitOrdinal: readonly CompiledPattern<T>[];
}

const NUMBER_WORDS: readonly string[] = [
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety',
  'hundred', 'few', 'couple', 'several', 'many', 'multiple', 'numerous', 'countless', 'dozens',
  'half', 'another',
];
const ORDINAL_WORDS: readonly string[] = [
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'umpteenth', 'hundredth', 'millionth', 'nth', 'twentieth',
];
const DIGITS = /^\d{1,4}$/;
const DIGIT_ORDINAL = /^(\d{1,3})(?:st|nd|rd|th)$/;
const CLOCK = /^\d{1,2}(?:am|pm)$/;
const WORD_ALT = /^[\p{L}\p{N}]+$/u;

function isDigits(tok: string): boolean {
  return DIGITS.test(tok);
}

function isDigitOrdinal(tok: string): boolean {
  const m = DIGIT_ORDINAL.exec(tok);
  return m !== null && Number(m[1]) >= 2;
}

function parseElement(raw: string, classes: TokenClasses, pattern: string): Element {
  if (raw === '$') return { kind: 'end' };
  const skip = /^~([0-9])$/.exec(raw);
  if (skip) return { kind: 'skip', max: Number(skip[1]) };
  if (raw.startsWith('!') || raw.startsWith('&')) {
    const inner = parseElement(raw.slice(1), classes, pattern);
    if (inner.kind !== 'token' || inner.any || inner.optional) throw new Error(`bad element "${raw}" in "${pattern}"`);
    return { kind: 'lookahead', el: inner, negated: raw.startsWith('!') };
  }
  const optional = raw.endsWith('?');
  const body = optional ? raw.slice(0, -1) : raw;
  const el: TokenElement = { kind: 'token', words: new Set(), num: false, nth: false, clock: false, brand: false, any: body === '*', optional };
  if (el.any) return el;
  const words = new Set<string>();
  for (const alt of body.split('|')) {
    const c = /^<([a-z_]+)>$/.exec(alt);
    const name = c?.[1];
    if (name === 'num') {
      el.num = true;
      for (const w of NUMBER_WORDS) words.add(w);
    } else if (name === 'nth') {
      el.nth = true;
      for (const w of ORDINAL_WORDS) words.add(w);
    } else if (name === 'clock') el.clock = true;
    else if (name === 'brand') el.brand = true;
    else if (name !== undefined) {
      const set = classes[name];
      if (!set) throw new Error(`unknown token class <${name}> in "${pattern}"`);
      for (const w of set) words.add(w);
    } else if (WORD_ALT.test(alt)) words.add(alt);
    else throw new Error(`bad element "${alt}" in "${pattern}"`);
  }
  return { ...el, words };
}

/**
 * Compiles patterns and indexes them by their first element, which must be a required token
 * element other than `*`, `<clock>` and `<brand>`. A malformed pattern throws, so a bad table fails at load.
 */
export function compilePatterns<T>(
  rules: readonly T[],
  patternOf: (rule: T) => string,
  classes: TokenClasses,
  spansClauses: (rule: T) => boolean = () => false,
): PatternIndex<T> {
  const byWord = new Map<string, CompiledPattern<T>[]>();
  const byPair = new Map<string, Map<string, CompiledPattern<T>[]>>();
  const add = <K>(map: Map<K, CompiledPattern<T>[]>, key: K, c: CompiledPattern<T>): void => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  const byDigits: CompiledPattern<T>[] = [];
  const byDigitOrdinal: CompiledPattern<T>[] = [];
  for (const rule of rules) {
    const pattern = patternOf(rule);
    const elements = pattern.trim().split(/\s+/).map((e) => parseElement(e, classes, pattern));
    const first = elements[0];
    if (!first || first.kind !== 'token' || first.optional || first.any || first.brand || first.clock) {
      throw new Error(`pattern must start with a word or word class: "${pattern}"`);
    }
    const compiled: CompiledPattern<T> = { rule, elements, spansClauses: spansClauses(rule) };
    const second = elements[1];
    const pairable = second?.kind === 'token' && !second.optional && !second.any && !second.num && !second.nth && !second.clock && !second.brand;
    for (const w of first.words) {
      if (!pairable) add(byWord, w, compiled);
      else {
        let inner = byPair.get(w);
        if (!inner) byPair.set(w, (inner = new Map()));
        for (const w2 of second.words) add(inner, w2, compiled);
      }
    }
    if (first.num) byDigits.push(compiled);
    if (first.nth) byDigitOrdinal.push(compiled);
  }
  return { byWord, byPair, byDigits, byDigitOrdinal };
}

const NONE: readonly never[] = [];

/**
 * The patterns that may start at token `i`, as up to three lists (by first word, by first two
 * words, by digits), each in rule order.
 */
export function candidatesAt<T>(index: PatternIndex<T>, input: PatternTokens, i: number): readonly (readonly CompiledPattern<T>[])[] {
  const tok = input.tokens[i]!;
  const byWord = index.byWord.get(tok) ?? NONE;
  const next = input.tokens[i + 1];
  const byPair = next === undefined ? NONE : (index.byPair.get(tok)?.get(next) ?? NONE);
  const c0 = tok.charCodeAt(0);
  const byDigits = c0 < 48 || c0 > 57 ? NONE : isDigits(tok) ? index.byDigits : isDigitOrdinal(tok) ? index.byDigitOrdinal : NONE;
  return [byWord, byPair, byDigits];
}

function accepts(el: TokenElement, input: PatternTokens, i: number): boolean {
  const tok = input.tokens[i]!;
  return (
    el.any ||
    el.words.has(tok) ||
    (el.num && isDigits(tok)) ||
    (el.nth && isDigitOrdinal(tok)) ||
    (el.clock && CLOCK.test(tok)) ||
    (el.brand && input.isCapitalised(i))
  );
}

/** Whether token `j` sits across a clause break that pattern `p` may not cross. */
function crosses<T>(p: CompiledPattern<T>, input: PatternTokens, j: number): boolean {
  return !p.spansClauses && input.breakBefore[j] === true;
}

function step<T>(p: CompiledPattern<T>, input: PatternTokens, blocked: Uint8Array | undefined, e: number, i: number, first: boolean): number {
  const { elements } = p;
  if (e === elements.length) return i;
  const n = input.tokens.length;
  const el = elements[e]!;
  switch (el.kind) {
    case 'end':
      return i === n || input.breakBefore[i] === true ? step(p, input, blocked, e + 1, i, first) : -1;
    case 'lookahead': {
      const seen = i < n && !crosses(p, input, i) && accepts(el.el, input, i);
      return seen === el.negated ? -1 : step(p, input, blocked, e + 1, i, first);
    }
    case 'skip':
      for (let k = 0; k <= el.max; k++) {
        const j = i + k;
        if (j > n) break;
        if (k > 0 && (crosses(p, input, j - 1) || blocked?.[j - 1])) break;
        const r = step(p, input, blocked, e + 1, j, false);
        if (r >= 0) return r;
      }
      return -1;
    default: {
      if (i < n && !blocked?.[i] && (first || !crosses(p, input, i)) && accepts(el, input, i)) {
        const r = step(p, input, blocked, e + 1, i + 1, false);
        if (r >= 0) return r;
      }
      return el.optional ? step(p, input, blocked, e + 1, i, first) : -1;
    }
  }
}

/**
 * Matches `pattern` with its first element at token `start`. Returns the end (exclusive) of
 * the first match found (optional elements taken, skips shortest), or -1. `blocked` tokens
 * (already used by another rule) never match.
 */
export function matchAt<T>(pattern: CompiledPattern<T>, input: PatternTokens, start: number, blocked?: Uint8Array): number {
  return step(pattern, input, blocked, 0, start, true);
}
