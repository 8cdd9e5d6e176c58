import type { Sql } from '../../adapters/db/database.js';

/** Bucket bounds, in seconds: 30 s to 4 h. */
export const DURATION_BUCKETS = [30, 60, 120, 300, 600, 1800, 3600, 7200, 14400] as const;

const HISTOGRAMS = [
  { name: 'baton_time_to_human_seconds', help: 'Seconds from the handoff request to the first human message, by priority', end: 'first_human_reply_at' },
  { name: 'baton_handoff_acceptance_seconds', help: 'Seconds from the handoff request to acceptance, by priority', end: 'accepted_at' },
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
    const v = `extract(epoch from (${h.end} - created_at))`;
    const rows = await db.query<Record<string, number | string | null>>(
      `select priority, ${DURATION_BUCKETS.map((b, i) => `count(*) filter (where ${v} <= ${b})::int as b${i}`).join(', ')}, coalesce(sum(${v}), 0)::float as sum, count(*)::int as n
         from handoffs where ${h.end} is not null group by priority order by priority`,
    );
    out.push(`# HELP ${h.name} ${h.help}`, `# TYPE ${h.name} histogram`);
    for (const r of rows) {
      const p = `priority="${String(r.priority).replace(/["\\\n]/g, '_')}"`;
      DURATION_BUCKETS.forEach((b, i) => out.push(`${h.name}_bucket{${p},le="${b}"} ${Number(r[`b${i}`] ?? 0)}`));
      out.push(`${h.name}_bucket{${p},le="+Inf"} ${Number(r.n ?? 0)}`, `${h.name}_sum{${p}} ${Number(r.sum ?? 0)}`, `${h.name}_count{${p}} ${Number(r.n ?? 0)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
