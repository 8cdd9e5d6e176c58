import type { Sql } from '../../adapters/db/database.js';
import type { Tally } from '../../adapters/db/repositories/metrics.repository.js';
import { handoffsRequested, qualityFlagTally, requestedTally, verdictsByReason as verdictsByReasonOf } from '../../adapters/db/repositories/reports.repository.js';
import type { ReportPeriod } from './report-period.js';

/** The tallies the learning loop reads (DESIGN §8): why handoffs happen and how they end. */
export interface LearningReport {
  period: { from: string; to: string };
  handoffs: number;
  /** Handoffs per reason code (a handoff with two reasons counts under both). */
  reasonCodes: Record<string, number>;
  /** Resolved handoffs per resolution category ('handed_back' included: the agent gave it back). */
  resolutionCategories: Record<string, number>;
  /** Resolved handoffs per outcome. */
  outcomes: Record<string, number>;
  /** The agents' verdicts: needed, unnecessary, too_late, wrong_team. */
  verdicts: Record<string, number>;
  /** Verdicts per reason code: which triggers send agents work they call unnecessary. */
  verdictsByReason: Record<string, Record<string, number>>;
  /** Quality flags raised in the period, per kind. */
  qualityFlags: Record<string, number>;
}

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
