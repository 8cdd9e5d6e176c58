import type { SparseVector } from './features.js';

/**
 * Cosine similarity to every stored example question, through an inverted index. It gives the
 * answerer a second, model-free opinion and the "how close is the nearest known phrasing" signal
 * that out-of-scope detection relies on.
 */
export class NeighbourIndex {
  private readonly postings: Array<{ ids: number[]; values: number[] }> = [];
  private readonly labels: number[] = [];
  private scratch = new Float64Array(0);

  constructor(private readonly classes: number) {}

  get size(): number {
    return this.labels.length;
  }

  add(x: SparseVector, label: number): void {
    const id = this.labels.length;
    this.labels.push(label);
    for (let i = 0; i < x.index.length; i++) {
      const f = x.index[i] as number;
      let p = this.postings[f];
      if (!p) {
        p = { ids: [], values: [] };
        this.postings[f] = p;
      }
      p.ids.push(id);
      p.values.push(x.value[i] as number);
    }
  }

  /**
   * Best cosine per class into `out` (length = classes); returns the overall best.
   */
  bestPerClass(x: SparseVector, out: Float64Array): number {
    if (this.scratch.length < this.labels.length) this.scratch = new Float64Array(this.labels.length);
    const scratch = this.scratch;
    scratch.fill(0, 0, this.labels.length);
    for (let i = 0; i < x.index.length; i++) {
      const p = this.postings[x.index[i] as number];
      if (!p) continue;
      const v = x.value[i] as number;
      const ids = p.ids;
      const vals = p.values;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] as number;
        scratch[id] = (scratch[id] as number) + v * (vals[j] as number);
      }
    }
    out.fill(0, 0, this.classes);
    let best = 0;
    for (let id = 0; id < this.labels.length; id++) {
      const s = scratch[id] as number;
      const c = this.labels[id] as number;
      if (s > (out[c] as number)) out[c] = s;
      if (s > best) best = s;
    }
    return best;
  }
}
