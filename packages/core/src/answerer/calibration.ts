/**
 * A small dense logistic regression that maps the answerer's raw signals to P(right). It is
 * fitted on out-of-fold predictions over the KB's own questions, so the threshold in the policy
 * means the same thing whatever the KB.
 */
export interface Calibrator {
  readonly weights: readonly number[];
  readonly bias: number;
}

/** P(right) for one row of signals. */
export function calibrate(cal: Calibrator, row: readonly number[]): number {
  let z = cal.bias;
  for (let i = 0; i < cal.weights.length; i++) z += (cal.weights[i] ?? 0) * (row[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Newton's method on the L2-regularised log-loss. A handful of features and a few thousand rows
 * converge in a few iterations; Newton avoids tuning a step size.
 */
export function fitCalibrator(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  sampleWeights?: readonly number[],
  l2 = 1e-3,
): Calibrator {
  const d = (rows[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let r = 0; r < rows.length; r++) {
      const x = [1, ...(rows[r] as number[])];
      let z = 0;
      for (let i = 0; i < d; i++) z += (w[i] as number) * (x[i] as number);
      const p = 1 / (1 + Math.exp(-z));
      const sw = sampleWeights ? (sampleWeights[r] as number) : 1;
      const err = sw * (p - (labels[r] as number));
      const s = sw * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        g[i] = (g[i] as number) + err * (x[i] as number);
        const Hi = H[i] as number[];
        for (let j = 0; j < d; j++) Hi[j] = (Hi[j] as number) + s * (x[i] as number) * (x[j] as number);
      }
    }
    const total = sampleWeights ? sampleWeights.reduce((a, b) => a + b, 0) : rows.length;
    for (let i = 1; i < d; i++) {
      g[i] = (g[i] as number) + l2 * total * (w[i] as number);
      (H[i] as number[])[i] = ((H[i] as number[])[i] as number) + l2 * total;
    }
    (H[0] as number[])[0] = ((H[0] as number[])[0] as number) + 1e-9;
    const step = solve(H, g);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i] = (w[i] as number) - (step[i] as number);
      change = Math.max(change, Math.abs(step[i] as number));
    }
    if (change < 1e-6) break;
  }
  return { bias: w[0] as number, weights: w.slice(1) };
}

/** Gaussian elimination with partial pivoting; returns zeros for a singular system. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs((M[r] as number[])[col] as number) > Math.abs((M[pivot] as number[])[col] as number)) pivot = r;
    }
    const tmp = M[col] as number[];
    M[col] = M[pivot] as number[];
    M[pivot] = tmp;
    const P = M[col] as number[];
    const pv = P[col] as number;
    if (Math.abs(pv) < 1e-12) return new Array<number>(n).fill(0);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const R = M[r] as number[];
      const f = (R[col] as number) / pv;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) R[c] = (R[c] as number) - f * (P[c] as number);
    }
  }
  return M.map((row, i) => (row[n] as number) / (row[i] as number));
}
