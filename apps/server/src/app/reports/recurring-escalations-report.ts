import type { TRecurringEscalationsReport as RecurringEscalationsReport, TRecurringGroup as RecurringGroup } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { ReportPeriod } from './report-period.js';

export type { TRecurringEscalationsReport as RecurringEscalationsReport, TRecurringGroup as RecurringGroup } from '@baton/contracts';

/** The brief's intent id (an article or a topic), else its first sensitive topic, else 'unknown'. */
const TOPIC = `coalesce(h.brief->'intent'->>'id', h.brief->'intent'->'topics'->>0, 'unknown')`;

/**
 * Handoffs grouped by reason code, by the brief's intent/topic, and by both, with the count in the
 * period, the count in the period of the same length just before it, and example case numbers.
 * A handoff with two reasons counts in both reason groups.
 */
export async function recurringEscalationsReport(db: Sql, period: ReportPeriod, opts: { minCount?: number } = {}): Promise<RecurringEscalationsReport> {
  const minCount = opts.minCount ?? 2;
  const prevFrom = new Date(period.from.getTime() - (period.to.getTime() - period.from.getTime()));
  const current = `h.created_at >= $1 and h.created_at < $2`;
  const group = async (keys: { reason?: true; topic?: true }): Promise<RecurringGroup[]> => {
    const cols = [...(keys.reason ? [`r->>'code'`] : []), ...(keys.topic ? [TOPIC] : [])];
    const rows = await db.query<{ reason?: string; topic?: string; count: number; previous: number; examples: string[] | null; example: string | null }>(
      `select ${keys.reason ? `r->>'code' as reason,` : ''} ${keys.topic ? `${TOPIC} as topic,` : ''}
              count(distinct h.id) filter (where ${current})::int as count,
              count(distinct h.id) filter (where h.created_at < $1)::int as previous,
              (array_agg(c.case_number order by h.created_at desc) filter (where ${current}))[1:3] as examples,
              (array_agg(h.brief->'intent'->>'summary' order by h.created_at desc) filter (where ${current}))[1] as example
         from handoffs h join conversations c on c.id = h.conversation_id${keys.reason ? `, jsonb_array_elements(h.reasons) r` : ''}
        where h.created_at >= $3 and h.created_at < $2
        group by ${cols.map((_, i) => i + 1).join(', ')}
       having count(distinct h.id) filter (where ${current}) >= $4
        order by count desc, ${cols.map((_, i) => i + 1).join(', ')}`,
      [period.from, period.to, prevFrom, minCount],
    );
    return rows.map((x) => {
      const count = Number(x.count);
      const previous = Number(x.previous);
      return {
        ...(keys.reason ? { reason: x.reason ?? 'unknown' } : {}),
        ...(keys.topic ? { topic: x.topic ?? 'unknown' } : {}),
        count,
        previous,
        change: count - previous,
        trend: previous === 0 ? 'new' : count > previous ? 'up' : count < previous ? 'down' : 'flat',
        examples: (x.examples ?? []).filter((e): e is string => typeof e === 'string'),
        example: x.example ?? null,
      };
    });
  };
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    previousPeriod: { from: prevFrom.toISOString(), to: period.from.toISOString() },
    minCount,
    byReason: await group({ reason: true }),
    byTopic: await group({ topic: true }),
    byReasonAndTopic: await group({ reason: true, topic: true }),
  };
}
