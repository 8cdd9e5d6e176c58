/**
 * Sentiment and frustration, per message and across turns.
 *
 * The policy escalates on `upset`, or on `frustrated` twice in a row, so the two labels have
 * different jobs: `frustrated` is the sensitive one (any clear negativity aimed at the
 * situation), `upset` is reserved for messages with strong evidence of anger — profanity,
 * insults, threats, words that name anger, shouting — so that a calm customer with a bad
 * problem ("I lost my card") is never escalated on tone alone.
 *
 * The score is a sum of word valences (AFINN, from the `sentiment` npm package, with Baton's
 * own overrides in sentiment-lexicon.ts) and of phrase rules (exasperation, sarcasm, threats,
 * hostile address), squashed into -1..+1. Everything is a single pass over the tokens with
 * Map lookups, so a message costs a few microseconds and any input is linear-time.
 */
import afinnWords from 'sentiment/languages/en/labels.json' with { type: 'json' };
import afinnEmoji from 'sentiment/build/emoji.json' with { type: 'json' };
import type { Turn } from '../conversation.js';
import { normalizeText } from '../text/normalize.js';
import {
  ACRONYMS,
  ANGER_TAGS,
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
  type PhraseRule,
} from './sentiment-lexicon.js';

/** How the customer feels. Ordered from calm to angry: see `labelRank`. */
export type SentimentLabel = 'positive' | 'neutral' | 'frustrated' | 'upset';

/**
 * One piece of evidence for a negative reading. Cues explain a label to the agent ("why did it
 * escalate?"), so they are only reported when they pushed the message towards negative: an
 * excited "Thank you!!!" carries no `repeated_punctuation` cue.
 */
export type SentimentCue =
  | LexiconCue
  | 'all_caps'
  | 'repeated_punctuation'
  | 'escalating_tone'
  | 'angry_follow_up'
  | 'rapid_follow_up'
  | 'growing_length';

/** The reading of one message on its own. */
export interface MessageSentiment {
  /** The label the policy acts on. */
  label: SentimentLabel;
  /** -1 furious .. +1 delighted; 0 is a plain question. */
  score: number;
  /** The evidence for a negative reading, each cue once, in a stable order. */
  cues: SentimentCue[];
}

/** The reading of a whole conversation, at its last customer turn. */
export interface SentimentTrend {
  /** The label at the last customer turn, after the across-turn rules. */
  label: SentimentLabel;
  /** The score at the last customer turn, after the across-turn rules. */
  score: number;
  /**
   * One reading per customer turn, in order, each as the trend stood at that turn (so the
   * across-turn rules are applied to earlier turns too, as they were when the turn arrived).
   */
  turns: MessageSentiment[];
  /** How the last customer turn compares with the ones before it. */
  direction: 'improving' | 'steady' | 'worsening';
  /** Consecutive customer turns, ending at the last, labelled frustrated or upset. */
  frustratedStreak: number;
  /** Cues of the last customer turn, including across-turn ones. */
  cues: SentimentCue[];
}

// ---------------------------------------------------------------------------------------------
// Thresholds, chosen by hand; the dev sets were only used to check them, not to fit them.

/** At or below this score a message reads as frustrated. */
const FRUSTRATED_AT = -0.2;
/** At or below this score, with strong evidence, a message reads as upset. */
const UPSET_AT = -0.55;
/** At or above this score, with no negative cue, a message reads as positive. */
const POSITIVE_AT = 0.3;
/** Squashes the raw sum into -1..1, as VADER does; larger means a gentler curve. */
const SQUASH_ALPHA = 12;
/** Longer texts are read as their head and tail, which keeps the cost bounded. */
const MAX_CHARS = 6000;
/** Customer turns this close together (ms), with no reply between, are rapid follow-ups. */
const RAPID_MS = 30_000;
/** A follow-up of at most this many words is "short". */
const SHORT_WORDS = 12;

// ---------------------------------------------------------------------------------------------
// Lexicon tables, built once.

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

interface CompiledRule {
  rule: PhraseRule;
  /** One set of alternatives per token; null matches any token. */
  parts: (ReadonlySet<string> | null)[];
}

