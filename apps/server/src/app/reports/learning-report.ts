import type { Sql } from '../../adapters/db/database.js';
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
  const p = [period.from, period.to];
  const inPeriod = `h.created_at >= $1 and h.created_at < $2`;
  const tally = async (sql: string) => Object.fromEntries((await db.query<{ k: string | null; n: number }>(sql, p)).map((x) => [x.k ?? 'none', Number(x.n)]));
  const resolved = `${inPeriod} and h.status = 'resolved' and h.resolution is not null`;
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from handoffs h where ${inPeriod}`, p);
  const verdictsByReason: Record<string, Record<string, number>> = {};
  for (const x of await db.query<{ reason: string; verdict: string; n: number }>(
    `select r->>'code' as reason, h.resolution->>'verdict' as verdict, count(*)::int as n from handoffs h, jsonb_array_elements(h.reasons) r where ${resolved} group by 1, 2 order by 1, 3 desc`,
    p,
  )) {
    (verdictsByReason[x.reason] ??= {})[x.verdict ?? 'none'] = Number(x.n);
  }
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    handoffs: Number(count?.n ?? 0),
    reasonCodes: await tally(`select r->>'code' as k, count(*)::int as n from handoffs h, jsonb_array_elements(h.reasons) r where ${inPeriod} group by 1 order by 2 desc, 1`),
    resolutionCategories: await tally(`select h.resolution->>'category' as k, count(*)::int as n from handoffs h where ${resolved} group by 1 order by 2 desc, 1`),
    outcomes: await tally(`select h.resolution->>'outcome' as k, count(*)::int as n from handoffs h where ${resolved} group by 1 order by 2 desc, 1`),
    verdicts: await tally(`select h.resolution->>'verdict' as k, count(*)::int as n from handoffs h where ${resolved} group by 1 order by 2 desc, 1`),
    verdictsByReason,
    qualityFlags: await tally(`select q.kind as k, count(*)::int as n from quality_flags q where q.created_at >= $1 and q.created_at < $2 group by 1 order by 2 desc, 1`),
  };
}
