import type { SentenceEncoder } from '../semantic/sentence-encoder.js';

/**
 * A sentence encoder for core's tests: texts in one of `groups` share a meaning (nearly the same
 * vector); any other text gets a vector of its own, far from the rest. Deterministic, and it
 * counts what it was asked, so a test can check the cascade. `fail` makes every call reject.
 */
export class ScriptedEncoder implements SentenceEncoder {
  readonly name = 'scripted@1';
  readonly dimensions = 64;
  /** Every text passed to `embed`, in order. */
  readonly asked: string[] = [];
  fail = false;
  private readonly groupOf = new Map<string, number>();

  constructor(groups: readonly (readonly string[])[] = []) {
    groups.forEach((g, i) => g.forEach((t) => this.groupOf.set(t, i)));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.asked.push(...texts);
    if (this.fail) throw new Error('scripted failure');
    return texts.map((t) => this.vector(t));
  }

  /** The vector of one text: its group's direction with a small text-specific wobble. */
  vector(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    const group = this.groupOf.get(text);
    const h = hash(text);
    if (group !== undefined) {
      v[group % this.dimensions] = 1;
      const wobble = (h % (this.dimensions - 1)) + 1;
      v[wobble] = (v[wobble] as number) + 0.15;
    } else {
      // Spread over a few axes chosen by the text, so unrelated texts are nearly orthogonal.
      for (let k = 0; k < 4; k++) {
        const axis = (hash(`${k}:${text}`) % (this.dimensions - 32)) + 32;
        v[axis] = (v[axis] as number) + 1;
      }
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
    return v;
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
