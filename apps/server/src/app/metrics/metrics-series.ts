import type { TSeriesPoint } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { Bucket } from '../../adapters/db/repositories/metrics.repository.js';
import { conversationSeries, csatAfterHandoffSeries, firstConversationAt, handoffSeries } from '../../adapters/db/repositories/metrics.repository.js';
import type { MetricsFilter } from './metrics-filter.js';
import { ratio, round3 } from './metrics-filter.js';

export type { Bucket } from '../../adapters/db/repositories/metrics.repository.js';

/** One bucket of the chart series (the shape is in the contracts). */
export type SeriesPoint = TSeriesPoint;

const MAX_BUCKETS = 1000;
const HOUR = 3_600_000;

/** The bucket for a period: hours under three days, days otherwise. */
export function bucketFor(from: Date, to: Date): Bucket {
  return to.getTime() - from.getTime() < 3 * 24 * HOUR ? 'hour' : 'day';
}

/** The bucket key a Date falls in, as the repository's SQL writes it. */
function keyOf(ms: number, bucket: Bucket): string {
  const iso = new Date(ms).toISOString();
  return bucket === 'hour' ? `${iso.slice(0, 13)}:00:00Z` : `${iso.slice(0, 10)}T00:00:00Z`;
}

/**
 * The time series for charts, one point per bucket from `from` to `to` (empty buckets included),
 * bucketed in UTC. Without a `from`, the series starts at the first conversation in the filter.
 */
export async function metricsSeries(db: Sql, f: MetricsFilter, now: Date): Promise<{ bucket: Bucket; series: SeriesPoint[] }> {
  const to = f.to ?? now;
  const from = f.from ?? (await firstConversationAt(db, f));
  if (!from) return { bucket: 'day', series: [] };
  const bucket = bucketFor(from, to);
  const byKey = new Map<string, SeriesPoint>();
  const step = bucket === 'hour' ? HOUR : 24 * HOUR;
  const start = Date.parse(keyOf(from.getTime(), bucket));
  for (let ms = start; ms < to.getTime() && byKey.size < MAX_BUCKETS; ms += step) {
    const k = keyOf(ms, bucket);
    byKey.set(k, { t: k, conversations: 0, handoffs: 0, handoffRate: null, timeToHumanP50: null, csatAfterHandoff: null });
  }
  for (const r of await conversationSeries(db, f, bucket)) {
    const p = byKey.get(r.bucket);
    if (p) Object.assign(p, { conversations: r.conversations, handoffRate: ratio(r.escalated, r.conversations) });
  }
  for (const r of await handoffSeries(db, f, bucket)) {
    const p = byKey.get(r.bucket);
    if (p) Object.assign(p, { handoffs: r.handoffs, timeToHumanP50: round3(r.timeToHumanP50) });
  }
  for (const r of await csatAfterHandoffSeries(db, f, bucket)) {
    const p = byKey.get(r.bucket);
    if (p) p.csatAfterHandoff = round3(r.average);
  }
  return { bucket, series: [...byKey.values()] };
}
