import type { CustomerProfile } from '@baton/core';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getCustomerProfile } from '../adapters/db/repositories/customers.repository.js';
import { mayUseAccount } from './account-access.js';
import type { AppContext } from './context.js';

export interface CustomerContext {
  /** Whether account data may be used in this conversation: the customer proved who they are. */
  verified: boolean;
  /** The profile, orders and tickets; null when there is none (unverified, unknown, or the endpoint failed). */
  profile: CustomerProfile | null;
  /** When the business's endpoint failed: what the agent is missing and why, for the brief. */
  missing: string | null;
}

/**
 * The customer-context provider (DESIGN §9): the business's endpoint when `BATON_CONTEXT_URL` is
 * set, else the built-in tables. Only a verified identity is ever sent or looked up. A failing
 * endpoint never stalls the conversation: the AI goes on without the account, and the brief
 * says what is missing.
 */
export async function loadCustomerContext(ctx: AppContext, conv: ConversationRecord): Promise<CustomerContext> {
  if (!ctx.context) {
    const verified = mayUseAccount(conv);
    return { verified, profile: verified ? await getCustomerProfile(ctx.db, conv.customerId!) : null, missing: null };
  }
  if (conv.identity === 'unverified') return { verified: false, profile: null, missing: null };
  const customer = {
    ...(conv.customerId ? { id: conv.customerId } : {}),
    ...(conv.customerEmail && conv.emailVerified ? { email: conv.customerEmail } : {}),
    ...(conv.externalId && conv.identity === 'signed' ? { externalId: conv.externalId } : {}),
  };
  if (!Object.keys(customer).length) return { verified: true, profile: null, missing: null };
  const answer = await ctx.context.fetch(customer);
  if (answer.ok) return { verified: true, profile: answer.profile, missing: null };
  ctx.log('warn', `the customer-data endpoint failed: ${answer.error}; Baton goes on without the account`, { conversationId: conv.id });
  return { verified: true, profile: null, missing: `Account context is missing: the business's customer-data endpoint failed (${answer.error}). Check the customer's account, orders and earlier tickets by hand before replying.` };
}
