/**
 * The per-message sentiment pipeline, one small stage at a time:
 *
 *   tokenise → matchRules (phrase rules, complaint patterns, markers) → lexiconScores (AFINN
 *   word valences, wink's second opinion, emoji) → combine (sarcasm, calm frame, tone) → labelOf
 *
 * Rules run before the lexicon because a matched phrase replaces the valence of the words it
 * covers: "thanks for nothing" is one sarcastic unit, not "thanks" (+2) and "nothing".
 *
 * The calm/frustrated line is the customer's tone and situation, not the topic: words that
 * only describe a problem ("declined", "lost", "damaged") can never make a message frustrated
 * on their own, and a polite request or a plain question softens the rest; complaint patterns
 * (waiting, hold, asking again, ...) carry the situation, and tone cues are never softened.
 *
 * Every stage is a single pass over the tokens with Map lookups and bounded pattern matches,
 * so a message costs about ten microseconds and any input is linear-time.
 */
import afinnWords from 'sentiment/languages/en/labels.json' with { type: 'json' };
import afinnEmoji from 'sentiment/build/emoji.json' with { type: 'json' };
import { normalizeText } from '../text/normalize.js';
import {
  COMPLAINT_CLASSES,
  COMPLAINT_PATTERNS,
  COMPOUNDS,
  MARKERS,
  SITUATION_FAMILIES,
  type ComplaintFamily,
  type ComplaintMarker,
  type MarkerName,
} from './complaint-patterns.js';
import { candidatesAt, compilePatterns, matchAt, type PatternTokens } from './phrase-patterns.js';
import {
  ACRONYMS,
  ANGER_TAGS,
  DESCRIPTIVE_SCALE,
  EXPLICIT_ANGER,
  FIRST_PERSON,
  INSULTS,
  INTENSIFIERS,
  NEGATORS,
  PHRASE_RULES,
  PROBLEM_WORDS,
  PROFANITY,
  SARCASTIC_OPENERS,
  SECOND_PERSON,
  SITUATION_WORDS,
  VALENCE_OVERRIDES,
  type LexiconCue,
} from './sentiment-lexicon.js';
import { winkOpinion } from './wink-opinion.js';
import { clipMiddle } from '../text/clip-text.js';

/** How the customer feels. Ordered from calm to angry. */
export type SentimentLabel = 'positive' | 'neutral' | 'frustrated' | 'upset';

/** A cue one message shows on its own. */
export type MessageCue = LexiconCue | ComplaintFamily | 'all_caps' | 'repeated_punctuation';

// ---------------------------------------------------------------------------------------------
// Thresholds and weights, chosen by hand. WINK_SHARE, HASHTAG_WEIGHT and POLITE_SITUATION were
// each picked among two or three values by their effect on the dev sets and the held-out
// complaints (sentiment-complaints.test.ts); nothing was fitted item by item.

/** At or below this score a message reads as frustrated. */
export const FRUSTRATED_AT = -0.2;
/** At or below this score, with strong evidence, a message reads as upset. */
export const UPSET_AT = -0.55;
/** At or above this score, with no negative cue, a message reads as positive. */
export const POSITIVE_AT = 0.3;
/** Squashes the raw sum into -1..1, as VADER does; larger means a gentler curve. */
const SQUASH_ALPHA = 12;
/** Longer texts are read as their head and tail, which keeps the cost bounded. */
const MAX_CHARS = 6000;
/**
 * The share of wink's opinion in the lexical reading; the rest is Baton's AFINN sum. The two
 * read mostly the same words, so they are blended rather than added.
 */
const WINK_SHARE = 0.15;
/** How much more a hashtag weighs than the same word in running text. */
const HASHTAG_WEIGHT = 2;
/** Descriptive problem words together never weigh more than this (frustrated is about -0.7). */
const PROBLEM_CAP = -0.6;
/** A polite request softens situation complaints ("could you check? it's been 3 weeks"). */
const POLITE_SITUATION = 0.4;
/** A polite request or plain question softens plain negative words: they name the topic. */
const CALM_LEXICON = 0.5;

// ---------------------------------------------------------------------------------------------
// Stage 1: tokenise.

