import type { TKbGapsReport as KbGapsReport } from '@baton/contracts';
import type { GapItem } from '@baton/core';
import { clusterGaps } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
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
  const rows = await db.query<{ text: string; conversation_id: string; confidence: number | null; created_at: Date | string }>(
    `select m.text, d.conversation_id, (d.decision->>'confidence')::float as confidence, d.created_at
       from decisions d join messages m on m.id = d.message_id
      where d.created_at >= $1 and d.created_at < $2 and m.author_kind = 'customer'
        and coalesce(d.decision->>'intent', '') not in ('greeting', 'human')
        and (d.decision->>'action' in ('clarify', 'decline') or coalesce((d.decision->>'confidence')::float, 0) < $3)
      order by d.created_at, d.message_id`,
    [period.from, period.to, threshold],
  );
  const items: GapItem[] = rows.map((r) => ({ text: r.text, conversationId: r.conversation_id, confidence: Number(r.confidence ?? 0), at: new Date(r.created_at).getTime() }));
  return { period: { from: period.from.toISOString(), to: period.to.toISOString() }, threshold, questions: items.length, clusters: clusterGaps(items) };
}
