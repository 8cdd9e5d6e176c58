/**
 * An explicit request for a human (DESIGN §3: escalate at once). Customers ask in endless ways
 * ("agent!!", "put me through to a real person", "pásame con un agente", "rappelez-moi"), in
 * several languages and with typos, so this detector works in two steps:
 *
 * 1. Per language, a canonical view of the message: normalised (lowercase, no accents), with
 *    slang expanded ("gimme", "pls", "qqn") and each token that is a misspelling of a key word
 *    replaced by it (edit distance ≤ 1 for words of 4–7 letters, ≤ 2 for 8+; see fuzzy-word.ts),
 *    so "reprsentitive", "speek to a persn" and "costumer servise" read as spelt.
 * 2. Small rules over that view, each compiled once (human-request-lexicon.ts): a contact verb
 *    followed closely by a human noun, a marked human ("real person"), a bare noun as the whole
 *    message, routing to a team, refusing the bot, and asking to be called back.
 *
 * A negation in the same clause just before a rule's span ("I don't need a person", "no
 * necesito un agente", "ich brauche keinen Menschen") cancels it. Questions about the process
 * ("do I need to talk to someone to close my account?"), about what the assistant is ("are you
 * a real person?") and about contact details ("how do I contact customer service about a
 * return", "your number?") do not fire. All regexes use bounded gaps, so time is linear.
 *
 * Languages: English, Spanish, French, German, Portuguese and Italian, each with its own table.
 * A word another language owns is never "corrected" into this one ("operador" stays Spanish).
 *
 * Cost: each distinct token is looked up once for all languages and remembered; a language's
 * regexes only run when the message holds one of its trigger words (a human noun, a bot word, a
 * call verb…) and, for languages other than English and the hinted one, one of its common words
 * or at most three words in all. So most messages run no regex at all.
 */
import { normalizeText } from '../text/normalize.js';
import { squashRepeats } from './fuzzy-word.js';
import { HUMAN_REQUEST_LANGUAGES, LEXICON_WORDS, type HumanRequestLanguage } from './human-request-lexicon.js';
import { graphemeSuffix } from '../text/clip-text.js';

/** Why the detector fired, for the decision's "why". */
export interface HumanRequest {
  /** The matched span of the normalised (lowercased, accent-free) message, as the customer typed it. */
  phrase: string;
  /**
   * - `explicit`: names a person or a team ("let me talk to someone", "un humain svp");
   * - `implicit`: gives up on the bot without naming anyone ("this is going nowhere");
   * - `refusal`: refuses the bot ("I don't want to talk to a robot", "keinen Bot"), a request
   *   for a person by elimination;
   * - `callback`: asks to be phoned ("call me back", "¿me pueden llamar?", "rappelez-moi").
   */
  kind: 'explicit' | 'implicit' | 'refusal' | 'callback';
  /**
   * ISO 639-1 code of the language whose rules fired. Always set by `detectHumanRequest`;
   * optional so that other producers of a request (a semantic match, a picked button) need not
   * invent one.
   */
  language?: string;
}

/** The ISO 639-1 codes with rules, in the order tried when no hint is given. */
export const HUMAN_REQUEST_LANGUAGE_CODES: readonly string[] = HUMAN_REQUEST_LANGUAGES.map((l) => l.code);

