/**
 * A second polarity opinion: wink-sentiment's lexicon (AFINN-165 with its own additions, word
 * pairs, emoticons and emoji) and its way of scoring, run over Baton's tokens.
 *
 * Why not call `wink-sentiment` itself: its tokenizer is quadratic on long unbroken input (a
 * 100 kB word takes about 40 s on Node 20) and costs twice Baton's whole scorer per message,
 * and its tables are plain objects, so a token such as "constructor" reads an inherited
 * property. Here the tables become Maps once, and the scoring is a single pass, so any input
 * is linear-time.
 *
 * wink's scoring differs from Baton's AFINN sum, which is what makes it a second opinion: it
 * averages the scored words (long messages are damped further by their length), averages
 * hashtags separately, flips the sign of a word after a negation within two words ("not
 * good" is -3, "not bad" +3), and reads emoticons (":(") that Baton's AFINN pass ignores.
 */
import afinn from 'wink-sentiment/src/afinn-en-165.js';
import bigrams from 'wink-sentiment/src/afinn-en-165-2grams.js';
import emojis from 'wink-sentiment/src/emojis.js';
import emoticons from 'wink-sentiment/src/emoticons.js';
import negations from 'wink-sentiment/src/negations.js';

const WORDS = new Map<string, number>(Object.entries(afinn));
const PAIRS = new Map<string, ReadonlyMap<string, number>>(
  Object.entries(bigrams).map(([first, seconds]) => [first, new Map(Object.entries(seconds))]),
);
const EMOTICONS = new Map<string, number>(Object.entries(emoticons));
const EMOJIS = new Map<string, number>(Object.entries(emojis));
/**
 * wink's tokenizer splits "didn't" into "did" + "n't" and negates after "n't"; Baton's tokens
 * keep "didnt" whole, so every such contraction is a negation here.
 */
const NEGATIONS = new Set([
  ...Object.keys(negations).filter((k) => negations[k] === true),
  'didnt', 'doesnt', 'dont', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'couldnt', 'shouldnt',
  'wouldnt', 'wont', 'havent', 'hasnt', 'hadnt', 'aint', 'mustnt', 'neednt',
]);
const isNegation = (tok: string | undefined): boolean => tok !== undefined && NEGATIONS.has(tok);

/** wink's assumed average sentence length, in words, beyond which a score is damped. */
const AVERAGE_LENGTH = 15;
const EMOTICON_HINT = /[:;=][-']?[()[\]{}|\\/DPpOoSs*3]|[()[\]][-]?[:;=]/;
const CHUNK = /\S+/g;
const TRAILING = /[.,!?]+$/;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** What wink's scoring needs to know about the message, from Baton's tokeniser. */
export interface WinkInput {
  /** The (length-capped) original text, for emoticons and emoji. */
  text: string;
  /** Lowercased word tokens. */
  tokens: readonly string[];
  /** For each token, whether it was written as a hashtag. */
  hashtag: readonly boolean[];
}

/** How Baton adapts wink's reading to support text; both are optional. */
export interface WinkOptions {
  /**
   * Corrects a word's valence for the domain: "support" names a department, "lost" a
   * problem rather than a mood. Gets the token and wink's valence, returns the one to use.
   */
  adjust?: (token: string, valence: number) => number;
  /** Tokens already explained by a phrase rule ("thanks for nothing"), which wink skips. */
  skip?: ArrayLike<number>;
}

/**
 * wink-sentiment's normalised score of the message, -5 (very negative) .. +5, 0 when it
 * carries no scored word.
 */
export function winkOpinion(input: WinkInput, options: WinkOptions = {}): number {
  const { adjust, skip } = options;
  const { tokens, hashtag } = input;
  let words = 0;
  let scored = 0;
  let sum = 0;
  let tagSum = 0;
  let tags = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (skip?.[k]) continue;
    if (hashtag[k]) {
      const v = WORDS.get(tok);
      if (v) {
        tagSum += v;
        tags++;
      }
      continue;
    }
    let v: number;
    let width = 1;
    const pair = k + 1 < tokens.length ? PAIRS.get(tok)?.get(tokens[k + 1]!) : undefined;
    if (pair !== undefined) {
      v = pair;
      width = 2;
    } else {
      v = WORDS.get(tok) ?? 0;
      if (v !== 0 && adjust) v = adjust(tok, v);
    }
    if (isNegation(tokens[k - 1]) || isNegation(tokens[k - 2])) v = -v;
    sum += v;
    if (v) scored++;
    words += width;
    k += width - 1;
  }

  if (EMOTICON_HINT.test(input.text)) {
    for (const m of input.text.matchAll(CHUNK)) {
      const v = EMOTICONS.get(m[0]) ?? EMOTICONS.get(m[0].replace(TRAILING, ''));
      if (v === undefined) continue;
      words++;
      if (v) {
        sum += v;
        scored++;
      }
    }
  }
  if (HAS_PICTOGRAPH.test(input.text)) {
    for (const m of input.text.matchAll(PICTOGRAPH)) {
      const v = EMOJIS.get(m[0]);
      words++;
      if (v) {
        sum += v;
        scored++;
      }
    }
  }

  const tagScore = tags ? tagSum / tags : 0;
  const wordScore = scored ? sum / scored / Math.sqrt(words > AVERAGE_LENGTH ? words / AVERAGE_LENGTH : 1) : 0;
  return tagScore && wordScore ? (tagScore + wordScore) / 2 : wordScore || tagScore;
}
