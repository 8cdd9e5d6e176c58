/**
 * Sentiment and frustration, per message and across turns.
 *
 * The policy escalates on `upset`, or on `frustrated` twice in a row, so the two labels have
 * different jobs: `frustrated` is the sensitive one (any clear negativity aimed at the
 * situation), `upset` is reserved for messages with strong evidence of anger — profanity,
 * insults, threats, words that name anger, shouting — so that a calm customer with a bad
 * problem ("I lost my card") is never escalated on tone alone.
 *
 * One message is read in stages (sentiment-stages.ts): tokens; phrase rules and complaint
 * patterns (complaint-patterns.ts: waiting, hold, asking again, sarcasm, giving up, broken
 * promises, being ignored, disappointment); word valences from two lexicons (AFINN through the
 * `sentiment` package with Baton's overrides, and wink-sentiment's as a second opinion);
 * then a combination that reads sarcasm and softens a calm frame (a polite request, a plain
 * question), and a label. This file adds the across-turn rules.
 */
import type { Turn } from '../conversation.js';
import { normalizeText } from '../text/normalize.js';
import { analyse, labelOf, type Analysis, type MessageCue, type SentimentLabel } from './sentiment-stages.js';
import { graphemePrefix } from '../text/clip-text.js';

export type { SentimentLabel } from './sentiment-stages.js';

/**
 * One piece of evidence for a negative reading. Cues explain a label to the agent ("why did it
 * escalate?"), so they are only reported when they pushed the message towards negative: an
 * excited "Thank you!!!" carries no `repeated_punctuation` cue. Complaint families (`waiting`,
 * `on_hold`, `asked_again`, `giving_up`, `broken_promise`, `ignored`, `disappointment`) name
 * the kind of complaint; the pattern behind each is in `evidence`.
 */
export type SentimentCue =
  | MessageCue
  | 'escalating_tone'
  | 'angry_follow_up'
  | 'unresolved_after_answer'
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
  /**
   * The complaint patterns behind the cues, as `family/name` ("waiting/elapsed_time"), in the
   * order they appear; absent when none matched, so calm readings keep their old shape.
   */
  evidence?: string[];
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
  /** Complaint patterns of the last customer turn, as in `MessageSentiment.evidence`. */
  evidence?: string[];
}

/** Customer turns this close together (ms), with no reply between, are rapid follow-ups. */
const RAPID_MS = 30_000;
/** A follow-up of at most this many words is "short". */
const SHORT_WORDS = 12;

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Cue order in the output, so that equal inputs give equal arrays. */
const CUE_ORDER: readonly SentimentCue[] = [
  'explicit_anger', 'profanity', 'insult', 'threat', 'sarcasm', 'exasperation', 'impatience',
  'waiting', 'on_hold', 'asked_again', 'ignored', 'broken_promise', 'giving_up', 'disappointment',
  'negative_lexicon', 'all_caps', 'repeated_punctuation', 'escalating_tone', 'angry_follow_up',
  'unresolved_after_answer', 'rapid_follow_up', 'growing_length',
];

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Labels by how angry they are, for "at least frustrated" and direction. */
function labelRank(label: SentimentLabel): number {
  return label === 'positive' ? 0 : label === 'neutral' ? 1 : label === 'frustrated' ? 2 : 3;
}

function toMessage(
  score: number,
  strong: boolean,
  cues: ReadonlySet<SentimentCue>,
  evidence: readonly string[],
  floor?: SentimentLabel,
): MessageSentiment {
  let label = labelOf(score, strong, cues);
  if (floor && labelRank(floor) > labelRank(label)) label = floor;
  const out: MessageSentiment = { label, score: round(score), cues: CUE_ORDER.filter((c) => cues.has(c)) };
  if (evidence.length > 0) out.evidence = [...evidence];
  return out;
}

/**
 * Reads one message on its own. Use it where there is no conversation yet; prefer
 * `assessSentiment` for decisions, which also weighs how the tone moves across turns.
 */
export function scoreMessage(text: string): MessageSentiment {
  const a = analyse(typeof text === 'string' ? text : '');
  return toMessage(a.score, a.strong, a.cues, a.evidence);
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
  for (const m of normalizeText(graphemePrefix(text, 400)).matchAll(WORD)) toks.push(m[0].replace(/'/g, ''));
  for (let i = 0; i < toks.length; i++) {
    for (const d of DISMISSALS) {
      if (d.every((w, j) => toks[i + j] === w)) return true;
    }
  }
  return false;
}

/** Cues that are tone, not mere wording: the ones an angry short reply shows. */
const HEATED: readonly MessageCue[] = [
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
  let lastEvidence: readonly string[] = [];

  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t]!;
    if (turn.role !== 'customer') continue;
    const a = analyse(typeof turn.text === 'string' ? turn.text : '');
    const k = customer.length;
    customer.push({ index: t, a });
    const cues = new Set<SentimentCue>(a.cues);
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

    // The problem persists after an answer: "it still doesn't work", "again, where is my
    // refund?", "same error". The answer did not help, and the customer has now had to come back.
    if (before >= 0 && turns[before]!.role === 'ai' && a.persisting && a.score <= 0.1) {
      cues.add('unresolved_after_answer');
      score -= 0.2;
      floor = 'frustrated';
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
    out.push(toMessage(score, a.strong, cues, a.evidence, floor));
    lastCues = cues;
    lastScore = score;
    lastEvidence = a.evidence;
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
  const trend: SentimentTrend = {
    label: lastMsg.label,
    score: lastMsg.score,
    turns: out,
    direction,
    frustratedStreak,
    cues: CUE_ORDER.filter((c) => lastCues.has(c)),
  };
  if (lastEvidence.length > 0) trend.evidence = [...lastEvidence];
  return trend;
}
