import type { TRedundancyCheck } from '@baton/contracts';
import { findRedundantAsk } from '@baton/core';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { latestHandoffFor, openHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';

/** The composer's warning: does this draft ask for something the brief already holds? */
export type RedundancyCheck = TRedundancyCheck;

/**
 * Checks an agent's draft against the brief of the conversation's open handoff (else its latest
 * one), before it is sent. Nothing is stored: a sent message is counted by the quality listener.
 */
export async function checkRedundancy(ctx: AppContext, conversationId: string, text: string): Promise<RedundancyCheck> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  const handoff = (await openHandoffFor(ctx.db, conversationId)) ?? (await latestHandoffFor(ctx.db, conversationId));
  const match = handoff ? findRedundantAsk(text, handoff.brief) : null;
  return match ? { redundant: true, match } : { redundant: false };
}
