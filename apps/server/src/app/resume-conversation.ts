import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { insertCustomerDeviceToken, recordContinueLinkUse } from '../adapters/db/repositories/customer-tokens.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { newToken, readContinueCredential } from './tokens.js';

/**
 * Opens a conversation from an emailed "continue" link (`continueLink`) on another device: the
 * link's credential is checked against the case's secret, and that device gets a customer token
 * of its own. The chat already open elsewhere keeps its token and goes on. Each link opens the
 * conversation once and only until it expires, so a link left in a mailbox, a log or a forwarded
 * mail cannot open the case again later. A wrong credential and an unknown conversation get the
 * same answer.
 */
export async function resumeConversation(ctx: AppContext, conversationId: string, credential: string): Promise<{ conversation: ConversationRecord; token: string }> {
  const conv = await getConversation(ctx.db, conversationId);
  const link = conv?.replyToken ? readContinueCredential(conv.replyToken, conv.id, credential) : null;
  if (!conv || !link) {
    throw new DomainError('CONVERSATION_ERR_RESUME_INVALID', 'the continue link does not match this conversation; it may have been mistyped or cut short', 'resume');
  }
  const now = ctx.clock();
  if (link.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('CONVERSATION_ERR_RESUME_EXPIRED', `the continue link expired at ${link.expiresAt.toISOString()}`, 'resume');
  }
  const { token, hash } = newToken();
  const first = await ctx.db.transaction().execute(async (tx) => {
    if (!(await recordContinueLinkUse(tx, { linkId: link.id, conversationId: conv.id, at: now }))) return false;
    await insertCustomerDeviceToken(tx, { tokenHash: hash, conversationId: conv.id, at: now });
    return true;
  });
  if (!first) throw new DomainError('CONVERSATION_ERR_RESUME_USED', 'this continue link was already used; each link opens the conversation once', 'resume');
  return { conversation: conv, token };
}
