import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { insertCsat } from '../adapters/db/repositories/csat.repository.js';
import { latestHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { withEvents } from './with-events.js';

/** The customer's rating, once per conversation; kept with the handoff so CSAT after a handoff is measured apart. */
export async function submitCsat(ctx: AppContext, conversationId: string, input: { score: number; comment?: string }): Promise<{ score: number }> {
  return withEvents(ctx, async (tx, emit) => {
    const conv = await getConversation(tx, conversationId, { forUpdate: true });
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
    if (conv.status !== 'resolved') throw new DomainError('CSAT_ERR_NOT_RESOLVED', 'a rating can be given once the conversation is resolved');
    const handoff = await latestHandoffFor(tx, conversationId);
    const stored = await insertCsat(tx, { conversationId, handoffId: handoff?.id ?? null, score: input.score, comment: input.comment ?? null, createdAt: ctx.clock() });
    if (!stored) throw new DomainError('CSAT_ERR_ALREADY_GIVEN', 'this conversation was already rated');
    await emit({ type: 'csat.submitted', conversationId, handoffId: handoff?.id ?? null, payload: { score: input.score, afterHandoff: Boolean(handoff) } });
    return { score: input.score };
  });
}
