import { stem, tokenize } from '../text/normalize.js';
import { graphemePrefix } from '../text/clip-text.js';

/**
 * Turning a customer message into weighted sparse features. The weights of the three groups
 * (stemmed words, stemmed word pairs, character n-grams of each word) are knobs because they trade
 * exact wording (CLINC) against robustness to typos (Bitext retail).
 */
export interface FeatureWeights {
  /** Weight of each stemmed word. */
  unigram: number;
  /** Weight of each adjacent pair of stemmed words. */
  bigram: number;
  /** Total weight shared by a word's character n-grams (so long words do not dominate). */
  charGrams: number;
}

/** Defaults found by cross-validation on the KB questions of all three sample KBs. */
export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { unigram: 1, bigram: 0.6, charGrams: 1.2 };

/** Caps the work done on a huge message: the answerer is on the hot path. */
const MAX_TOKENS = 200;
const NUMBER = /\d/;

/**
 * The tokens the answerer reasons about: lowercased, numbers folded into one token (order ids
 * and amounts carry no intent), capped in count.
 */
export function answerTokens(text: string): string[] {
  const raw = tokenize(graphemePrefix(text, 20_000));
  const out: string[] = [];
  for (const t of raw) {
    out.push(NUMBER.test(t) ? '0' : t);
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/**
 * Calls `emit` for each feature of the token list. Features are strings so that the caller decides
 * whether unseen ones are counted (for the norm) or dropped.
 */
export function forEachFeature(
  tokens: readonly string[],
  weights: FeatureWeights,
  emit: (feature: string, weight: number) => void,
): void {
  let prev = '^';
  for (const tok of tokens) {
    const s = stem(tok);
    if (weights.unigram > 0) emit('w:' + s, weights.unigram);
    if (weights.bigram > 0) emit('b:' + prev + ' ' + s, weights.bigram);
    prev = s;
    if (weights.charGrams > 0 && tok.length >= 3 && tok !== '0') {
      const padded = '<' + tok + '>';
      const grams: string[] = [];
      for (let n = 3; n <= 4; n++) {
        for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
      }
      const w = weights.charGrams / Math.sqrt(grams.length);
      for (const g of grams) emit('c:' + g, w);
    }
  }
  if (weights.bigram > 0 && tokens.length > 0) emit('b:' + prev + ' $', weights.bigram);
}

/** A sparse vector over a fixed vocabulary, L2-normalised over all its features (seen or not). */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
  /** Share of the vector's squared norm that fell on features outside the vocabulary. */
  readonly unseenMass: number;
}

/** Maps feature strings to dense indices; grows while training, frozen afterwards. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private frozen = false;

  get size(): number {
    return this.ids.size;
  }

  freeze(): void {
    this.frozen = true;
  }

  /** The index of a feature, adding it while the vocabulary is not frozen; -1 when unknown. */
  lookup(feature: string): number {
    const id = this.ids.get(feature);
    if (id !== undefined) return id;
    if (this.frozen) return -1;
    const next = this.ids.size;
    this.ids.set(feature, next);
    return next;
  }

  /** Vectorises tokens, merging repeated features and normalising to unit length. */
  vectorize(tokens: readonly string[], weights: FeatureWeights): SparseVector {
    const acc = new Map<number, number>();
    let unseen = 0;
    let total = 0;
    forEachFeature(tokens, weights, (feature, weight) => {
      const id = this.lookup(feature);
      if (id < 0) {
        unseen += weight * weight;
        total += weight * weight;
        return;
      }
      const before = acc.get(id) ?? 0;
      acc.set(id, before + weight);
      total += (before + weight) ** 2 - before * before;
    });
    const norm = total > 0 ? Math.sqrt(total) : 1;
    const index = new Int32Array(acc.size);
    const value = new Float32Array(acc.size);
    let i = 0;
    for (const [id, w] of acc) {
      index[i] = id;
      value[i] = w / norm;
      i++;
    }
    return { index, value, unseenMass: total > 0 ? unseen / total : 1 };
  }
}
