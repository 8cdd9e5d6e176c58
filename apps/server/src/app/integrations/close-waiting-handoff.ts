import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../context.js';
import * as lifecycle from '../conversation-lifecycle.js';
import { withEvents } from '../with-events.js';

/**
 * Closes Baton's handoff still waiting in its queue because the people of another inbox (`where`:
 * Chatwoot, Zendesk) have the conversation now: Baton's SLA alerts and offers stop. A handoff a
 * Baton agent already accepted is left alone. Returns whether one was closed.
 */
export async function closeWaitingHandoff(ctx: AppContext, conversationId: string, where: string): Promise<boolean> {
  return withEvents(ctx, async (tx, emit) => {
    const conv = await getConversation(tx, conversationId, { forUpdate: true });
    const h = conv?.status === 'waiting' ? await openHandoffFor(tx, conversationId) : null;
    if (!h || h.status !== 'waiting') return false;
    await lifecycle.closeElsewhere({ tx, emit }, h, ctx.clock(), where);
    return true;
  });
}
