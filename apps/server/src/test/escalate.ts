import { pickLocale } from '@baton/core';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { getCustomerProfile } from '../adapters/db/repositories/customers.repository.js';
import type { AppContext } from '../app/context.js';
import { authorNames, toEngineConversation } from '../app/engine-conversation.js';
import { escalateConversation } from '../app/escalate-conversation.js';
import { makeMessage } from './factories.js';

/**
 * The customer writes `text` and the engine's decision on it is handed to `escalateConversation`,
 * as `respond` does for an escalation, without the rest of the message pipeline.
 */
export async function escalateWith(ctx: AppContext, conversationId: string, text: string) {
  const conv = (await getConversation(ctx.db, conversationId))!;
  const trigger = await makeMessage(ctx, conv, text);
  const messages = await listMessages(ctx.db, conv.id);
  const profile = conv.customerId ? await getCustomerProfile(ctx.db, conv.customerId) : null;
  const engineConversation = toEngineConversation(conv, messages, profile);
  const decision = ctx.engine().decide(engineConversation);
  if (decision.action !== 'escalate') throw new Error(`the engine chose ${decision.action} for "${text}", not escalate`);
  const result = await escalateConversation(ctx, { conversation: conv, trigger, decision, engineConversation, profile, facts: [], locale: pickLocale(conv.language ?? 'en'), authorNames: authorNames(messages) });
  return { decision, result };
}
