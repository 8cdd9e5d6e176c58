import type { Conversation, CustomerProfile, Turn } from '@baton/core';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';

const ACTIONS = new Set(['answer', 'clarify', 'decline', 'offer_choice', 'escalate']);

/** Stored messages as the engine's turns: public ones only, in the order given. */
export function toEngineTurns(messages: MessageRecord[]): Turn[] {
  return messages
    .filter((m) => !m.private)
    .map((m) => ({
      role: m.authorKind,
      text: m.text,
      at: m.createdAt.getTime(),
      ...(m.articleId ? { articleId: m.articleId } : {}),
      ...(m.action && ACTIONS.has(m.action) ? { action: m.action as NonNullable<Turn['action']> } : {}),
    }));
}

/** The stored conversation as the engine sees it: public turns only, oldest first. */
export function toEngineConversation(conv: ConversationRecord, messages: MessageRecord[], profile: CustomerProfile | null): Conversation {
  const turns = toEngineTurns(messages);
  const name = profile?.name ?? conv.customerName ?? undefined;
  const tier = profile?.tier;
  const language = conv.language ?? undefined;
  return {
    id: conv.id,
    turns,
    customer: { ...(name ? { name } : {}), ...(tier ? { tier } : {}), ...(language ? { language } : {}) },
  };
}

/** Display names per turn, for the brief's transcript. */
export function authorNames(messages: MessageRecord[]): (string | undefined)[] {
  return messages.filter((m) => !m.private).map((m) => m.authorName ?? undefined);
}
