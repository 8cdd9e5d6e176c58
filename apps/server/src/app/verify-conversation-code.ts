import { pickLocale, renderCustomerMessage } from '@baton/core';
import { timingSafeEqual } from 'node:crypto';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { findCustomerByEmail } from '../adapters/db/repositories/customers.repository.js';
import { consumeCode, countCodeAttempt, latestCodeForUpdate, setConversationIdentity } from '../adapters/db/repositories/verification-codes.repository.js';
import type { IdentityState } from '../adapters/db/schema.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { CODE_TRIES, hashCode } from './request-verification-code.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * Checks the code the customer entered against the conversation's newest one: unexpired, unused,
 * at most CODE_TRIES tries (each try is counted and committed, even a wrong one). A match marks
 * the address verified, links the account it belongs to, if any, and says so in the chat.
 */
export async function verifyConversationCode(ctx: AppContext, conversationId: string, code: string): Promise<{ identity: IdentityState }> {
  const now = ctx.clock();
  const outcome = await withEvents(ctx, async (tx, emit) => {
    const conv = await getConversation(tx, conversationId, { forUpdate: true });
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
    if (conv.emailVerified) return { identity: conv.identity } as const;
    const row = await latestCodeForUpdate(tx, conv.id);
    if (!row || row.consumedAt || row.expiresAt.getTime() <= now.getTime() || row.attempts >= CODE_TRIES || row.address !== conv.customerEmail) return 'expired' as const;
    await countCodeAttempt(tx, row.id);
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(hashCode(row.id, code.trim()), 'hex');
    if (!timingSafeEqual(expected, given)) return row.attempts + 1 >= CODE_TRIES ? ('expired' as const) : ('invalid' as const);
    await consumeCode(tx, row.id, now);
    const account = await findCustomerByEmail(tx, row.address);
    const identity: IdentityState = conv.identity === 'signed' ? 'signed' : 'code';
    await setConversationIdentity(tx, conv.id, { identity, emailVerified: true, customerId: conv.identity === 'signed' ? conv.customerId : (account?.id ?? null), claimedCustomerId: null });
    const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'identity_verified' }, pickLocale(conv.language ?? undefined)), action: 'identity_verified' });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return { identity } as const;
  });
  if (outcome === 'expired') throw new DomainError('IDENTITY_ERR_CODE_EXPIRED', `no live code for this conversation: it expired, was used, was tried ${CODE_TRIES} times, or none was sent`, 'code');
  if (outcome === 'invalid') throw new DomainError('IDENTITY_ERR_CODE_INVALID', 'the code does not match', 'code');
  ctx.log('info', 'customer verified by code', { conversationId });
  return outcome;
}
