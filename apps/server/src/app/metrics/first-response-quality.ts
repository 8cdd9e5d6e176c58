import type { THandoffMetrics } from '@baton/contracts';
import { firstReplyAddresses } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import { firstHumanReplies } from '../../adapters/db/repositories/metrics.repository.js';
import type { MetricsFilter } from './metrics-filter.js';
import { ratio } from './metrics-filter.js';

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
  const replies = await firstHumanReplies(db, f);
  const addressed = replies.filter((r) => firstReplyAddresses(r.text, r.brief)).length;
  return { rate: ratio(addressed, replies.length), n: replies.length };
}
