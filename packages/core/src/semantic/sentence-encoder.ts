/**
 * The port to a sentence encoder: a model that turns a sentence into a unit-length vector, so
 * that two wordings of the same need land close together. Core never loads a model itself; the
 * server, the CLI and tests hand one in. Everything in core that uses it also works without it,
 * on the lexical path alone.
 */
export interface SentenceEncoder {
  /** A stable name of the model and its version, e.g. `use-lite-512@0.2.0`; part of every cache key. */
  readonly name: string;
  /** Length of every vector it returns. */
  readonly dimensions: number;
  /**
   * Vectors for `texts`, in order, each of length `dimensions` and unit L2 norm. Implementations
   * batch concurrent calls and never embed the same text twice; callers may pass duplicates.
   * Rejects only when the model itself fails; callers then fall back to the lexical path.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Cosine similarity of two unit vectors of the same length (their dot product). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}
