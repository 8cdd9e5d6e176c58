/**
 * Repetition: the customer asking the same thing again, in other words too (DESIGN §2, and
 * §3 "the same question for the 3rd time").
 *
 * A question is reduced to weighted concepts: content words, stemmed, folded through a small
 * synonym table ("parcel", "package" and "delivery" are one concept; "money back" is
 * "refund"), with question words kept at a low weight because "where" versus "cancel" is
 * what separates "where is my order" from "cancel my order". Two questions are compared by a
 * weighted soft Dice over those concepts, in which a word that is one typo away from a word
 * on the other side ("paymnet" / "payment", checked by character trigrams and edit distance)
 * counts almost as a match.
 */
import { normalizeText, stem } from '../text/normalize.js';
import { graphemePrefix } from '../text/clip-text.js';

/** The earlier customer turn that the current message repeats. */
export interface Repetition {
  /** Index of the earlier customer turn in the array passed. */
  turnIndex: number;
  /** 0..1, from {@link questionSimilarity}. */
  similarity: number;
}

/** Options for {@link findRepetition}. */
export interface RepetitionOptions {
  /** Minimum similarity that counts as a repeat. Default {@link DEFAULT_REPETITION_THRESHOLD}. */
  threshold?: number;
}

/**
 * 0.6: paraphrases of one question score 0.7-1.0, and questions that share only the topic
 * ("where is my order" / "cancel my order") score 0.4-0.5.
 */
export const DEFAULT_REPETITION_THRESHOLD = 0.6;

/** Only the start of a message is compared: questions are short, and this keeps it linear. */
const MAX_CHARS = 2000;
const MAX_CONCEPTS = 64;

const STOPWORDS = new Set(
  `a an the and or but so if then than that this these those it its is are was were be been being am do does did done
  doing have has had having i im ive id me my mine myself you youre your yours u ur we our ours us they their them he she
  his her him to of in on at by for with from about as into onto over under up down out off again just only also too very
  really still yet already even now then there here some any all no not nor can could would should will shall may might
  must wont cant dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt couldnt wouldnt shouldnt please pls plz kindly
  thanks thank thx ty hi hello hey dear ok okay yes yeah yep sir madam team guys anyone someone somebody anybody what whats
  which who whom whose why how hows something anything thing stuff know tell let get got getting want wanted wanna need
  needed like would help helping try tried trying ever one keep keeps kept every time times always constantly since
  day days week weeks ago today yesterday`.split(/\s+/),
);

/**
 * Question words that carry intent. "where"/"when" ask for status, "how" for a procedure;
 * they are kept, at a low weight, so that they separate questions but never carry one alone.
 */
const INTENT_WORDS: Record<string, string> = {
  where: 'status', wheres: 'status', when: 'status', whens: 'status', whereabouts: 'status', status: 'status',
};

/** Multi-word phrases folded before tokenizing ("money back" is a refund), in one pass. */
const PHRASE =
  /\b(?:(money back|pay(?:ment)? back)|((?:debit|credit|bank) card)|((?:log|sign) ?in)|((?:log|sign) ?out)|(charged (?:twice|two times|double)|double charged?)|((?:not|hasnt|havent|didnt|never) (?:arrived|received|delivered|come|got here)))\b/g;
const PHRASE_REPLACEMENTS = [' refund ', ' card ', ' login ', ' logout ', ' charge twice ', ' arrive '];
const WORD = /[\p{L}\p{N}]+/gu;

