import { markCustomerRead } from '../adapters/db/repositories/conversations.repository.js';
import type { AppContext } from './context.js';

/**
 * The customer's widget had messages up to `seq` on screen: the read mark moves forward (never
 * back) and agents' open streams are told, so the agent sees "Seen" under what they wrote.
 */
export async function noteCustomerRead(ctx: AppContext, conversationId: string, seq: number): Promise<void> {
  if (await markCustomerRead(ctx.db, conversationId, seq)) ctx.bus.signal({ type: 'seen', conversationId, seq });
}
