import type { TRecurringEscalationsReport as RecurringEscalationsReport, TRecurringGroup as RecurringGroup } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import { recurringEscalations } from '../../adapters/db/repositories/reports.repository.js';
import type { ReportPeriod } from './report-period.js';

export type { TRecurringEscalationsReport as RecurringEscalationsReport, TRecurringGroup as RecurringGroup } from '@baton/contracts';

/**
 * Handoffs grouped by reason code, by the brief's intent/topic, and by both, with the count in the
 * period, the count in the period of the same length just before it, and example case numbers.
 * A handoff with two reasons counts in both reason groups.
 */
export async function recurringEscalationsReport(db: Sql, period: ReportPeriod, opts: { minCount?: number } = {}): Promise<RecurringEscalationsReport> {
  const minCount = opts.minCount ?? 2;
  const prevFrom = new Date(period.from.getTime() - (period.to.getTime() - period.from.getTime()));
  const group = async (keys: { reason?: true; topic?: true }): Promise<RecurringGroup[]> =>
    (await recurringEscalations(db, period, prevFrom, keys, minCount)).map((x) => ({
      ...(keys.reason ? { reason: x.reason ?? 'unknown' } : {}),
      ...(keys.topic ? { topic: x.topic ?? 'unknown' } : {}),
      count: x.count,
      previous: x.previous,
      change: x.count - x.previous,
      trend: x.previous === 0 ? 'new' : x.count > x.previous ? 'up' : x.count < x.previous ? 'down' : 'flat',
      examples: (x.examples ?? []).filter((e): e is string => typeof e === 'string'),
      example: x.example ?? null,
    }));
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    previousPeriod: { from: prevFrom.toISOString(), to: period.from.toISOString() },
    minCount,
    byReason: await group({ reason: true }),
    byTopic: await group({ topic: true }),
    byReasonAndTopic: await group({ reason: true, topic: true }),
  };
}
