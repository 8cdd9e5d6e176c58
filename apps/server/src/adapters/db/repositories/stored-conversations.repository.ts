import type { Sql } from '../database.js';
import type { ConversationRecord, MessageRecord } from './conversations.repository.js';

/** A stored conversation as a backtest replays it. */
export interface StoredConversation {
  conversation: ConversationRecord;
  /** The customer's tier, when the conversation is linked to a customer. */
  customerTier: string | null;
  /** The name of the team holding the conversation. */
  teamName: string | null;
  /** The public messages, oldest first (private notes left out). */
  messages: MessageRecord[];
  /** The conversation's first handoff, if it had one: its team's name and how long it took to handle. */
  firstHandoff: { teamName: string | null; acceptedAt: Date | null; resolvedAt: Date | null } | null;
}

/**
 * The conversations created in [from, to), with what a backtest needs of them, in three queries
 * whatever their number. All of them oldest first, or with `newest` the newest N, newest first.
 * `baton backtest` and the policy preview both read stored conversations through here.
 */
export async function listStoredConversations(db: Sql, opts: { from?: Date; to?: Date; newest?: number } = {}): Promise<StoredConversation[]> {
  let selected = db.selectFrom('conversations as c');
  if (opts.from !== undefined) selected = selected.where('c.createdAt', '>=', opts.from);
  if (opts.to !== undefined) selected = selected.where('c.createdAt', '<', opts.to);
  selected = opts.newest !== undefined ? selected.orderBy('c.createdAt', 'desc').limit(opts.newest) : selected.orderBy('c.createdAt').orderBy('c.id');
  const ids = selected.select('c.id');

  const conversations = await selected
    .leftJoin('customers as cu', 'cu.id', 'c.customerId')
    .leftJoin('teams as t', 't.id', 'c.teamId')
    .selectAll('c')
    .select(['cu.tier as customerTier', 't.name as teamName'])
    .execute();
  const messages = await db.selectFrom('messages').selectAll().where('conversationId', 'in', ids).where('private', '=', false).orderBy('conversationId').orderBy('seq').execute();
  const handoffs = await db
    .selectFrom('handoffs as h')
    .leftJoin('teams as t', 't.id', 'h.teamId')
    .select(['h.conversationId', 't.name as teamName', 'h.acceptedAt', 'h.resolvedAt'])
    .where('h.conversationId', 'in', ids)
    .orderBy('h.conversationId')
    .orderBy('h.createdAt')
    .orderBy('h.id')
    .execute();

  const byConversation = new Map<string, MessageRecord[]>();
  for (const m of messages) {
    let list = byConversation.get(m.conversationId);
    if (!list) byConversation.set(m.conversationId, (list = []));
    list.push(m);
  }
  const firstHandoff = new Map<string, StoredConversation['firstHandoff']>();
  for (const { conversationId, ...h } of handoffs) if (!firstHandoff.has(conversationId)) firstHandoff.set(conversationId, h);
  return conversations.map(({ customerTier, teamName, ...conversation }) => ({
    conversation,
    customerTier,
    teamName,
    messages: byConversation.get(conversation.id) ?? [],
    firstHandoff: firstHandoff.get(conversation.id) ?? null,
  }));
}
