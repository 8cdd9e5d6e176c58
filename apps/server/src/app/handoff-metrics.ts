import type { TBreakdown as Breakdown, TCsatSplit as CsatSplit, THandoffMetrics as HandoffMetrics } from '@baton/contracts';
import type { Sql } from '../adapters/db/database.js';
import type { CsatClass, HandoffDimension } from '../adapters/db/repositories/metrics.repository.js';
import { conversationCounts, csatByClass, handoffBreakdown, handoffSummary, handoffTally, repeatEscalationCounts } from '../adapters/db/repositories/metrics.repository.js';
import { firstResponseQuality } from './metrics/first-response-quality.js';
import type { MetricsFilter } from './metrics/metrics-filter.js';
import { ratio, round3 } from './metrics/metrics-filter.js';
import { metricsSeries } from './metrics/metrics-series.js';
import { REPEAT_ESCALATION_HOURS } from './metrics/repeat-escalation-for.js';

export type { MetricsFilter } from './metrics/metrics-filter.js';

/** The response shape lives in the contracts, shared with the workspace that draws it. */
export type { TBreakdown as Breakdown, TCsatSplit as CsatSplit, THandoffMetrics as HandoffMetrics, TPercentiles as Percentiles } from '@baton/contracts';

/**
 * The handoff metrics of DESIGN §8, computed in SQL over the stored rows (handoffs,
 * conversations, messages, csat, quality_flags) on PGlite and PostgreSQL alike. `now` ends the
 * chart series when no `to` is given.
 */
export async function handoffMetrics(db: Sql, f: MetricsFilter, now: Date): Promise<HandoffMetrics> {
  const r = await handoffSummary(db, f);
  const conv = await conversationCounts(db, f);
  const repeat = await repeatEscalationCounts(db, f, REPEAT_ESCALATION_HOURS);
  const csatRows = await csatByClass(db, f);
  const tally = async (by: HandoffDimension, opts: { resolvedOnly?: boolean } = {}) => Object.fromEntries((await handoffTally(db, f, by, opts)).map((x) => [x.key ?? 'none', x.n]));
  const breakdown = async (by: HandoffDimension): Promise<Breakdown[]> =>
    (await handoffBreakdown(db, f, by)).map((x) => ({
      key: x.key ?? 'none',
      handoffs: x.handoffs,
      timeToHumanP50: round3(x.timeToHumanP50),
      abandonmentRate: ratio(x.abandoned, x.handoffs),
      resolutionRate: ratio(x.solved, x.resolved),
    }));
  const cs = (cls: CsatClass): CsatSplit => {
    const x = csatRows.find((y) => y.csatClass === cls);
    return { average: round3(x?.average), n: x?.n ?? 0 };
  };
  const { bucket, series } = await metricsSeries(db, f, now);
  return {
    period: { from: f.from?.toISOString() ?? null, to: f.to?.toISOString() ?? null },
    conversations: conv.conversations,
    escalatedConversations: conv.escalated,
    handoffs: r.handoffs,
    handoffRate: ratio(conv.escalated, conv.conversations),
    timeToHumanSeconds: { p50: round3(r.timeToHumanP50), p90: round3(r.timeToHumanP90), n: r.replied },
    acceptanceSeconds: { p50: round3(r.acceptanceP50), p90: round3(r.acceptanceP90), n: r.accepted },
    abandonmentRate: ratio(r.abandoned, r.handoffs),
    abandoned: r.abandoned,
    resolutionRate: ratio(r.solved, r.resolved),
    resolved: r.resolved,
    solved: r.solved,
    contextCompleteness: round3(r.completeness),
    contextUtilisation: ratio(r.openedFirst, r.replied),
    redundancyRate: ratio(r.redundant, r.replied),
    customerRepeatRate: ratio(r.repeated, r.handoffs),
    firstResponseQuality: await firstResponseQuality(db, f),
    repeatEscalation: { rate: ratio(repeat.n, r.handoffs), n: repeat.n, customers: repeat.customers, windowHours: REPEAT_ESCALATION_HOURS },
    waitEstimate: { n: r.estimated, meanAbsoluteErrorMinutes: round3(r.estimateMeanError), withinHalfRate: ratio(r.estimateWithinHalf, r.estimated) },
    csat: { aiOnly: cs('aiOnly'), afterHandoff: cs('afterHandoff'), humanOnly: cs('humanOnly') },
    byReason: await tally('reason'),
    byPriority: await tally('priority'),
    verdicts: await tally('verdict', { resolvedOnly: true }),
    categories: await tally('category', { resolvedOnly: true }),
    breakdowns: {
      reason: await breakdown('reason'),
      team: await breakdown('team'),
      channel: await breakdown('channel'),
    },
    bucket,
    series,
  };
}
