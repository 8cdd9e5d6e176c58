import type { THandoffMetrics } from '@baton/contracts';
import type { RedundancyBrief } from '@baton/core';
import { firstReplyAddresses } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import type { MetricsFilter } from './metrics-filter.js';
import { HANDOFF_WHERE, filterParams, ratio } from './metrics-filter.js';

/** Share of first human replies that address the issue, and how many replies were judged. */
export type FirstResponseQuality = THandoffMetrics['firstResponseQuality'];

/**
 * DESIGN §8 "first human response addressing the issue", measured by a proxy on the stored rows:
 * the first visible agent message after the handoff addresses the issue when it asks for nothing
 * the brief held and names a key entity of the brief or shares a content word with the brief's
 * intent (`firstReplyAddresses` in core). Computed from the rows, not from flags, so it covers
 * handoffs stored before the quality listener ran.
 */
export async function firstResponseQuality(db: Sql, f: MetricsFilter): Promise<FirstResponseQuality> {
  const rows = await db.query<{ brief: RedundancyBrief; text: string }>(
    `select jsonb_build_object('entities', coalesce(h.brief->'entities', '[]'::jsonb), 'headline', h.brief->'headline', 'intent', h.brief->'intent') as brief, r.text
       from handoffs h join conversations c on c.id = h.conversation_id
       join lateral (select m.text from messages m where m.conversation_id = h.conversation_id and m.author_kind = 'agent' and not m.private and m.created_at >= h.created_at order by m.seq limit 1) r on true
      where ${HANDOFF_WHERE} and h.first_human_reply_at is not null`,
    filterParams(f),
  );
  const addressed = rows.filter((r) => firstReplyAddresses(r.text, typeof r.brief === 'string' ? (JSON.parse(r.brief) as RedundancyBrief) : r.brief)).length;
  return { rate: ratio(addressed, rows.length), n: rows.length };
}