/** stem -> concept. Keys are stems as `stem` returns them. */
const SYNONYMS: Record<string, string> = {
  parcel: 'order', package: 'order', packag: 'order', order: 'order', delivery: 'order', shipment: 'order',
  purchase: 'order', item: 'order', stuff: 'order',
  arrive: 'status', arriv: 'status', deliver: 'status', receiv: 'status', receive: 'status', come: 'status',
  ship: 'status', track: 'status', tracking: 'status', dispatch: 'status', late: 'status', delay: 'status',
  // Asking where something is and saying it has not arrived are the same question.
  status: 'status', where: 'status',
  refund: 'refund', reimburse: 'refund', reimburs: 'refund', repay: 'refund', return: 'refund', compensat: 'refund',
  money: 'money', fund: 'money', cash: 'money',
  cancel: 'cancel', stop: 'cancel', terminate: 'cancel', terminat: 'cancel', end: 'cancel', unsubscribe: 'cancel',
  unsubscrib: 'cancel', quit: 'cancel',
  card: 'card', visa: 'card', mastercard: 'card', amex: 'card',
  charge: 'charge', charg: 'charge', bill: 'charge', debit: 'charge', payment: 'charge', pay: 'charge', paid: 'charge',
  deduct: 'charge', transaction: 'charge',
  twice: 'twice', double: 'twice', duplicate: 'twice', duplicat: 'twice',
  password: 'password', passcode: 'password', pwd: 'password', pin: 'password',
  login: 'login', signin: 'login', access: 'login', locked: 'login', lock: 'login',
  change: 'change', chang: 'change', update: 'change', updat: 'change', reset: 'change', modify: 'change', modif: 'change',
  edit: 'change', alter: 'change', switch: 'change',
  subscription: 'subscription', subscrib: 'subscription', plan: 'subscription', membership: 'subscription',
  account: 'account', profile: 'account',
  address: 'address', adress: 'address',
  broken: 'broken', damag: 'broken', damage: 'broken', defect: 'broken', faulty: 'broken', crack: 'broken',
  wrong: 'wrong', incorrect: 'wrong', mistake: 'wrong',
  human: 'human', agent: 'human', person: 'human', representative: 'human', rep: 'human', operator: 'human',
  speak: 'talk', talk: 'talk', chat: 'talk', contact: 'talk', call: 'talk',
  cost: 'price', price: 'price', fee: 'price', much: 'price', expensive: 'price',
  invoice: 'invoice', receipt: 'invoice',
  email: 'email', mail: 'email', 'e-mail': 'email',
};

/** Weights: the topic nouns most support questions share count less than what is asked about them. */
const WEIGHTS: Record<string, number> = { status: 0.7, order: 0.6, account: 0.6, money: 0.8 };
const NUMBER_WEIGHT = 0.8;
const DIFFERENT_NUMBERS_FACTOR = 0.6;

/** The comparable form of a question: concept -> weight, and the word each concept came from. */
interface Features {
  concepts: Map<string, number>;
  /** concept -> the stem it came from, so "paymnet" can still meet "payment" (concept "charge"). */
  source: Map<string, string>;
  numbers: Set<string>;
  total: number;
}

