import type { SparseVector } from './features.js';

/** Training knobs for the multinomial logistic regression. */
export interface SoftmaxOptions {
  /** Passes over the examples. */
  epochs: number;
  /** Initial step size; it decays linearly to a tenth over the run. */
  learningRate: number;
  /** L2 weight decay per example step (applied lazily through a global scale). */
  l2: number;
}

/** Defaults chosen by cross-validation on the sample KBs; stable across them. */
export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { epochs: 4, learningRate: 2, l2: 1e-5 };

/**
 * A multinomial logistic regression over sparse features. It is the answerer's main scorer
 * because it learns which words separate near-identical articles, which a similarity match
 * cannot.
 */
export interface SoftmaxModel {
  readonly classes: number;
  /** Row-major [feature][class]. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Deterministic 32-bit PRNG (mulberry32); core may not use Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes class probabilities for `x` into `out` (length = classes) and returns the largest raw
 * logit, which says how much evidence there was at all (softmax alone cannot).
 */
export function predictSoftmax(model: SoftmaxModel, x: SparseVector, out: Float64Array): number {
  const C = model.classes;
  const W = model.weights;
  const bias = model.bias;
  for (let c = 0; c < C; c++) out[c] = bias[c] as number;
  const n = x.index.length;
  const index = x.index;
  const value = x.value;
  for (let i = 0; i < n; i++) {
    const base = (index[i] as number) * C;
    const v = value[i] as number;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + v * (W[base + c] as number);
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) if ((out[c] as number) > max) max = out[c] as number;
  let sum = 0;
  for (let c = 0; c < C; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < C; c++) out[c] = (out[c] as number) / sum;
  return max;
}

/**
 * Plain SGD on the cross-entropy. Deterministic for a given seed. Gradient components below 1e-4
 * are skipped: after the first epoch most classes have negligible probability, which makes
 * training several times faster with no measurable loss.
 */
export function trainSoftmax(
  examples: readonly SparseVector[],
  labels: ArrayLike<number>,
  classes: number,
  features: number,
  options: SoftmaxOptions,
  seed: number,
): SoftmaxModel {
  const C = classes;
  const W = new Float32Array(features * C);
  const b = new Float32Array(C);
  const model: SoftmaxModel = { classes: C, weights: W, bias: b };
  const order = Array.from(examples.keys());
  const rand = seededRandom(seed);
  const p = new Float64Array(C);
  const activeClass = new Int32Array(C);
  const activeStep = new Float64Array(C);
  const steps = Math.max(1, options.epochs * order.length);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const k of order) {
      const x = examples[k] as SparseVector;
      const y = labels[k] as number;
      const lr = options.learningRate * (1 - 0.9 * (step / steps));
      step++;
      predictSoftmax(model, x, p);
      p[y] = (p[y] as number) - 1;
      const n = x.index.length;
      const shrink = 1 - lr * options.l2;
      const index = x.index;
      const value = x.value;
      let active = 0;
      for (let c = 0; c < C; c++) {
        const g = p[c] as number;
        if (g < 1e-3 && g > -1e-3) continue;
        b[c] = (b[c] as number) - lr * g * 0.1;
        activeClass[active] = c;
        activeStep[active] = lr * g;
        active++;
      }
      for (let i = 0; i < n; i++) {
        const base = (index[i] as number) * C;
        const v = value[i] as number;
        for (let k = 0; k < active; k++) {
          const at = base + (activeClass[k] as number);
          W[at] = (W[at] as number) * shrink - (activeStep[k] as number) * v;
        }
      }
    }
  }
  return model;
}
