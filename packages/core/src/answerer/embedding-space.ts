/**
 * The KB's example questions as sentence vectors: for a message's vector, how close it comes to
 * each article's nearest example. Vectors are unit length, so the dot product is the cosine.
 * Kept as one flat Float32Array so a 3,000-question KB is scanned in about a millisecond.
 */
export class EmbeddingSpace {
  private readonly matrix: Float32Array;
  private readonly labels: Int32Array;
  readonly size: number;

  constructor(
    vectors: readonly Float32Array[],
    labels: readonly number[],
    readonly classes: number,
    readonly dimensions: number,
  ) {
    this.size = vectors.length;
    this.matrix = new Float32Array(vectors.length * dimensions);
    vectors.forEach((v, i) => this.matrix.set(v.subarray(0, dimensions), i * dimensions));
    this.labels = Int32Array.from(labels);
  }

  /**
   * Per article, the cosine of the message to its nearest example, written into `out` (which
   * starts at -1 for articles with no example here). Returns the best over all articles.
   */
  similarities(query: Float32Array, out: Float64Array): number {
    out.fill(-1);
    const d = this.dimensions;
    const m = this.matrix;
    let best = -1;
    for (let r = 0; r < this.size; r++) {
      let dot = 0;
      const base = r * d;
      for (let k = 0; k < d; k++) dot += (m[base + k] as number) * (query[k] as number);
      const c = this.labels[r] as number;
      if (dot > (out[c] as number)) out[c] = dot;
      if (dot > best) best = dot;
    }
    return best;
  }

  /** Each row's vector (views into the matrix, not copies). */
  rows(): Float32Array[] {
    const d = this.dimensions;
    return Array.from({ length: this.size }, (_, r) => this.matrix.subarray(r * d, (r + 1) * d));
  }

  /** Each row's article index. */
  rowLabels(): Int32Array {
    return this.labels;
  }

  /** A copy holding only the rows `keep` (for the out-of-fold calibration). */
  subset(keep: readonly number[]): EmbeddingSpace {
    const d = this.dimensions;
    const vectors = keep.map((i) => this.matrix.subarray(i * d, (i + 1) * d));
    return new EmbeddingSpace(vectors, keep.map((i) => this.labels[i] as number), this.classes, d);
  }
}