/** The message as tokens, with what the later stages need to know about its surface. */
export interface Tokens extends PatternTokens {
  /** The original text, capped at MAX_CHARS (head and tail). */
  text: string;
  /** The text between each token and the one before it. */
  gaps: readonly string[];
  /** Whether each token was written as a hashtag. */
  hashtag: readonly boolean[];
  /** Most of the message is in capitals. */
  shouting: boolean;
  /** Words written in capitals for emphasis, when the message is not shouting. */
  emphasised: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
const CASED_WORD = /\p{L}{2,}/gu;
const HAS_UPPER = /\p{Lu}/u;
const STARTS_UPPER = /^\p{Lu}/u;
/** A break between clauses; phrase rules never run across one. */
export const CLAUSE_BREAK = /[.,;:!?\n]|\s-\s/;
const SENTENCE_BREAK = /[.!?\n]/;

/** A word with letters hidden behind symbols: "f***ing", "sh*t", "a**hole", "sh!t". */
const MASKED = /\b[a-z]+(?:[*#@$%!]+[a-z]*)+[a-z]|\b[a-z]+[*#@$%]+(?![a-z*#@$%!])/g;
const MASKS = /[*#@$%!]+/g;
const PROFANE_WORDS = [...PROFANITY.keys()];

/**
 * Swearing written with symbols for some letters reads as the word it hides: each run of
 * symbols stands for as many letters, and the word is replaced only when a listed swear word
 * fits ("f***ing" is "fucking"; "hi!there" stays as it is). Lengths never change, so the
 * offsets of the other tokens stay true.
 */
function unmaskProfanity(norm: string): string {
  if (!/[*#@$%!]/.test(norm)) return norm;
  return norm.replace(MASKED, (word) => {
    const shape = new RegExp(`^${word.replace(MASKS, (run) => `[a-z]{${run.length}}`)}$`);
    return PROFANE_WORDS.find((w) => shape.test(w)) ?? word;
  });
}

/** Splits a message into tokens (lowercase, apostrophes dropped) and reads its capitals. */
export function tokenise(input: string): Tokens {
  const text = clipMiddle(input, MAX_CHARS);
  const norm = unmaskProfanity(normalizeText(text));
  const tokens: string[] = [];
  const gaps: string[] = [];
  const breakBefore: boolean[] = [];
  const hashtag: boolean[] = [];
  let last = 0;
  for (const m of norm.matchAll(WORD)) {
    const gap = norm.slice(last, m.index);
    gaps.push(gap);
    breakBefore.push(tokens.length > 0 && gap !== ' ' && CLAUSE_BREAK.test(gap));
    hashtag.push(gap.endsWith('#'));
    tokens.push(m[0].includes("'") ? m[0].replace(/'/g, '') : m[0]);
    last = m.index + m[0].length;
  }

  let shouting = false;
  const emphasised = new Set<string>();
  if (HAS_UPPER.test(text)) {
    // Shouting (most of the message) or emphasis (a word or two).
    let letters = 0;
    let upper = 0;
    let capsWords = 0;
    let words = 0;
    for (const m of text.matchAll(CASED_WORD)) {
      const w = m[0];
      words++;
      letters += w.length;
      const isUpper = w === w.toUpperCase() && w !== w.toLowerCase();
      if (!isUpper) continue;
      upper += w.length;
      if (w.length >= 3 && !ACRONYMS.has(w)) {
        capsWords++;
        emphasised.add(w.toLowerCase());
      }
    }
    shouting =
      (capsWords >= 3 && upper / letters >= 0.6 && capsWords / words >= 0.4) ||
      (capsWords >= 2 && letters >= 12 && upper === letters);
    if (shouting) emphasised.clear();
  }
  let capitalised: boolean[] | undefined;
  const isCapitalised = (i: number): boolean => {
    capitalised ??= readCapitals(text, tokens, gaps);
    return capitalised[i] === true;
  };
  return { text, tokens, gaps, breakBefore, isCapitalised, hashtag, shouting, emphasised };
}

/**
 * Which tokens are names: @-mentions, and words other than "I" capitalised mid-sentence in
 * the original text. Computed only when a pattern asks; the token count only differs from the normalised
 * one in exotic scripts, where capitals are not read.
 */
function readCapitals(text: string, tokens: readonly string[], gaps: readonly string[]): boolean[] {
  const out = gaps.map((g) => g.endsWith('@'));
  if (!HAS_UPPER.test(text)) return out;
  const original: string[] = [];
  for (const m of text.matchAll(WORD)) original.push(m[0]);
  if (original.length !== tokens.length) return out;
  for (let i = 1; i < tokens.length; i++) {
    if (STARTS_UPPER.test(original[i]!) && !SENTENCE_BREAK.test(gaps[i]!) && tokens[i] !== 'i') out[i] = true;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stage 2: rules — phrase rules, complaint patterns and markers.

/** A phrase rule or complaint pattern, as the matcher sees it. */
interface Rule {
  pattern: string;
  weight: number;
  cue?: MessageCue;
  /** Complaint family, for the calm-frame softening. */
  family?: ComplaintFamily;
  /** `family/name`, reported as evidence. */
  evidence?: string;
  strong?: boolean;
  conditional?: boolean;
  spansClauses?: boolean;
  atStart?: boolean;
  unlessPositive?: boolean;
}

// Lexicon phrase rules come first, so that on equal length they win: they carry the
// established cues (threat, insult) that complaint patterns must not override.
const RULES: readonly Rule[] = [
  ...PHRASE_RULES,
  ...COMPLAINT_PATTERNS.map((p): Rule => ({
    pattern: p.pattern,
    weight: p.weight,
    cue: p.family,
    family: p.family,
    evidence: `${p.family}/${p.name}`,
    ...(p.conditional ? { conditional: true } : {}),
    ...(p.spansClauses ? { spansClauses: true } : {}),
    ...(p.atStart ? { atStart: true } : {}),
    ...(p.unlessPositive ? { unlessPositive: true } : {}),
  })),
];
/** Rules and markers share one index, so each token is looked up once. */
type Entry = { rule: Rule; order: number; marker?: undefined } | { marker: ComplaintMarker; rule?: undefined };
const INDEX = compilePatterns<Entry>(
  [...RULES.map((rule, order): Entry => ({ rule, order })), ...MARKERS.map((m): Entry => ({ marker: m }))],
  (e) => (e.rule ? e.rule.pattern : e.marker.pattern),
  COMPLAINT_CLASSES,
  (e) => (e.rule ? e.rule.spansClauses === true : e.marker.spansClauses === true),
);

const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'morning', 'afternoon', 'evening', 'hiya', 'greetings']);

/** What the rules found. */
export interface RuleHits {
  /** Tokens used by a matched (non-conditional) rule; the lexicon skips them. */
  covered: Uint8Array;
  /** Summed weight of matched lexicon phrase rules. */
  phraseSum: number;
  /** Summed weight of matched complaint patterns, per family. */
  complaints: Map<ComplaintFamily, number>;
  /** Rules that count only in a negative context (conditional sarcasm). */
  conditional: Rule[];
  /** Rules that count unless the rest of the message is positive; their tokens are covered. */
  unlessPositive: Rule[];
  /** Cues of the matched rules. */
  cues: Set<MessageCue>;
  /** Named evidence of the matched complaint patterns, in order of appearance. */
  evidence: string[];
  /** A matched rule is strong evidence of anger. */
  strong: boolean;
  /** Profanity inside a matched phrase ("what the fuck"). */
  phraseProfanity: 'strong' | 'mild' | undefined;
  /** Markers seen: first end and last start of each. */
  markers: Map<MarkerName, { firstEnd: number; lastStart: number }>;
}

/** Matches phrase rules and complaint patterns (longest first at each position) and markers. */
export function matchRules(t: Tokens): RuleHits {
  const n = t.tokens.length;
  const hits: RuleHits = {
    covered: new Uint8Array(n),
    phraseSum: 0,
    complaints: new Map(),
    conditional: [],
    unlessPositive: [],
    cues: new Set(),
    evidence: [],
    strong: false,
    phraseProfanity: undefined,
    markers: new Map(),
  };

  let coveredUntil = 0;
  for (let i = 0; i < n; i++) {
    let best: Rule | undefined;
    let bestEnd = -1;
    let bestOrder = Infinity;
    for (const list of candidatesAt(INDEX, t, i)) {
      for (const c of list) {
        const entry = c.rule;
        if (entry.marker) {
          const end = matchAt(c, t, i);
          if (end < 0) continue;
          const seen = hits.markers.get(entry.marker.name);
          if (seen) seen.lastStart = i;
          else hits.markers.set(entry.marker.name, { firstEnd: end, lastStart: i });
          continue;
        }
        if (i < coveredUntil || (entry.rule.atStart && i > 0)) continue;
        // The longest match wins; on equal length, the earlier rule.
        const end = matchAt(c, t, i, hits.covered);
        if (end > bestEnd || (end >= 0 && end === bestEnd && entry.order < bestOrder)) {
          best = entry.rule;
          bestEnd = end;
          bestOrder = entry.order;
        }
      }
    }
    if (!best) continue;
    if (best.conditional) {
      hits.conditional.push(best);
      continue;
    }
    for (let j = i; j < bestEnd; j++) {
      hits.covered[j] = 1;
      const p = PROFANITY.get(t.tokens[j]!);
      if (p) {
        hits.cues.add('profanity');
        if (p === 'strong' || !hits.phraseProfanity) hits.phraseProfanity = p;
      }
    }
    coveredUntil = bestEnd;
    if (best.unlessPositive) hits.unlessPositive.push(best);
    else addRule(hits, best);
  }
  if (n > 0 && GREETINGS.has(t.tokens[0]!) && !hits.markers.has('polite')) hits.markers.set('polite', { firstEnd: 1, lastStart: 0 });

  const question = t.text.includes('?');
  for (const c of COMPOUNDS) {
    const a = hits.markers.get(c.first);
    const b = hits.markers.get(c.then);
    if (!a || !b || (c.unlessQuestion && question) || c.unlessFamilies?.some((f) => hits.complaints.has(f))) continue;
    if (!c.ordered || a.firstEnd <= b.lastStart) {
      addRule(hits, { pattern: c.name, weight: c.weight, cue: c.family, family: c.family, evidence: `${c.family}/${c.name}` });
    }
  }
  return hits;
}

function addRule(hits: RuleHits, rule: Rule): void {
  if (rule.family) hits.complaints.set(rule.family, (hits.complaints.get(rule.family) ?? 0) + rule.weight);
  else hits.phraseSum += rule.weight;
  if (rule.cue) hits.cues.add(rule.cue);
  if (rule.evidence) addEvidence(hits, rule.evidence);
  if (rule.strong) hits.strong = true;
}

function addEvidence(hits: RuleHits, evidence: string): void {
  if (!hits.evidence.includes(evidence)) hits.evidence.push(evidence);
}

// ---------------------------------------------------------------------------------------------
// Stage 3: lexicon scores.

const VALENCE = new Map<string, number>(Object.entries(afinnWords as Record<string, number>));
for (const [word, v] of VALENCE_OVERRIDES) VALENCE.set(word, v);
for (const [word, v] of ANGER_TAGS) if (!VALENCE.has(word)) VALENCE.set(word, v);

const EMOJI = new Map<string, number>(Object.entries(afinnEmoji as Record<string, number>));
for (const [e, v] of [
  ['\u{1F620}', -3], ['\u{1F621}', -3.5], ['\u{1F92C}', -4.5], ['\u{1F47F}', -3], ['\u{1F4A2}', -3],
  ['\u{1F624}', -3], ['\u{1F644}', -2.5], ['\u{1F612}', -2], ['\u{1F595}', -4.5], ['\u{1F611}', -1.5],
  ['\u{1F926}', -2], ['\u{1F63E}', -2.5], ['\u{1F92F}', -1.5], ['\u{1F525}', 0],
] as const) EMOJI.set(e, v);
/** Emoji as strong as profanity. */
const STRONG_EMOJI = new Set(['\u{1F92C}', '\u{1F595}', '\u{1F621}']);

const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}/u;
const WOULD = new Set(['id', 'would', 'wd', 'youd', 'wed', 'hed', 'shed', 'theyd', 'feel', 'feels', 'look', 'looks', 'looked', 'seems', 'sounds', 'something', 'just']);
const STRONG_NEGATORS = new Set(['not', 'isnt', 'wasnt', 'arent', 'werent', 'aint', 'no', 'never', 'dont', 'doesnt', 'didnt', 'nt']);
const TARGETS = new Set(['this', 'these', 'those', 'they', 'them', 'what', 'such', 'bunch', 'company', 'people', 'staff', 'service']);

/** Word and emoji valences, and what they say about anger. */
export interface LexiconScores {
  /** Positive valence before any "but", and after it. */
  pos: number;
  posAfterBut: number;
  /** Negative valence of tone words (anger, insults, profanity), before any "but" and after. */
  neg: number;
  negAfterBut: number;
  /** Negative valence of ordinary words, which a calm request softens; before "but" and after. */
  plainNeg: number;
  plainNegAfterBut: number;
  /** Negative valence of words that only describe a problem ("lost", "declined"). */
  problemNeg: number;
  problemNegAfterBut: number;
  sawBut: boolean;
  /** Summed valence of profanity. */
  profanitySum: number;
  strongProfanity: boolean;
  aimedProfanity: boolean;
  /** Strong evidence of anger: explicit anger words, aimed insults, the angriest emoji. */
  strong: boolean;
  /** A "#not" at the end. */
  hashNot: boolean;
  /** A word of a negative support situation ("again", "still", "cancelled"). */
  situation: boolean;
  /** wink-sentiment's normalised opinion, -5..5. */
  wink: number;
  cues: Set<MessageCue>;
}

/** Scores the words the rules did not cover, the emoji, and wink's opinion of the whole. */
export function lexiconScores(t: Tokens, hits: RuleHits): LexiconScores {
  const { tokens } = t;
  const { covered } = hits;
  const n = tokens.length;
  const s: LexiconScores = {
    pos: 0, posAfterBut: 0, neg: 0, negAfterBut: 0, plainNeg: 0, plainNegAfterBut: 0,
    problemNeg: 0, problemNegAfterBut: 0, sawBut: false,
    profanitySum: 0, strongProfanity: hits.phraseProfanity === 'strong', aimedProfanity: false,
    strong: false, hashNot: false, situation: false, wink: 0, cues: new Set(),
  };
  let clauseStart = 0;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    if (t.breakBefore[i]) clauseStart = i;
    if (SITUATION_WORDS.has(tok)) s.situation = true;
    if (tok === 'but' || tok === 'however') {
      s.sawBut = true;
      continue;
    }
    if (covered[i]) continue;
    if (t.hashtag[i] && tok === 'not' && i === n - 1) {
      s.hashNot = true;
      continue;
    }

    let v: number;
    let tone = false;
    let descriptive = false;
    const profanity = PROFANITY.get(tok);
    const next = i + 1 < n ? tokens[i + 1]! : '';
    if (profanity) {
      // "so fucking happy" is joy: profanity before a positive word only intensifies it.
      if ((VALENCE.get(next) ?? 0) > 0 && !covered[i + 1]) continue;
      if (tok === 'hell' && (next === 'yeah' || next === 'yes' || i === 0)) continue;
      s.cues.add('profanity');
      if (profanity === 'strong') {
        s.strongProfanity = true;
        if (SECOND_PERSON.has(next) || SECOND_PERSON.has(i > 0 ? tokens[i - 1]! : '') || n <= 4) s.aimedProfanity = true;
      }
      v = profanity === 'strong' ? -3 : -1.5;
      s.profanitySum += v;
      tone = true;
    } else {
      const tag = t.hashtag[i] ? ANGER_TAGS.get(tok) : undefined;
      v = tag ?? VALENCE.get(tok) ?? (INSULTS.has(tok) ? -2 : 0);
      if (v === 0) continue;
      if (tok === 'like' && i > 0 && WOULD.has(tokens[i - 1]!)) continue;
      const scale = tag === undefined ? PROBLEM_WORDS.get(tok) : undefined;
      if (scale !== undefined) v *= scale;
      tone = tag !== undefined || EXPLICIT_ANGER.has(tok) || INSULTS.has(tok) || v <= -3;
      descriptive = scale !== undefined && scale <= DESCRIPTIVE_SCALE;
    }

    // A hashtag is the writer's own label for the message: "#fail", "#notimpressed".
    if (t.hashtag[i]) v *= HASHTAG_WEIGHT;
    const prev = i > 0 ? tokens[i - 1]! : '';
    if (i > 0 && INTENSIFIERS.has(prev) && !covered[i - 1]) v *= 1.4;
    if (t.emphasised.has(tok)) v *= 1.5;

    // Negation within the clause: "not happy" is negative, "not bad" faintly positive.
    let negated = false;
    for (let j = Math.max(clauseStart, i - 3); j < i; j++) {
      const w = tokens[j]!;
      if (covered[j]) continue;
      if (v > 0 ? NEGATORS.has(w) : STRONG_NEGATORS.has(w) && j >= i - 2) negated = true;
    }
    if (negated) {
      if (v > 0) v *= -0.8;
      else if (!profanity && !EXPLICIT_ANGER.has(tok) && !INSULTS.has(tok)) v *= -0.3;
    }

    if (v < 0) {
      if (EXPLICIT_ANGER.has(tok) && !negated) {
        s.cues.add('explicit_anger');
        s.strong = true;
      }
      if (INSULTS.has(tok)) {
        // Aimed at the reader or a third party, not at oneself: "you idiots", "what a joke of a company".
        let aimed = false;
        let self = false;
        for (let j = Math.max(0, i - 4); j <= Math.min(n - 1, i + 3); j++) {
          const w = tokens[j]!;
          if (SECOND_PERSON.has(w) || (j < i && TARGETS.has(w))) aimed = true;
          if (j < i && FIRST_PERSON.has(w)) self = true;
        }
        if (aimed && !self) {
          s.cues.add('insult');
          s.strong = true;
          v -= 1.5;
        }
      }
      if (tone) {
        if (s.sawBut) s.negAfterBut += v;
        else s.neg += v;
      } else if (descriptive) {
        if (s.sawBut) s.problemNegAfterBut += v;
        else s.problemNeg += v;
      } else if (s.sawBut) s.plainNegAfterBut += v;
      else s.plainNeg += v;
    } else if (s.sawBut) s.posAfterBut += v;
    else s.pos += v;
  }

  if (HAS_PICTOGRAPH.test(t.text)) {
    for (const m of t.text.matchAll(PICTOGRAPH)) {
      const v = EMOJI.get(m[0]) ?? 0;
      if (v < 0) {
        s.neg += v;
        if (STRONG_EMOJI.has(m[0])) s.strong = true;
      } else s.pos += v;
    }
  }
  s.wink = winkOpinion(t, { adjust: adjustForSupport, skip: covered });
  return s;
}

/** Baton's domain corrections, applied to wink's valences too. */
function adjustForSupport(token: string, valence: number): number {
  const override = OVERRIDES.get(token);
  const v = override ?? valence;
  return v < 0 ? v * (PROBLEM_WORDS.get(token) ?? 1) : v;
}
const OVERRIDES = new Map(VALENCE_OVERRIDES);

// ---------------------------------------------------------------------------------------------
// Stage 4: combine.

/** Everything the across-turn rules need to know about one message. */
export interface Analysis {
  raw: number;
  score: number;
  words: number;
  strong: boolean;
  cues: Set<MessageCue>;
  /** `family/name` of each complaint pattern that counted. */
  evidence: string[];
  /** The message says the problem persists: "still", "again", "same" with a problem. */
  persisting: boolean;
  /** The message says something now works ("that fixed it"). */
  resolved: boolean;
}

/** Cues that are tone, not mere wording; a calm frame does not soften a message that has one. */
const HEATED: ReadonlySet<MessageCue> = new Set([
  'explicit_anger', 'profanity', 'insult', 'threat', 'sarcasm', 'exasperation', 'impatience',
  'all_caps', 'repeated_punctuation',
]);
const REPEATED_PUNCT = /[!?][!?]|[!?]\s+[!?]/;
const QUESTION_WORDS = new Set(['how', 'what', 'when', 'where', 'which', 'who', 'can', 'could', 'do', 'does', 'is', 'are', 'will', 'would', 'should', 'may', 'whats', 'hows', 'wheres']);
const PERSISTENCE = new Set(['still', 'again', 'same', 'another', 'anymore']);
/** Words before a final "not" that make it sincere: "I hope not", "or not". */
const SINCERE_NOT = new Set(['or', 'if', 'whether', 'hope', 'maybe', 'probably', 'certainly', 'definitely', 'why', 'course', 'yet', 'just', 'do', 'does', 'did', 'is', 'are', 'was', 'please']);

function squash(raw: number): number {
  return raw / Math.sqrt(raw * raw + SQUASH_ALPHA);
}

/** The weights of one message, by kind, before sarcasm and the calm frame adjust them. */
interface Parts {
  pos: number;
  /** Tone words: anger, insults, profanity, the strongest negatives. */
  neg: number;
  /** Ordinary negative words. */
  plainNeg: number;
  /** Words that only describe the problem, capped. */
  problemNeg: number;
  wink: number;
  /** Lexicon phrase rules. */
  phraseSum: number;
  /** Complaint families that describe the situation (waiting, on hold, ...). */
  situationSum: number;
  /** Complaint families that carry tone (sarcasm, giving up, disappointment). */
  complaintSum: number;
}

/** Sums the rule and lexicon weights by kind; "but" shifts the weight to what follows it, as in VADER. */
function sumParts(hits: RuleHits, lex: LexiconScores): Parts {
  const but = (before: number, after: number): number => (lex.sawBut ? before * 0.5 + after * 1.5 : before + after);
  const parts: Parts = {
    pos: but(lex.pos, lex.posAfterBut),
    neg: but(lex.neg, lex.negAfterBut),
    plainNeg: but(lex.plainNeg, lex.plainNegAfterBut),
    // Describing the problem, however many words it takes, is not a mood.
    problemNeg: Math.max(but(lex.problemNeg, lex.problemNegAfterBut), PROBLEM_CAP),
    wink: lex.wink,
    phraseSum: hits.phraseSum,
    situationSum: 0,
    complaintSum: 0,
  };
  for (const [family, w] of hits.complaints) {
    if (SITUATION_FAMILIES.has(family)) parts.situationSum += w;
    else parts.complaintSum += w;
  }
  return parts;
}

/** What sarcasm adds: whether there is any, its weight, and the evidence for it. */
interface Sarcasm {
  found: boolean;
  phraseWeight: number;
  complaintWeight: number;
  evidence: string[];
}

/**
 * Sarcasm: a positive opener followed by a complaint ("Brilliant, charged twice again"), a
 * conditional rule in a negative message, a standalone idiom ("Just great.") with nothing
 * positive around it, or a closing "... not".
 */
function readSarcasm(
  t: Tokens,
  hits: RuleHits,
  context: { pos: number; negativeContext: boolean; resolved: boolean; hashNot: boolean },
): Sarcasm {
  const { pos, negativeContext, resolved, hashNot } = context;
  const { tokens } = t;
  const n = tokens.length;
  const out: Sarcasm = { found: hits.cues.has('sarcasm'), phraseWeight: 0, complaintWeight: 0, evidence: [] };
  const take = (weight: number, evidence: string | undefined, complaint: boolean): void => {
    out.found = true;
    if (complaint) out.complaintWeight += weight;
    else out.phraseWeight += weight;
    if (evidence) out.evidence.push(evidence);
  };
  if (n >= 3 && negativeContext) {
    const first = tokens[0] === 'oh' || tokens[0] === 'well' || tokens[0] === 'wow' || tokens[0] === 'just' ? 1 : 0;
    const next = tokens[first + 1];
    const breakAfter = t.breakBefore[first + 1] === true || (next !== undefined && SARCASTIC_OPENERS.has(next));
    if (SARCASTIC_OPENERS.has(tokens[first]!) && breakAfter && n - first > 2 && !hits.covered[first]) {
      take(-2, 'sarcasm/positive_opener', true);
    }
  }
  if (negativeContext) for (const rule of hits.conditional) take(rule.weight, rule.evidence, rule.family !== undefined);
  if (pos <= 0 && !resolved) for (const rule of hits.unlessPositive) take(rule.weight, rule.evidence, true);
  const last = n - 1;
  if (hashNot || (n >= 3 && tokens[last] === 'not' && t.breakBefore[last] && pos > 0 && !SINCERE_NOT.has(tokens[last - 1]!))) {
    take(-2.5, 'sarcasm/closing_not', true);
  }
  return out;
}

/** The message says the problem persists: "still", "again", "same" near a problem or negation. */
function persists(tokens: readonly string[]): boolean {
  if (tokens[0] === 'again') return true;
  for (let i = 0; i < tokens.length; i++) {
    if (!PERSISTENCE.has(tokens[i]!)) continue;
    for (let j = Math.max(0, i - 4); j <= Math.min(tokens.length - 1, i + 4); j++) {
      const w = tokens[j]!;
      if (NEGATORS.has(w) || PROBLEM_WORDS.has(w) || (SITUATION_WORDS.has(w) && !PERSISTENCE.has(w))) return true;
    }
  }
  return false;
}

/** Weighs the rules and the lexicon together, reads sarcasm and the calm frame, and scores. */
export function combine(t: Tokens, hits: RuleHits, lex: LexiconScores): Analysis {
  const cues = new Set<MessageCue>([...hits.cues, ...lex.cues]);
  const evidence = [...hits.evidence];
  const p = sumParts(hits, lex);
  let strong = hits.strong || lex.strong;

  const resolved = hits.markers.has('resolved');
  const negativeContext =
    p.neg + p.plainNeg + p.problemNeg + p.phraseSum < -0.5 || p.situationSum + p.complaintSum < 0 || (lex.situation && !resolved);
  const sarcasm = readSarcasm(t, hits, { pos: p.pos, negativeContext, resolved, hashNot: lex.hashNot });
  if (sarcasm.found) {
    cues.add('sarcasm');
    p.pos *= -0.5;
    if (p.wink > 0) p.wink *= -0.5;
    p.phraseSum += sarcasm.phraseWeight;
    p.complaintSum += sarcasm.complaintWeight;
    for (const e of sarcasm.evidence) if (!evidence.includes(e)) evidence.push(e);
  }

  // Profanity is abuse when aimed at someone or when the message is angry anyway; as a mere
  // intensifier in a plain request ("where's my damn parcel") it is frustration, not anger.
  if (lex.strongProfanity && (lex.aimedProfanity || p.neg + p.plainNeg + p.problemNeg - lex.profanitySum + p.phraseSum <= -2)) strong = true;

  // The calm frame: a polite request, or a plain question, with no heated cue. Negative words
  // there mostly name the topic ("my card was declined, why?"), and a polite "could you check,
  // it's been a week" is a situation, not yet a mood; both are softened, not ignored.
  if (![...cues].some((c) => HEATED.has(c))) {
    const polite = hits.markers.has('polite');
    const question = t.text.includes('?') || QUESTION_WORDS.has(t.tokens[0] ?? '');
    if (polite) p.situationSum *= POLITE_SITUATION;
    if (polite || question) {
      p.plainNeg *= CALM_LEXICON;
      if (p.wink < 0) p.wink *= CALM_LEXICON;
    }
  }

  if (p.plainNeg + p.neg <= -2) cues.add('negative_lexicon');
  const lexical = (1 - WINK_SHARE) * (p.pos + p.neg + p.plainNeg + p.problemNeg) + WINK_SHARE * p.wink;
  let raw = lexical + p.phraseSum + p.situationSum + p.complaintSum;

  if (REPEATED_PUNCT.test(t.text)) {
    if (raw <= 0.5) {
      raw = raw * 1.2 - 0.5;
      cues.add('repeated_punctuation');
    } else raw *= 1.15;
  }
  if (t.shouting) {
    if (raw <= 0.5) {
      if (raw < -1.5) strong = true;
      raw = raw * 1.5 - 1.5;
      cues.add('all_caps');
    } else raw *= 1.3;
  }

  const score = squash(raw);
  return {
    raw,
    score,
    words: t.tokens.length,
    strong: strong && score < 0,
    cues,
    evidence,
    persisting: persists(t.tokens) && !resolved,
    resolved,
  };
}

// ---------------------------------------------------------------------------------------------
// Stage 5: label.

/** The label for a score: upset needs strong evidence, positive needs no negative cue. */
export function labelOf(score: number, strong: boolean, cues: ReadonlySet<string>): SentimentLabel {
  if (score <= UPSET_AT && strong) return 'upset';
  if (score <= FRUSTRATED_AT) return 'frustrated';
  if (score >= POSITIVE_AT && cues.size === 0) return 'positive';
  return 'neutral';
}

/** Runs the stages on one message. */
export function analyse(input: string): Analysis {
  const t = tokenise(input);
  const hits = matchRules(t);
  return combine(t, hits, lexiconScores(t, hits));
}