/** Up to this many words, every language's rules run ("operador", "Kundenservice!!!"). */
const SHORT_MESSAGE_TOKENS = 3;
/** How much of the text before a span is searched for a negation. */
const NEGATION_WINDOW = 40;
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const NEXT_WORD = /[^\p{L}\p{N}']+[\p{L}\p{N}]/gu;
const ELISION = /^(\p{L}{1,4}')(\p{L}{4,})$/u;
const REPEATS = /(\p{L})\1\1/u;

interface Token {
  start: number;
  end: number;
  text: string;
}

/** A replaced token: its span in the canonical view and in the normalised text. */
interface Replacement {
  cs: number;
  ce: number;
  ns: number;
  ne: number;
}

/** One language's canonical view, with a map back to the normalised text for quoting. */
interface View {
  text: string;
  replacements: Replacement[];
  /** Some token is a word the rules need: otherwise no rule can fire. */
  triggered: boolean;
  /** Some token is a common word of the language (see `isMarker`). */
  marked: boolean;
}

/**
 * Returns the first rule that fires, or null. `language` is an ISO 639-1 hint (the detected
 * language): its rules are tried first, then English, then the others. The hint only orders the
 * languages, because detection on a short chat line is often 'und' or wrong ("agent svp" reads
 * as French). Never throws: odd Unicode and huge inputs only cost linear time.
 */
export function detectHumanRequest(text: string, language?: string): HumanRequest | null {
  const normalized = normalizeText(text);
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(TOKEN)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  const looked = tokens.map((t) => lookup(t.text));
  const order = languageOrder(language);
  for (const lang of order) {
    const view = canonicalView(normalized, tokens, looked, HUMAN_REQUEST_LANGUAGES.indexOf(lang));
    // Another language's rules need one of its common words, unless hinted or the message is a word or three.
    if (lang.code !== 'en' && lang !== order[0] && !view.marked && tokens.length > SHORT_MESSAGE_TOKENS) continue;
    const hit = firstHit(view, lang);
    if (hit) {
      const [start, end] = toNormalized(view, hit.start, hit.end);
      return { phrase: normalized.slice(start, end).trim(), kind: hit.kind, language: lang.code };
    }
  }
  return null;
}

function languageOrder(hint: string | undefined): readonly HumanRequestLanguage[] {
  const code = hint?.toLowerCase().slice(0, 2);
  const first = HUMAN_REQUEST_LANGUAGES.find((l) => l.code === code);
  if (!first || first.code === 'en') return HUMAN_REQUEST_LANGUAGES;
  return [first, ...HUMAN_REQUEST_LANGUAGES.filter((l) => l !== first)];
}

function canonicalToken(token: string, lang: HumanRequestLanguage): string {
  const word = REPEATS.test(token) ? squashRepeats(token) : token;
  const alias = lang.aliases.get(word);
  if (alias !== undefined) return alias;
  // Another language's word is not a misspelling of this one's ("operador" is not "operator").
  if (LEXICON_WORDS.has(word) && !lang.own.has(word)) return word;
  if (!word.includes("'")) return lang.words.correct(word) ?? word;
  // French and Italian elision: "l'agnet" is "l'" + a misspelt "agent"; "don't" stays whole.
  const elided = ELISION.exec(word);
  if (elided) {
    const tail = lang.words.correct(elided[2]!);
    if (tail !== null) return elided[1]! + tail;
  }
  return word;
}

/** What a token is in each language, by the language's index in HUMAN_REQUEST_LANGUAGES. */
interface TokenInfo {
  /** The canonical form per language, or null when no language changes the token (most tokens). */
  canon: readonly string[] | null;
  /** Bit i: a trigger word of language i. */
  trigger: number;
  /** Bit i: a common word of language i. */
  marker: number;
}

/**
 * Token lookups for all languages at once. The detector runs on every message and chat
 * vocabulary repeats itself, so remembering answers makes the fuzzy lookup nearly free; the cap
 * bounds memory under hostile input. It changes no result, only the time taken.
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, TokenInfo>();

function lookup(token: string): TokenInfo {
  let hit = cache.get(token);
  if (hit === undefined) {
    let canon: string[] | null = null;
    let trigger = 0;
    let marker = 0;
    HUMAN_REQUEST_LANGUAGES.forEach((lang, i) => {
      const text = canonicalToken(token, lang);
      if (text !== token) (canon ??= HUMAN_REQUEST_LANGUAGES.map(() => token))[i] = text;
      const words = text.includes(' ') ? text.split(' ') : [text];
      // "m'appeler" triggers as "appeler" does.
      if (words.some((w) => lang.isTrigger(w) || (w.includes("'") && lang.isTrigger(w.slice(w.lastIndexOf("'") + 1))))) trigger |= 1 << i;
      if (words.some(lang.isMarker)) marker |= 1 << i;
    });
    hit = { canon, trigger, marker };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, hit);
  }
  return hit;
}

function canonicalView(normalized: string, tokens: readonly Token[], looked: readonly TokenInfo[], index: number): View {
  const replacements: Replacement[] = [];
  const bit = 1 << index;
  let triggered = false;
  let marked = false;
  let out = '';
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const info = looked[i]!;
    if (info.trigger & bit) triggered = true;
    if (info.marker & bit) marked = true;
    const c = info.canon?.[index];
    if (c === undefined || c === t.text) continue;
    out += normalized.slice(last, t.start);
    const cs = out.length;
    out += c;
    replacements.push({ cs, ce: out.length, ns: t.start, ne: t.end });
    last = t.end;
  }
  if (replacements.length === 0) return { text: normalized, replacements, triggered, marked };
  return { text: out + normalized.slice(last), replacements, triggered, marked };
}

/** Maps a span of the canonical view back to the normalised text (whole tokens). */
function toNormalized(view: View, start: number, end: number): [number, number] {
  const r = view.replacements;
  const at = (pos: number, isEnd: boolean): number => {
    // The last replacement starting before `pos` (or at it, for a start).
    let lo = 0;
    let hi = r.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const cs = r[mid]!.cs;
      if (isEnd ? cs < pos : cs <= pos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return pos;
    const x = r[k]!;
    if (isEnd ? pos <= x.ce : pos < x.ce) return isEnd ? x.ne : x.ns;
    return x.ne + (pos - x.ce);
  };
  return [at(start, false), at(end, true)];
}

interface Hit {
  start: number;
  end: number;
  kind: HumanRequest['kind'];
}

function firstHit(view: View, lang: HumanRequestLanguage): Hit | null {
  if (!view.triggered) return null;
  const text = view.text;
  const processQuestion = lang.processQuestion.test(text);
  const asksWhatItIs = lang.asksWhatItIs.test(text) && !lang.asksForOne.test(text);
  for (const rule of lang.rules) {
    if ((rule.kind === 'explicit' || rule.kind === 'callback') && (processQuestion || asksWhatItIs)) continue;
    // A negated hit ("no i dont want a transfer") must not hide a later one ("let me speak with someone").
    // Matches may overlap, so each retry starts one word on rather than after the last match.
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index);
      const vetoed =
        (rule.negatable && negated(lang, before, rule.kind === 'implicit' ? '' : m[0])) ||
        (rule.contactDetails && lang.contactQuestion.test(currentSentence(text, m.index))) ||
        quotedMention(text, m.index, m.index + m[0].length);
      if (!vetoed) return { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].trimEnd().length, kind: rule.kind };
      NEXT_WORD.lastIndex = m.index;
      const next = NEXT_WORD.exec(text);
      if (!next) break;
      rule.re.lastIndex = next.index;
    }
  }
  return null;
}