/** Phrase rules indexed by each alternative of their first token, longest first. */
const RULES_BY_FIRST = new Map<string, CompiledRule[]>();
for (const rule of PHRASE_RULES) {
  const parts = rule.pattern.split(' ').map((p) => (p === '*' ? null : new Set(p.split('|'))));
  const compiled: CompiledRule = { rule, parts };
  for (const first of parts[0] ?? []) {
    const list = RULES_BY_FIRST.get(first) ?? [];
    list.push(compiled);
    RULES_BY_FIRST.set(first, list);
  }
}
for (const list of RULES_BY_FIRST.values()) list.sort((a, b) => b.parts.length - a.parts.length);

/** Cue order in the output, so that equal inputs give equal arrays. */
const CUE_ORDER: readonly SentimentCue[] = [
  'explicit_anger', 'profanity', 'insult', 'threat', 'sarcasm', 'exasperation', 'impatience',
  'negative_lexicon', 'all_caps', 'repeated_punctuation', 'escalating_tone', 'angry_follow_up',
  'rapid_follow_up', 'growing_length',
];

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
const CASED_WORD = /\p{L}{2,}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}/u;
const HAS_UPPER = /\p{Lu}/u;
const REPEATED_PUNCT = /[!?][!?]|[!?]\s+[!?]/;
const CLAUSE_BREAK = /[.,;:!?\n]|\s-\s/;
const WOULD = new Set(['id', 'would', 'wd', 'youd', 'wed', 'hed', 'shed', 'theyd', 'feel', 'feels', 'look', 'looks', 'looked', 'seems', 'sounds', 'something', 'just']);
const STRONG_NEGATORS = new Set(['not', 'isnt', 'wasnt', 'arent', 'werent', 'aint', 'no', 'never', 'dont', 'doesnt', 'didnt', 'nt']);
const TARGETS = new Set(['this', 'these', 'those', 'they', 'them', 'what', 'such', 'bunch', 'company', 'people', 'staff', 'service']);

/** Everything the across-turn rules need to know about one message. */
interface Analysis {
  raw: number;
  score: number;
  words: number;
  strong: boolean;
  cues: Set<SentimentCue>;
}

