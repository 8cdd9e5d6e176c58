import type { Sql } from '../../adapters/db/database.js';
import { durationHistograms as histogramsOf } from '../../adapters/db/repositories/metrics.repository.js';

/** Bucket bounds, in seconds: 30 s to 4 h. */
export const DURATION_BUCKETS = [30, 60, 120, 300, 600, 1800, 3600, 7200, 14400] as const;

const HISTOGRAMS = [
  { name: 'baton_time_to_human_seconds', help: 'Seconds from the handoff request to the first human message, by priority', end: 'firstHumanReplyAt' },
  { name: 'baton_handoff_acceptance_seconds', help: 'Seconds from the handoff request to acceptance, by priority', end: 'acceptedAt' },
] as const;

/**
 * Prometheus histograms of time to human and acceptance time, in the text exposition format,
 * computed from the handoffs table in one query each. They are cumulative over every handoff ever
 * stored, so they behave as counters (only grow) and any node serves the same numbers; rates and
 * quantiles over a window come from `rate()` and `histogram_quantile()` in PromQL.
 */
export async function durationHistograms(db: Sql): Promise<string> {
  const out: string[] = [];
  for (const h of HISTOGRAMS) {
    out.push(`# HELP ${h.name} ${h.help}`, `# TYPE ${h.name} histogram`);
    for (const r of await histogramsOf(db, h.end, DURATION_BUCKETS)) {
      const p = `priority="${r.priority.replace(/["\\\n]/g, '_')}"`;
      DURATION_BUCKETS.forEach((b, i) => out.push(`${h.name}_bucket{${p},le="${b}"} ${r.buckets[i] ?? 0}`));
      out.push(`${h.name}_bucket{${p},le="+Inf"} ${r.n}`, `${h.name}_sum{${p}} ${r.sum}`, `${h.name}_count{${p}} ${r.n}`);
    }
  }
  return `${out.join('\n')}\n`;
}
