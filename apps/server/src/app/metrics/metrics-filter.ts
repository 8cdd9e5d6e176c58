export type { MetricsFilter } from '../../adapters/db/repositories/metrics.repository.js';

/** Rounds to three decimals; null stays null (no data is not zero). */
export function round3(v: unknown): number | null {
  return v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000;
}

/** a / b, or null when b is zero. */
export function ratio(a: unknown, b: unknown): number | null {
  const d = Number(b ?? 0);
  return d ? round3(Number(a ?? 0) / d) : null;
}