function squash(raw: number): number {
  return raw / Math.sqrt(raw * raw + SQUASH_ALPHA);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Labels by how angry they are, for "at least frustrated" and direction. */
function labelRank(label: SentimentLabel): number {
  return label === 'positive' ? 0 : label === 'neutral' ? 1 : label === 'frustrated' ? 2 : 3;
}

function labelOf(score: number, strong: boolean, cues: ReadonlySet<SentimentCue>): SentimentLabel {
  if (score <= UPSET_AT && strong) return 'upset';
  if (score <= FRUSTRATED_AT) return 'frustrated';
  if (score >= POSITIVE_AT && cues.size === 0) return 'positive';
  return 'neutral';
}

function analyse(input: string): Analysis {
  const text = input.length > MAX_CHARS ? `${input.slice(0, MAX_CHARS / 2)}\n${input.slice(-MAX_CHARS / 2)}` : input;
  const norm = normalizeText(text);
  const cues = new Set<SentimentCue>();

  // Tokens with the text between each and the previous one, to see clause breaks and '#'.
  const tokens: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of norm.matchAll(WORD)) {
    gaps.push(norm.slice(last, m.index));
    tokens.push(m[0].includes("'") ? m[0].replace(/'/g, '') : m[0]);
    last = m.index + m[0].length;
  }
  const n = tokens.length;

  // Capitals: shouting (most of the message) or emphasis (a word or two).
  let shouting = false;
  const emphasised = new Set<string>();
  if (HAS_UPPER.test(text)) {
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

  // Phrase rules: longest match at each position; plain matches cover their tokens.
  const covered = new Uint8Array(n);
  let phraseSum = 0;
  let strong = false;
  const conditional: PhraseRule[] = [];
  let phraseProfanity = false;
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    const candidates = RULES_BY_FIRST.get(tokens[i]!);
    if (!candidates) continue;
    for (const { rule, parts } of candidates) {
      if (i + parts.length > n) continue;
      let ok = true;
      for (let j = 1; j < parts.length && ok; j++) {
        const part = parts[j];
        if ((part && !part.has(tokens[i + j]!)) || CLAUSE_BREAK.test(gaps[i + j]!)) ok = false;
      }
      if (!ok) continue;
      if (rule.conditional) {
        conditional.push(rule);
        break;
      }
      for (let j = 0; j < parts.length; j++) {
        covered[i + j] = 1;
        // "what the fuck" is exasperation and profanity at once.
        const p = PROFANITY.get(tokens[i + j]!);
        if (p) cues.add('profanity');
        if (p === 'strong') phraseProfanity = true;
      }
      phraseSum += rule.weight;
      if (rule.cue) cues.add(rule.cue);
      if (rule.strong) strong = true;
      break;
    }
  }

  // Word valences.
  let pos = 0;
  let neg = 0;
  let negAfterBut = 0;
  let posAfterBut = 0;
  let sawBut = false;
  let sarcasm = cues.has('sarcasm');
  let situation = false;
  let clauseStart = 0;
  let strongProfanity = phraseProfanity;
  let aimedProfanity = false;
  let profanitySum = 0;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    const gap = gaps[i]!;
    if (i > 0 && CLAUSE_BREAK.test(gap)) clauseStart = i;
    if (SITUATION_WORDS.has(tok)) situation = true;
    if (tok === 'but' || tok === 'however') {
      sawBut = true;
      continue;
    }
    if (covered[i]) continue;
    const hashtag = gap.endsWith('#');
    if (hashtag && tok === 'not' && i === n - 1) {
      sarcasm = true;
      cues.add('sarcasm');
      continue;
    }

    let v: number;
    const profanity = PROFANITY.get(tok);
    const next = i + 1 < n ? tokens[i + 1]! : '';
    if (profanity) {
      // "so fucking happy" is joy: profanity before a positive word only intensifies it.
      if ((VALENCE.get(next) ?? 0) > 0 && !covered[i + 1]) continue;
      if (tok === 'hell' && (next === 'yeah' || next === 'yes' || i === 0)) continue;
      cues.add('profanity');
      if (profanity === 'strong') {
        strongProfanity = true;
        if (SECOND_PERSON.has(next) || SECOND_PERSON.has(i > 0 ? tokens[i - 1]! : '') || n <= 4) aimedProfanity = true;
      }
      v = profanity === 'strong' ? -3 : -1.5;
      profanitySum += v;
    } else {
      const tag = hashtag ? ANGER_TAGS.get(tok) : undefined;
      v = tag ?? VALENCE.get(tok) ?? (INSULTS.has(tok) ? -2 : 0);
      if (v === 0) continue;
      if (tok === 'like' && i > 0 && WOULD.has(tokens[i - 1]!)) continue;
      const scale = tag === undefined ? PROBLEM_WORDS.get(tok) : undefined;
      if (scale !== undefined) v *= scale;
    }

    const prev = i > 0 ? tokens[i - 1]! : '';
    if (i > 0 && INTENSIFIERS.has(prev) && !covered[i - 1]) v *= 1.4;
    if (emphasised.has(tok)) v *= 1.5;

    // Negation within the clause: "not happy" is negative, "not bad" faintly positive.
    let negated = false;
    for (let j = Math.max(clauseStart, i - 3); j < i; j++) {
      const t = tokens[j]!;
      if (covered[j]) continue;
      if (v > 0 ? NEGATORS.has(t) : STRONG_NEGATORS.has(t) && j >= i - 2) negated = true;
    }
    if (negated) {
      if (v > 0) v *= -0.8;
      else if (!profanity && !EXPLICIT_ANGER.has(tok) && !INSULTS.has(tok)) v *= -0.3;
    }

    if (v < 0) {
      if (EXPLICIT_ANGER.has(tok) && !negated) {
        cues.add('explicit_anger');
        strong = true;
      }
      if (INSULTS.has(tok)) {
        // Aimed at the reader or a third party, not at oneself: "you idiots", "what a joke of a company".
        let aimed = false;
        let self = false;
        for (let j = Math.max(0, i - 4); j <= Math.min(n - 1, i + 3); j++) {
          const t = tokens[j]!;
          if (SECOND_PERSON.has(t) || (j < i && TARGETS.has(t))) aimed = true;
          if (j < i && FIRST_PERSON.has(t)) self = true;
        }
        if (aimed && !self) {
          cues.add('insult');
          strong = true;
          v -= 1.5;
        }
      }
      if (sawBut) negAfterBut += v;
      else neg += v;
    } else if (sawBut) posAfterBut += v;
    else pos += v;
  }

  // Emoji.
  if (HAS_PICTOGRAPH.test(text)) {
    for (const m of text.matchAll(PICTOGRAPH)) {
      const v = EMOJI.get(m[0]) ?? 0;
      if (v < 0) {
        neg += v;
        if (STRONG_EMOJI.has(m[0])) strong = true;
      } else pos += v;
    }
  }

  // "but" shifts the weight to what follows it, as in VADER.
  if (sawBut) {
    neg = neg * 0.5 + negAfterBut * 1.5;
    pos = pos * 0.5 + posAfterBut * 1.5;
  }

  // Sarcasm: a positive opener followed by a complaint, or a sarcastic phrase in a negative message.
  const negativeContext = neg + phraseSum < -0.5 || situation;
  if (n >= 3 && negativeContext) {
    let first = 0;
    if (tokens[0] === 'oh' || tokens[0] === 'well' || tokens[0] === 'wow' || tokens[0] === 'just') first = 1;
    const opener = tokens[first]!;
    const next = tokens[first + 1];
    const breakAfter = CLAUSE_BREAK.test(gaps[first + 1] ?? '') || (next !== undefined && SARCASTIC_OPENERS.has(next));
    if (SARCASTIC_OPENERS.has(opener) && breakAfter && n - first > 2) {
      sarcasm = true;
      cues.add('sarcasm');
      phraseSum -= 2;
    }
  }
  if (negativeContext) {
    for (const rule of conditional) {
      phraseSum += rule.weight;
      if (rule.cue) cues.add(rule.cue);
      sarcasm = true;
    }
  }
  if (sarcasm) pos = -0.5 * pos;

  // Profanity is abuse when aimed at someone or when the message is angry anyway; as a mere
  // intensifier in a plain request ("where's my damn parcel") it is frustration, not anger.
  if (strongProfanity && (aimedProfanity || neg - profanitySum + phraseSum <= -2)) strong = true;

  let raw = pos + neg + phraseSum;
  if (neg <= -2) cues.add('negative_lexicon');

  if (REPEATED_PUNCT.test(text)) {
    if (raw <= 0.5) {
      raw = raw * 1.2 - 0.5;
      cues.add('repeated_punctuation');
    } else raw *= 1.15;
  }
  if (shouting) {
    if (raw <= 0.5) {
      if (raw < -1.5) strong = true;
      raw = raw * 1.5 - 1.5;
      cues.add('all_caps');
    } else raw *= 1.3;
  }

  const score = squash(raw);
  return { raw, score, words: n, strong: strong && score < 0, cues };
}

function toMessage(score: number, strong: boolean, cues: ReadonlySet<SentimentCue>, floor?: SentimentLabel): MessageSentiment {
  let label = labelOf(score, strong, cues);
  if (floor && labelRank(floor) > labelRank(label)) label = floor;
  return { label, score: round(score), cues: CUE_ORDER.filter((c) => cues.has(c)) };
}

/**
 * Reads one message on its own. Use it where there is no conversation yet; prefer
 * `assessSentiment` for decisions, which also weighs how the tone moves across turns.
 */
export function scoreMessage(text: string): MessageSentiment {
  const a = analyse(typeof text === 'string' ? text : '');
  return toMessage(a.score, a.strong, a.cues);
}

/** Words that dismiss an answer outright: "no", "wrong", "that's not what I asked". */
const DISMISSALS: readonly string[][] = [
  ['not', 'what', 'i', 'asked'], ['not', 'what', 'i', 'meant'], ['didnt', 'answer'],
  ['not', 'helpful'], ['no', 'help'], ['doesnt', 'help'], ['didnt', 'help'], ['useless'], ['nope'],
  ['thats', 'wrong'], ['wrong', 'answer'], ['thats', 'not', 'it'], ['pointless'], ['irrelevant'],
  ['read', 'my', 'question'], ['already', 'tried', 'that'], ['already', 'did', 'that'],
  ['i', 'already', 'told'], ['not', 'my', 'question'], ['you', 'didnt', 'listen'],
];

function dismisses(text: string): boolean {
  const toks: string[] = [];
  for (const m of normalizeText(text.slice(0, 400)).matchAll(WORD)) toks.push(m[0].replace(/'/g, ''));
  for (let i = 0; i < toks.length; i++) {
    for (const d of DISMISSALS) {
      if (d.every((w, j) => toks[i + j] === w)) return true;
    }
  }
  return false;
}

/** Cues that are tone, not mere wording: the ones an angry short reply shows. */
const HEATED: readonly SentimentCue[] = [
  'explicit_anger', 'profanity', 'insult', 'threat', 'sarcasm', 'exasperation', 'impatience',
  'all_caps', 'repeated_punctuation',
];

/**
 * Reads the whole conversation at its last customer turn. The policy acts on this, not on
 * `scoreMessage`, because frustration often shows only across turns: a tone that sharpens
 * turn after turn, a curt "useless" right after an answer, a burst of messages with no reply,
 * messages that grow longer and angrier.
 */
export function assessSentiment(turns: Turn[]): SentimentTrend {
  const customer: { index: number; a: Analysis }[] = [];
  const out: MessageSentiment[] = [];
  let lastCues = new Set<SentimentCue>();
  let lastScore = 0;

  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t]!;
    if (turn.role !== 'customer') continue;
    const a = analyse(typeof turn.text === 'string' ? turn.text : '');
    const k = customer.length;
    customer.push({ index: t, a });
    const cues = new Set(a.cues);
    let score = a.score;
    let floor: SentimentLabel | undefined;
    const prev = k > 0 ? customer[k - 1]! : undefined;

    // Tone sharpening over three customer turns.
    if (k >= 2 && prev) {
      const first = customer[k - 2]!.a.score;
      if (first > prev.a.score && prev.a.score > a.score && first - a.score >= 0.3 && a.score <= -0.1) {
        cues.add('escalating_tone');
        score -= 0.15;
        floor = 'frustrated';
      }
    }

    // A short, heated reply right after an AI answer.
    let before = t - 1;
    while (before >= 0 && turns[before]!.role === 'system') before--;
    if (before >= 0 && turns[before]!.role === 'ai' && a.words <= SHORT_WORDS && a.words > 0) {
      const heated = HEATED.some((c) => a.cues.has(c)) || a.score <= -0.35;
      if (heated || dismisses(turn.text)) {
        cues.add('angry_follow_up');
        score -= 0.2;
        floor = 'frustrated';
      }
    }

    // Messages sent in a burst with no reply in between.
    if (prev && prev.index === before && typeof turn.at === 'number' && typeof turns[prev.index]!.at === 'number') {
      let burst = 1;
      for (let j = k; j > 0; j--) {
        const cur = turns[customer[j]!.index]!;
        const earlier = customer[j - 1]!;
        const gapTurn = turns[earlier.index]!;
        let between = false;
        for (let x = earlier.index + 1; x < customer[j]!.index; x++) if (turns[x]!.role !== 'system') between = true;
        if (between || typeof cur.at !== 'number' || typeof gapTurn.at !== 'number') break;
        const gap = cur.at - gapTurn.at;
        if (!(gap >= 0 && gap <= RAPID_MS)) break;
        burst++;
      }
      // Splitting one thought over several lines is normal; a burst only adds to a tone that
      // is already heated.
      const heated = HEATED.some((c) => a.cues.has(c));
      if (burst >= 2 && a.score <= 0.1) {
        cues.add('rapid_follow_up');
        if (heated || a.score <= -0.3) score -= Math.min(0.2, 0.1 * (burst - 1));
        if (burst >= 3 && heated) floor = 'frustrated';
      }
    }

    // Longer and more negative than the previous message.
    if (prev) {
      const grew = a.words >= 12 && a.words >= prev.a.words * 1.5;
      if (grew && a.score <= -0.2 && a.score < prev.a.score - 0.1) {
        cues.add('growing_length');
        score -= 0.1;
      }
    }

    score = Math.max(-1, Math.min(1, score));
    out.push(toMessage(score, a.strong, cues, floor));
    lastCues = cues;
    lastScore = score;
  }

  const lastMsg = out.at(-1);
  if (!lastMsg) return { label: 'neutral', score: 0, turns: [], direction: 'steady', frustratedStreak: 0, cues: [] };

  let direction: SentimentTrend['direction'] = 'steady';
  if (out.length >= 2) {
    const earlier = out.slice(-3, -1);
    const mean = earlier.reduce((s, m) => s + m.score, 0) / earlier.length;
    const rankDelta = labelRank(lastMsg.label) - labelRank(out[out.length - 2]!.label);
    if (lastScore - mean <= -0.2 || rankDelta > 0) direction = 'worsening';
    else if (lastScore - mean >= 0.2 || rankDelta < 0) direction = 'improving';
  }

  let frustratedStreak = 0;
  for (let i = out.length - 1; i >= 0 && labelRank(out[i]!.label) >= 2; i--) frustratedStreak++;
  return {
    label: lastMsg.label,
    score: lastMsg.score,
    turns: out,
    direction,
    frustratedStreak,
    cues: CUE_ORDER.filter((c) => lastCues.has(c)),
  };
}
