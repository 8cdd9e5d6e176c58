import { findCustomerByEmail } from '../adapters/db/repositories/customers.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { insertConversation } from '../adapters/db/repositories/conversations.repository.js';
import type { AppContext } from './context.js';
import { newToken } from './tokens.js';
import { withEvents } from './with-events.js';

export interface StartConversationOptions {
  channel?: string;
  customer?: { name?: string; email?: string };
  language?: string;
}

/**
 * Opens a conversation and returns the customer's token: it is shown once, stored only as a hash,
 * and reads and writes this conversation alone. A known email links the customer's account.
 *
 * Not built yet: proving identity with a one-time code before account data is shown (DESIGN §11);
 * today an email given here is trusted, which is only fit for the demo.
 */
export async function startConversation(ctx: AppContext, opts: StartConversationOptions): Promise<{ conversation: ConversationRecord; token: string }> {
  const known = opts.customer?.email ? await findCustomerByEmail(ctx.db, opts.customer.email) : null;
  const { token, hash } = newToken();
  const conversation = await withEvents(ctx, async (tx, emit) => {
    const c = await insertConversation(tx, {
      id: ctx.newId(),
      customerId: known?.id ?? null,
      customerName: opts.customer?.name ?? known?.name ?? null,
      customerEmail: opts.customer?.email ?? null,
      channel: opts.channel ?? 'web',
      language: opts.language ?? null,
      tokenHash: hash,
    });
    await emit({ type: 'conversation.created', conversationId: c.id, payload: { caseNumber: c.caseNumber, channel: c.channel } });
    return c;
  });
  return { conversation, token };
}