function features(text: string): Features {
  const norm = normalizeText(typeof text === 'string' ? graphemePrefix(text, MAX_CHARS) : '')
    .replace(/'/g, '')
    .replace(PHRASE, (...g: unknown[]) => {
      for (let i = 1; i <= PHRASE_REPLACEMENTS.length; i++) if (g[i]) return PHRASE_REPLACEMENTS[i - 1] ?? ' ';
      return ' ';
    });
  const concepts = new Map<string, number>();
  const source = new Map<string, string>();
  const numbers = new Set<string>();
  let total = 0;
  for (const tok of norm.match(WORD) ?? []) {
    if (concepts.size >= MAX_CONCEPTS) break;
    const intent = INTENT_WORDS[tok];
    let concept: string;
    let weight: number;
    if (intent) {
      concept = intent;
      weight = WEIGHTS[intent] ?? 1;
    } else {
      if (STOPWORDS.has(tok) || tok.length < 2) continue;
      if (/^\d+$/.test(tok)) {
        concept = tok;
        weight = NUMBER_WEIGHT;
        numbers.add(tok);
      } else {
        const s = stem(tok);
        concept = SYNONYMS[tok] ?? SYNONYMS[s] ?? s;
        weight = WEIGHTS[concept] ?? 1;
        if (!source.has(concept)) source.set(concept, s);
      }
    }
    if (!concepts.has(concept)) {
      concepts.set(concept, weight);
      total += weight;
    }
  }
  return { concepts, source, numbers, total };
}

/** Optimal-string-alignment distance, or `max + 1` as soon as it must exceed `max`. */
function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

function trigrams(w: string): Set<string> {
  const padded = ` ${w} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** How far two different concepts count as the same word mistyped: 0, or 0.8 for a typo. */
function typoMatch(a: string, b: string): number {
  // Four-letter words one letter apart are usually different words ("card" / "cart").
  if (a.length < 5 || b.length < 5 || /\d/.test(a) || /\d/.test(b)) return 0;
  const max = Math.min(a.length, b.length) >= 7 ? 2 : 1;
  if (editDistanceWithin(a, b, max) > max) return 0;
  // Trigram overlap guards against short words one letter apart ("card" / "cart").
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size) >= 0.35 ? 0.8 : 0;
}

/** Weighted soft Dice: exact concept matches count fully, typo matches at 0.8. */
function similarity(x: Features, y: Features): number {
  if (x.total === 0 || y.total === 0) return 0;
  let matched = 0;
  const unmatchedX: [string, number][] = [];
  for (const [c, w] of x.concepts) {
    const wy = y.concepts.get(c);
    if (wy !== undefined) matched += w + wy;
    else unmatchedX.push([c, w]);
  }
  if (unmatchedX.length > 0) {
    const usedY = new Set<string>();
    for (const [c, w] of unmatchedX) {
      let best = 0;
      let bestKey = '';
      let bestW = 0;
      for (const [d, wy] of y.concepts) {
        if (x.concepts.has(d) || usedY.has(d)) continue;
        const s = Math.max(typoMatch(c, d), typoMatch(x.source.get(c) ?? c, y.source.get(d) ?? d));
        if (s > best) {
          best = s;
          bestKey = d;
          bestW = wy;
        }
      }
      if (best > 0) {
        usedY.add(bestKey);
        matched += best * (w + bestW);
      }
    }
  }
  let score = matched / (x.total + y.total);
  // "where is order 4821" and "where is order 5532" are two questions, not one asked twice.
  if (x.numbers.size > 0 && y.numbers.size > 0 && ![...x.numbers].some((n) => y.numbers.has(n))) score *= DIFFERENT_NUMBERS_FACTOR;
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

/**
 * How much two customer messages ask the same thing, 0..1, robust to rewording, typos,
 * case and punctuation. Symmetric and deterministic; 0 when either side has no content words
 * ("??", "hello"), because a greeting repeated is not a repeated question.
 */
export function questionSimilarity(a: string, b: string): number {
  return similarity(features(a), features(b));
}

/**
 * Every earlier customer turn that the current one repeats, oldest first: the policy counts
 * them to see "the same question for the 3rd time".
 */
export function findRepetitions(current: string, earlier: readonly string[], opts: RepetitionOptions = {}): Repetition[] {
  const threshold = opts.threshold ?? DEFAULT_REPETITION_THRESHOLD;
  const cur = features(current);
  const out: Repetition[] = [];
  if (cur.total === 0) return out;
  earlier.forEach((text, turnIndex) => {
    const s = similarity(cur, features(text));
    if (s >= threshold && s > 0) out.push({ turnIndex, similarity: s });
  });
  return out;
}

/**
 * Whether the customer is asking again something they already asked: the most similar
 * earlier customer turn at or above the threshold (default
 * {@link DEFAULT_REPETITION_THRESHOLD}), the latest one on a tie, else null.
 */
export function findRepetition(current: string, earlier: readonly string[], opts: RepetitionOptions = {}): Repetition | null {
  let best: Repetition | null = null;
  for (const r of findRepetitions(current, earlier, opts)) {
    if (!best || r.similarity >= best.similarity) best = r;
  }
  return best;
}
