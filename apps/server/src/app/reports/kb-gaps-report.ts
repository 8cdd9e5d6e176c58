import type { TKbGapsReport as KbGapsReport } from '@baton/contracts';
import type { GapItem } from '@baton/core';
import { clusterGaps } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import { kbGapQuestions } from '../../adapters/db/repositories/reports.repository.js';
import type { ReportPeriod } from './report-period.js';

/** Below this answerer confidence a decision counts as a KB gap even when the AI answered. */
export const LOW_CONFIDENCE = 0.5;

export type { TKbGapsReport as KbGapsReport } from '@baton/contracts';

/**
 * The customer messages of the period whose decision was to clarify or decline, or whose answerer
 * confidence was under `threshold` (default {@link LOW_CONFIDENCE}), clustered with core's
 * `clusterGaps`. Greetings and explicit requests for a person are not questions the KB could
 * answer, and are left out.
 */
export async function kbGapsReport(db: Sql, period: ReportPeriod, opts: { threshold?: number } = {}): Promise<KbGapsReport> {
  const threshold = opts.threshold ?? LOW_CONFIDENCE;
  const questions = await kbGapQuestions(db, period, threshold);
  const items: GapItem[] = questions.map((q) => ({ text: q.text, conversationId: q.conversationId, confidence: q.confidence ?? 0, at: q.createdAt.getTime() }));
  return { period: { from: period.from.toISOString(), to: period.to.toISOString() }, threshold, questions: items.length, clusters: clusterGaps(items) };
}
