import { stem } from '../text/normalize.js';
import type { SparseVector } from './features.js';
import { NeighbourIndex } from './neighbours.js';

/** A message seen as IDF-weighted stemmed words, ready to compare with the KB's questions. */
export interface WordQuery {
  /** Word ids known to the KB, with their IDF; unknown words are only counted. */
  readonly ids: Int32Array;
  readonly idf: Float64Array;
  /** IDF mass of all the message's distinct words, known or not. */
  readonly totalIdf: number;
  /** Share of the message's distinct words never seen in the KB. */
  readonly unknownShare: number;
  /** Best cosine per class, and overall. */
  readonly similarity: Float64Array;
  readonly bestSimilarity: number;
}

/**
 * The word-level view of the KB: nearest example question by IDF-weighted cosine, and which words
 * each article has ever been asked with. It is kept apart from the classifier's features because
 * character n-grams make every English sentence look a little alike, which blurs "is this about
 * anything we know" — the question out-of-scope detection asks.
 */
export class WordSpace {
  private readonly ids = new Map<string, number>();
  private readonly idfById: Float64Array;
  private readonly unknownIdf: number;
  private readonly index: NeighbourIndex;
  private readonly classWords: Array<Set<number>>;

  constructor(
    examples: readonly (readonly string[])[],
    labels: readonly number[],
    private readonly classes: number,
  ) {
    const df: number[] = [];
    const stemsOf = examples.map((tokens) => {
      const seen = new Set<number>();
      for (const t of tokens) {
        const s = stem(t);
        let id = this.ids.get(s);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(s, id);
          df.push(0);
        }
        if (!seen.has(id)) {
          seen.add(id);
          df[id] = (df[id] as number) + 1;
        }
      }
      return seen;
    });
    const n = examples.length;
    this.idfById = Float64Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
    this.unknownIdf = Math.log(n + 1) + 1;
    this.index = new NeighbourIndex(classes);
    this.classWords = Array.from({ length: classes }, () => new Set<number>());
    stemsOf.forEach((set, i) => {
      const label = labels[i] as number;
      const words = this.classWords[label] as Set<number>;
      for (const id of set) words.add(id);
      this.index.add(this.vector([...set]), label);
    });
  }

  private vector(ids: readonly number[]): SparseVector {
    let norm = 0;
    for (const id of ids) norm += (this.idfById[id] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    return {
      index: Int32Array.from(ids),
      value: Float32Array.from(ids, (id) => (this.idfById[id] as number) / norm),
      unseenMass: 0,
    };
  }

  /** Whether the KB's questions ever use this word (after stemming). */
  knows(word: string): boolean {
    return this.ids.has(stem(word));
  }

  /** Whether the questions of one article ever use this word (after stemming). */
  articleKnows(word: string, label: number): boolean {
    const id = this.ids.get(stem(word));
    return id !== undefined && (this.classWords[label]?.has(id) ?? false);
  }

  query(tokens: readonly string[]): WordQuery {
    const known: number[] = [];
    const distinct = new Set<string>();
    let total = 0;
    let unknown = 0;
    let unknownMass = 0;
    for (const t of tokens) {
      const s = stem(t);
      if (distinct.has(s)) continue;
      distinct.add(s);
      const id = this.ids.get(s);
      if (id === undefined) {
        unknown++;
        unknownMass += this.unknownIdf ** 2;
        total += this.unknownIdf;
      } else {
        known.push(id);
        total += this.idfById[id] as number;
      }
    }
    const v = this.vector(known);
    // Unknown words still count in the norm: a message half made of foreign words is half as close.
    let knownMass = 0;
    for (const id of known) knownMass += (this.idfById[id] as number) ** 2;
    const scale = knownMass + unknownMass > 0 ? Math.sqrt(knownMass / (knownMass + unknownMass)) : 0;
    for (let i = 0; i < v.value.length; i++) v.value[i] = (v.value[i] as number) * scale;
    const similarity = new Float64Array(this.classes);
    const bestSimilarity = this.index.bestPerClass(v, similarity);
    return {
      ids: v.index,
      idf: Float64Array.from(known, (id) => this.idfById[id] as number),
      totalIdf: total,
      unknownShare: distinct.size ? unknown / distinct.size : 1,
      similarity,
      bestSimilarity,
    };
  }

  /** Share of the message's IDF mass made of words this class has been asked with. */
  coverage(q: WordQuery, cls: number): number {
    const words = this.classWords[cls];
    if (!words || q.totalIdf <= 0) return 0;
    let hit = 0;
    for (let i = 0; i < q.ids.length; i++) if (words.has(q.ids[i] as number)) hit += q.idf[i] as number;
    return hit / q.totalIdf;
  }
}
