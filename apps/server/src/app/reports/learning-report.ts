import type { TLearningReport } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { Tally } from '../../adapters/db/repositories/metrics.repository.js';
import { handoffsRequested, qualityFlagTally, requestedTally, verdictsByReason as verdictsByReasonOf } from '../../adapters/db/repositories/reports.repository.js';
import type { ReportPeriod } from './report-period.js';

/** The tallies the learning loop reads (DESIGN §8): why handoffs happen and how they end. */
export type LearningReport = TLearningReport;

/** Reason codes, resolution categories and agent verdicts of the handoffs requested in the period. */
export async function learningReport(db: Sql, period: ReportPeriod): Promise<LearningReport> {
  const counts = (tally: Tally[]) => Object.fromEntries(tally.map((x) => [x.key ?? 'none', x.n]));
  const verdictsByReason: Record<string, Record<string, number>> = {};
  for (const x of await verdictsByReasonOf(db, period)) (verdictsByReason[x.reason] ??= {})[x.verdict ?? 'none'] = x.n;
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    handoffs: await handoffsRequested(db, period),
    reasonCodes: counts(await requestedTally(db, period, 'reason')),
    resolutionCategories: counts(await requestedTally(db, period, 'category', { resolvedOnly: true })),
    outcomes: counts(await requestedTally(db, period, 'outcome', { resolvedOnly: true })),
    verdicts: counts(await requestedTally(db, period, 'verdict', { resolvedOnly: true })),
    verdictsByReason,
    qualityFlags: counts(await qualityFlagTally(db, period)),
  };
}
