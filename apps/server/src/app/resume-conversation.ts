import { getConversation, replaceCustomerToken } from '../adapters/db/repositories/conversations.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { newToken, resumeToken, sameSecret } from './tokens.js';

/**
 * Opens a conversation from an emailed "continue" link (`continueLink`): the link's credential is
 * checked against the case's secret, and the customer gets a fresh token for the widget. The old
 * token stops working (one customer session per conversation), so a leaked older token is closed
 * off too. A wrong credential and an unknown conversation get the same answer.
 */
export async function resumeConversation(ctx: AppContext, conversationId: string, credential: string): Promise<{ conversation: ConversationRecord; token: string }> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv?.replyToken || !sameSecret(resumeToken(conv.replyToken, conv.id), credential)) {
    throw new DomainError('CONVERSATION_ERR_RESUME_INVALID', 'the continue link does not match this conversation; it may have been mistyped or cut short', 'resume');
  }
  const { token, hash } = newToken();
  await replaceCustomerToken(ctx.db, conv.id, hash, ctx.clock());
  return { conversation: conv, token };
}
