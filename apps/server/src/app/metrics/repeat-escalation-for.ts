import type { Sql } from '../../adapters/db/database.js';
import type { ConversationRecord } from '../../adapters/db/repositories/conversations.repository.js';
import { repeatEscalationBefore } from '../../adapters/db/repositories/metrics.repository.js';

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
 * email address (see `sameCustomer` in the metrics repository). A handoff at `now` itself (the one being built) is not its
 * own repeat, and `excludeHandoffId` leaves out the current one when it is already stored.
 */
export async function repeatEscalationFor(db: Sql, conversation: Pick<ConversationRecord, 'id' | 'customerId' | 'customerEmail'>, now: Date, opts: { excludeHandoffId?: string } = {}): Promise<RepeatEscalation | null> {
  const previous = await repeatEscalationBefore(db, conversation, now, { windowHours: REPEAT_ESCALATION_HOURS, ...opts });
  if (!previous) return null;
  const hoursAgo = Math.round(((now.getTime() - previous.createdAt.getTime()) / 3_600_000) * 10) / 10;
  return { previousCaseNumber: previous.caseNumber, previousHandoffId: previous.handoffId, hoursAgo, channel: previous.channel };
}
