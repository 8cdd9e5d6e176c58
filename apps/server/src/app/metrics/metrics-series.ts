import type { TSeriesPoint } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { MetricsFilter } from './metrics-filter.js';
import { CONVERSATION_WHERE, HANDOFF_WHERE, filterParams, ratio, round3 } from './metrics-filter.js';
import { CSAT_CLASS } from './csat-class.js';

/** One bucket of the chart series (the shape is in the contracts). */
export type SeriesPoint = TSeriesPoint;

/** Hourly buckets for ranges under three days, daily otherwise. */
export type Bucket = 'hour' | 'day';

const MAX_BUCKETS = 1000;
const HOUR = 3_600_000;

/** The bucket for a period: hours under three days, days otherwise. */
export function bucketFor(from: Date, to: Date): Bucket {
  return to.getTime() - from.getTime() < 3 * 24 * HOUR ? 'hour' : 'day';
}

/** The bucket key a Date falls in, as SQL's to_char below writes it. */
function keyOf(ms: number, bucket: Bucket): string {
  const iso = new Date(ms).toISOString();
  return bucket === 'hour' ? `${iso.slice(0, 13)}:00:00Z` : `${iso.slice(0, 10)}T00:00:00Z`;
}

/**
 * The time series for charts, one point per bucket from `from` to `to` (empty buckets included),
 * bucketed in UTC. Without a `from`, the series starts at the first conversation in the filter.
 */
export async function metricsSeries(db: Sql, f: MetricsFilter, now: Date): Promise<{ bucket: Bucket; series: SeriesPoint[] }> {
  const params = filterParams(f);
  const to = f.to ?? now;
  let from = f.from;
  if (!from) {
    const [first] = await db.query<{ t: Date | string | null }>(`select min(c.created_at) as t from conversations c where ${CONVERSATION_WHERE}`, params);
    if (!first?.t) return { bucket: 'day', series: [] };
    from = new Date(first.t);
  }
  const bucket = bucketFor(from, to);
  const t = (col: string) => `to_char(date_trunc('${bucket}', ${col} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"')`;
  const convs = await db.query<{ t: string; conversations: number; escalated: number }>(
    `select ${t('c.created_at')} as t, count(*)::int as conversations, count(*) filter (where exists (select 1 from handoffs h where h.conversation_id = c.id))::int as escalated
       from conversations c where ${CONVERSATION_WHERE} and exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'customer') group by 1`,
    params,
  );
  const hs = await db.query<{ t: string; handoffs: number; tth: number | null }>(
    `select ${t('h.created_at')} as t, count(*)::int as handoffs, percentile_cont(0.5) within group (order by extract(epoch from (h.first_human_reply_at - h.created_at))) as tth
       from handoffs h join conversations c on c.id = h.conversation_id where ${HANDOFF_WHERE} group by 1`,
    params,
  );
  const csat = await db.query<{ t: string; avg: number | null }>(
    `select ${t('c.created_at')} as t, avg(s.score)::float as avg from csat s join conversations c on c.id = s.conversation_id
      where ${CONVERSATION_WHERE} and ${CSAT_CLASS} = 'afterHandoff' group by 1`,
    params,
  );
  const byKey = new Map<string, SeriesPoint>();
  const step = bucket === 'hour' ? HOUR : 24 * HOUR;
  const start = Date.parse(keyOf(from.getTime(), bucket));
  for (let ms = start; ms < to.getTime() && byKey.size < MAX_BUCKETS; ms += step) {
    const k = keyOf(ms, bucket);
    byKey.set(k, { t: k, conversations: 0, handoffs: 0, handoffRate: null, timeToHumanP50: null, csatAfterHandoff: null });
  }
  for (const r of convs) {
    const p = byKey.get(r.t);
    if (p) Object.assign(p, { conversations: Number(r.conversations), handoffRate: ratio(r.escalated, r.conversations) });
  }
  for (const r of hs) {
    const p = byKey.get(r.t);
    if (p) Object.assign(p, { handoffs: Number(r.handoffs), timeToHumanP50: round3(r.tth) });
  }
  for (const r of csat) {
    const p = byKey.get(r.t);
    if (p) p.csatAfterHandoff = round3(r.avg);
  }
  return { bucket, series: [...byKey.values()] };
}