/**
 * What a screen, an email or a word said, quoted: 'the app keeps saying "contact an agent"',
 * 'what does "human review" mean'. The words are a mention, not the customer's own request. A
 * quoted button or a typed word ('I clicked "talk to a person"') is still a request, so only a
 * quote after a word of showing or meaning counts.
 */
const QUOTE_INTRO = /\b(?:says?|saying|said|shows?|showing|shown|reads?|reading|displays?|displaying|displayed|message|error|prompt|popup|pop-up|notification|warning|text|email|e-mail|letter|sms|word|words|term|phrase|mean|means|meaning|called|titled)\W{0,3}$/;

function quotedMention(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('"', start);
  if (open < 0 || text.indexOf('"', end) < 0) return false;
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0 && i <= open; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 1 && QUOTE_INTRO.test(text.slice(Math.max(0, open - 30), open));
}

/** The sentence up to `index`, at most 80 characters back. */
function currentSentence(text: string, index: number): string {
  const window = graphemeSuffix(text.slice(0, index), 80);
  const cut = Math.max(window.lastIndexOf('.'), window.lastIndexOf('!'), window.lastIndexOf('?'), window.lastIndexOf(';'));
  return window.slice(cut + 1);
}

function negated(lang: HumanRequestLanguage, before: string, span: string): boolean {
  // Only the current clause counts: "no, I don't want a transfer, let me speak to someone" is a request.
  let cut = 0;
  lang.clauseBreak.lastIndex = 0;
  for (const m of before.matchAll(lang.clauseBreak)) cut = m.index + m[0].length;
  // "I don't know how to talk to a person" is not a refusal.
  const clause = before.slice(cut).replace(lang.notNegation, ' ');
  if (lang.negation.test(clause)) return true;
  // The span itself may start with the negation ("no need for an agent"); implicit spans are
  // built on one ("not comfortable sharing this with a machine") and pass ''.
  return span !== '' && lang.negation.test(span.trimStart().split(/\s+/u).slice(0, 2).join(' ') + ' x');
}
