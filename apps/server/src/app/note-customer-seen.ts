import { noteCustomerSeen as record } from '../adapters/db/repositories/conversations.repository.js';
import type { AppContext } from './context.js';

/** The customer's stream connected, pinged or closed: they are there now (see `detectAbandonment`). */
export async function noteCustomerSeen(ctx: AppContext, conversationId: string): Promise<void> {
  await record(ctx.db, conversationId, ctx.clock());
}
