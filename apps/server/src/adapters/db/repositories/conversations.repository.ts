import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { AuthorKind, ConversationTable, IdentityState, MessageAttachment, MessageTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export type { AuthorKind, ConversationStatus } from '../schema.js';

/** A row of `conversations`. */
export type ConversationRecord = Selectable<ConversationTable>;
/** A row of `messages`. */
export type MessageRecord = Selectable<MessageTable>;

export async function insertConversation(
  tx: Sql,
  c: {
    id: string;
    customerId: string | null;
    customerName: string | null;
    customerEmail: string | null;
    channel: string;
    language: string | null;
    timeZone?: string | null;
    tokenHash: string;
    identity?: IdentityState;
    emailVerified?: boolean;
    claimedCustomerId?: string | null;
    externalId?: string | null;
    replyToken?: string | null;
    /** When it starts: its `createdAt`, and its `updatedAt` until something changes. */
    at: Date;
  },
): Promise<ConversationRecord> {
  const { at, ...values } = c;
  return tx
    .insertInto('conversations')
    .values({ ...values, createdAt: at, updatedAt: at, caseNumber: sql<string>`'C-' || nextval('case_number_seq')` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getConversation(db: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConversationRecord | null> {
  let q = db.selectFrom('conversations').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export async function findConversationByCaseNumber(db: Sql, caseNumber: string): Promise<ConversationRecord | null> {
  return (await db.selectFrom('conversations').selectAll().where('caseNumber', '=', caseNumber).executeTakeFirst()) ?? null;
}

/** The conversation whose reply address carries this token (`reply+TOKEN@…`), or null. */
export async function findConversationByReplyToken(db: Sql, replyToken: string): Promise<ConversationRecord | null> {
  return (await db.selectFrom('conversations').selectAll().where('replyToken', '=', replyToken).executeTakeFirst()) ?? null;
}

/** The conversation a customer's token opens, or null. */
/** A customer token's conversation and when the token was last used (its creation before any use). */
/**
 * Moves the customer's read mark forward to `seq` (never back, never past the last message);
 * true when it moved.
 */
export async function markCustomerRead(db: Sql, id: string, seq: number): Promise<boolean> {
  const r = await db
    .updateTable('conversations')
    .set({ customerReadSeq: seq })
    .where('id', '=', id)
    .where('customerReadSeq', '<', seq)
    .where('lastSeq', '>=', seq)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The conversation each customer token opens and when it was last used, in one query (one request's token, or every open stream's), by token hash. */
export async function customerTokenUses(db: Sql, tokenHashes: readonly string[]): Promise<Map<string, { id: string; lastUsedAt: Date }>> {
  if (!tokenHashes.length) return new Map();
  const rows = await db.selectFrom('conversations').select(['id', 'tokenHash', 'tokenUsedAt', 'createdAt']).where('tokenHash', 'in', tokenHashes).execute();
  return new Map(rows.map((r) => [r.tokenHash, { id: r.id, lastUsedAt: r.tokenUsedAt ?? r.createdAt }]));
}

export async function touchCustomerTokens(db: Sql, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await db.updateTable('conversations').set({ tokenUsedAt: at }).where('id', 'in', ids).execute();
}

/**
 * Writes a conversation's status, with who holds it now: only the lifecycle
 * (app/conversation-lifecycle.ts) calls this, after checking the edge in core's table.
 */
export async function setConversationStatus(
  tx: Sql,
  id: string,
  change: Pick<ConversationRecord, 'status'> & Partial<Pick<ConversationRecord, 'assignedAgentId' | 'teamId'>>,
  at: Date,
): Promise<ConversationRecord> {
  // Keys left undefined are not written.
  return tx
    .updateTable('conversations')
    .set({ ...change, updatedAt: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Records that the customer is there at `at` (they wrote, or their stream connected, pinged or
 * closed). Written at most every 30 s per conversation, however often the widget pings.
 */
export async function noteCustomerSeen(db: Sql, id: string, at: Date): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ customerSeenAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('customerSeenAt', 'is', null), eb('customerSeenAt', '<', new Date(at.getTime() - 30_000))]))
    .execute();
}

/** A message to store; its number comes from the conversation (`claimMessageSeqs`). */
export interface NewMessage {
  id: string;
  authorKind: AuthorKind;
  authorId?: string | null;
  authorName?: string | null;
  text: string;
  private?: boolean;
  clientMessageId?: string | null;
  replyTo?: string | null;
  articleId?: string | null;
  action?: string | null;
  attachments?: MessageAttachment[] | null;
}

/**
 * Takes a conversation's next `count` message numbers and returns the conversation as it now
 * stands (its `lastSeq` the last number taken). The increment locks the row until the transaction
 * ends, so messages arriving together get consecutive numbers, never the same. Null when there is
 * no such conversation, or, with `status`, when it is in another status (then nothing is taken).
 * `customerSeenAt` records the customer's presence in the same write; `at` is the app's time now.
 */
export async function claimMessageSeqs(tx: Sql, id: string, count: number, opts: { at: Date; status?: ConversationRecord['status']; customerSeenAt?: Date }): Promise<ConversationRecord | null> {
  let q = tx
    .updateTable('conversations')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', count), updatedAt: opts.at, ...(opts.customerSeenAt ? { customerSeenAt: opts.customerSeenAt } : {}) }))
    .where('id', '=', id);
  if (opts.status) q = q.where('status', '=', opts.status);
  return (await q.returningAll().executeTakeFirst()) ?? null;
}

/** Stores messages numbered up to `conversation.lastSeq` (just claimed), written `at`, in one statement; oldest first. */
export async function insertMessages(tx: Sql, conversation: Pick<ConversationRecord, 'id' | 'lastSeq'>, messages: NewMessage[], at: Date): Promise<MessageRecord[]> {
  if (!messages.length) return [];
  const first = conversation.lastSeq - messages.length + 1;
  return tx
    .insertInto('messages')
    .values(
      messages.map((m, i) => ({
        id: m.id,
        conversationId: conversation.id,
        seq: first + i,
        authorKind: m.authorKind,
        authorId: m.authorId ?? null,
        authorName: m.authorName ?? null,
        text: m.text,
        private: m.private ?? false,
        clientMessageId: m.clientMessageId ?? null,
        replyTo: m.replyTo ?? null,
        articleId: m.articleId ?? null,
        action: m.action ?? null,
        attachments: m.attachments?.length ? jsonColumn(m.attachments) : null,
        createdAt: at,
      })),
    )
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.seq - b.seq));
}

/** Stores one message, written `at`, with the conversation's next sequence number (`claimMessageSeqs`). */
export async function insertMessage(tx: Sql, m: NewMessage & { conversationId: string; at: Date }): Promise<MessageRecord> {
  const conversation = await claimMessageSeqs(tx, m.conversationId, 1, { at: m.at });
  if (!conversation) throw new Error(`no conversation ${m.conversationId}`);
  const [stored] = await insertMessages(tx, conversation, [m], m.at);
  return stored!;
}

export async function findMessageByClientId(db: Sql, conversationId: string, clientMessageId: string): Promise<MessageRecord | null> {
  return (await db.selectFrom('messages').selectAll().where('conversationId', '=', conversationId).where('clientMessageId', '=', clientMessageId).executeTakeFirst()) ?? null;
}

export async function listReplies(db: Sql, messageId: string): Promise<MessageRecord[]> {
  return db.selectFrom('messages').selectAll().where('replyTo', '=', messageId).orderBy('seq').execute();
}

export async function getMessage(db: Sql, id: string): Promise<MessageRecord | null> {
  return (await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listMessages(db: Sql, conversationId: string, opts: { after?: number; includePrivate?: boolean; limit?: number } = {}): Promise<MessageRecord[]> {
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('conversationId', '=', conversationId)
    .where('seq', '>', opts.after ?? 0);
  if (!opts.includePrivate) q = q.where('private', '=', false);
  return q.orderBy('seq').limit(Math.min(opts.limit ?? 1000, 5000)).execute();
}

/** Who spoke last to the other side, the customer or an agent (private notes and system lines aside); null when neither has. */
export async function lastSpeaker(db: Sql, conversationId: string): Promise<'customer' | 'agent' | null> {
  const row = await db
    .selectFrom('messages')
    .select('authorKind')
    .where('conversationId', '=', conversationId)
    .where('private', '=', false)
    .where('authorKind', 'in', ['customer', 'agent'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.authorKind === 'customer' || row?.authorKind === 'agent' ? row.authorKind : null;
}

/** Records the engine's decision on a message, once: false when one was recorded already. */
export async function saveDecision(tx: Sql, d: { messageId: string; conversationId: string; decision: unknown; at: Date }): Promise<boolean> {
  const row = await tx
    .insertInto('decisions')
    .values({ messageId: d.messageId, conversationId: d.conversationId, decision: jsonColumn(d.decision), createdAt: d.at })
    .onConflict((oc) => oc.column('messageId').doNothing())
    .returning('messageId')
    .executeTakeFirst();
  return Boolean(row);
}

/** Whether the engine already decided on this message. */
export async function hasDecision(db: Sql, messageId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('decisions').select('messageId').where('messageId', '=', messageId).executeTakeFirst());
}
