import type { Sql } from '../../adapters/db/database.js';
import type { ConversationRecord } from '../../adapters/db/repositories/conversations.repository.js';
import { sameCustomer } from './metrics-filter.js';

/** A previous escalation by the same customer within the last 24 hours. */
export interface RepeatEscalation {
  /** The case number of the previous escalation's conversation. */
  previousCaseNumber: string;
  /** The previous handoff. */
  previousHandoffId: string;
  /** Hours between the previous escalation and now, one decimal. */
  hoursAgo: number;
  /** The previous conversation's channel: a repeat often comes on another channel. */
  channel: string;
}

/** The window in which a second escalation counts as a repeat (DESIGN §8). */
export const REPEAT_ESCALATION_HOURS = 24;

/**
 * The latest escalation by this conversation's customer in the 24 hours before `now`, in any
 * conversation and on any channel, or null. "The same customer" is the customer id, else the
 * email address (see `sameCustomer`). A handoff at `now` itself (the one being built) is not its
 * own repeat, and `excludeHandoffId` leaves out the current one when it is already stored.
 */
export async function repeatEscalationFor(db: Sql, conversation: Pick<ConversationRecord, 'id' | 'customerId' | 'customerEmail'>, now: Date, opts: { excludeHandoffId?: string } = {}): Promise<RepeatEscalation | null> {
  const rows = await db.query<{ id: string; case_number: string; channel: string; created_at: Date | string }>(
    `select h.id, p.case_number, p.channel, h.created_at
       from handoffs h join conversations p on p.id = h.conversation_id,
            (select $1::text as id, $2::text as customer_id, $3::text as customer_email) c
      where h.created_at < $4 and h.created_at >= $4::timestamptz - interval '${REPEAT_ESCALATION_HOURS} hours'
        and ($5::text is null or h.id <> $5) and ${sameCustomer('c', 'p')}
      order by h.created_at desc limit 1`,
    [conversation.id, conversation.customerId, conversation.customerEmail, now, opts.excludeHandoffId ?? null],
  );
  const r = rows[0];
  if (!r) return null;
  const hoursAgo = Math.round(((now.getTime() - new Date(r.created_at).getTime()) / 3_600_000) * 10) / 10;
  return { previousCaseNumber: r.case_number, previousHandoffId: r.id, hoursAgo, channel: r.channel };
}
