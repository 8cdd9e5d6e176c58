import { sql } from 'kysely';
import type { Sql } from '../database.js';
import { jsonColumn } from '../json-column.js';
import type { ConversationRecord, MessageRecord } from './conversations.repository.js';
import { nextEventNumber } from './events.repository.js';

/**
 * The two writes of every answered message, each as one statement: one round trip to the
 * database, atomic on its own (a statement commits or fails whole), and no lock held while the
 * node waits on the network. Each covers the common case only and writes nothing otherwise; the
 * use case then takes its general path, in a transaction of several statements.
 *
 * The `message.created` payload is built by the caller (`wireMessage`) before the statement runs,
 * so the message's number and time, which only the statement knows, are filled in here: `seq`,
 * `createdAt` (in milliseconds, as `Date.toISOString` writes it) and, for a customer, the name
 * the conversation holds.
 */

/** The message's time as `Date.toISOString()` writes it (PostgreSQL truncates to milliseconds, as a JS Date does). */
const isoTime = (column: ReturnType<typeof sql>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The `message.created` payload: `wire` with `seq`, `createdAt` and any `extra` fields set from the stored row `msg`. */
const createdPayload = (wire: object, extra = sql``) =>
  sql`jsonb_build_object('message', ${jsonColumn(wire)}::jsonb || jsonb_build_object('seq', msg.seq, 'createdAt', ${isoTime(sql`msg.created_at`)}${extra}))`;

/** A message row as these statements store it: no files, not private, no delivery status. */
function messageRecord(m: Pick<MessageRecord, 'id' | 'conversationId' | 'seq' | 'createdAt' | 'authorKind' | 'text'> & Partial<Pick<MessageRecord, 'authorName' | 'clientMessageId' | 'replyTo' | 'articleId' | 'action'>>): MessageRecord {
  return {
    authorId: null,
    authorName: null,
    private: false,
    clientMessageId: null,
    replyTo: null,
    articleId: null,
    action: null,
    deliveryStatus: null,
    deliveryDetail: null,
    attachments: null,
    ...m,
  };
}

export interface CustomerMessageStatement {
  id: string;
  conversationId: string;
  text: string;
  clientMessageId: string | null;
  /** The app's time now: the message's `createdAt` and the conversation's `updatedAt`. */
  at: Date;
  /** The customer is there now (`conversations.customer_seen_at`). */
  seenAt: Date;
  /** When the message is owed an answer by (`pending_answers`); null when it is owed none. */
  answerDueAt: Date | null;
  /** The message as clients see it (`wireMessage`), for the `message.created` payload; its `seq`, `createdAt` and author's name are filled in by the statement. */
  wire: (m: MessageRecord) => object;
}

/**
 * Stores a customer message in one statement: takes the conversation's next number and notes the
 * customer as there, inserts the message, appends its `message.created` event and marks it owed
 * an answer. Only when the conversation exists and is not resolved and `clientMessageId` is new
 * (a message with files, a reopening or a repeat goes the general way); null otherwise, with
 * nothing written. A copy racing in with the same `clientMessageId` fails on the unique index
 * (23505), as in the general path.
 */
export async function storeCustomerMessage(db: Sql, m: CustomerMessageStatement): Promise<{ conversation: ConversationRecord; message: MessageRecord; eventSeq: number } | null> {
  const record = (seq: number, createdAt: Date, authorName: string | null) =>
    messageRecord({ id: m.id, conversationId: m.conversationId, seq, createdAt, authorKind: 'customer', authorName, text: m.text, clientMessageId: m.clientMessageId });
  const { rows } = await sql<ConversationRecord & { messageSeq: number; messageCreatedAt: Date; eventSeq: number }>`
    with claim as (
      update conversations set last_seq = last_seq + 1, updated_at = ${m.at}, customer_seen_at = ${m.seenAt}
      where id = ${m.conversationId} and status <> 'resolved'
        ${m.clientMessageId === null ? sql`` : sql`and not exists (select 1 from messages where conversation_id = ${m.conversationId} and client_message_id = ${m.clientMessageId})`}
      returning *
    ), msg as (
      insert into messages (id, conversation_id, seq, author_kind, author_name, text, client_message_id, created_at)
      select ${m.id}, claim.id, claim.last_seq, 'customer', claim.customer_name, ${m.text}, ${m.clientMessageId}, ${m.at}::timestamptz from claim
      returning seq, created_at
    ), ${nextEventNumber}, ev as (
      insert into events (seq, type, conversation_id, payload, created_at)
      select next.start + next.rank, 'message.created', ${m.conversationId},
        ${createdPayload(m.wire(record(0, new Date(0), null)), sql`, 'author', case when coalesce(claim.customer_name, '') = '' then jsonb_build_object('kind', 'customer') else jsonb_build_object('kind', 'customer', 'name', claim.customer_name) end`)}, ${m.at}::timestamptz
      from next, msg, claim
      returning seq
    ), owed as (
      insert into pending_answers (message_id, conversation_id, due_at)
      select ${m.id}, ${m.conversationId}, ${m.answerDueAt}::timestamptz from msg where ${m.answerDueAt}::timestamptz is not null
      on conflict (message_id) do nothing
    )
    select claim.*, msg.seq as message_seq, msg.created_at as message_created_at, ev.seq as event_seq from claim, msg, ev`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const { messageSeq, messageCreatedAt, eventSeq, ...conversation } = row;
  return { conversation, message: record(messageSeq, messageCreatedAt, conversation.customerName), eventSeq };
}

export interface AiReplyStatement {
  id: string;
  conversationId: string;
  /** The customer message answered. */
  replyTo: string;
  text: string;
  articleId: string | null;
  action: string | null;
  /** The engine's decision on `replyTo`, recorded once. */
  decision: unknown;
  /** The app's time now: the reply's and the decision's `createdAt`, the conversation's `updatedAt`. */
  at: Date;
  /** The reply as clients see it (`wireMessage`), for the `message.created` payload; its `seq` and `createdAt` are filled in by the statement. */
  wire: (m: MessageRecord) => object;
}

/**
 * What `storeAiReply` did: `stored` the reply and its event's number; `answered` when a decision
 * on the message was recorded already (a retried copy answered first: nothing written); `not-ai`
 * when the AI no longer holds the conversation (a person took it while it thought: nothing written).
 */
export type AiReplyOutcome = { kind: 'stored'; message: MessageRecord; eventSeq: number } | { kind: 'answered' } | { kind: 'not-ai' };

/**
 * Stores the AI's one reply to a customer message in one statement: records the decision on the
 * message once, takes the next number while the AI holds the conversation, inserts the reply and
 * appends its `message.created` event. The decision is inserted first, so that a second copy of
 * the message waits on it and writes nothing (no number taken, no gap).
 */
export async function storeAiReply(db: Sql, r: AiReplyStatement): Promise<AiReplyOutcome> {
  const record = (seq: number, createdAt: Date) =>
    messageRecord({ id: r.id, conversationId: r.conversationId, seq, createdAt, authorKind: 'ai', text: r.text, replyTo: r.replyTo, articleId: r.articleId, action: r.action });
  const { rows } = await sql<{ status: string | null; decided: boolean; seq: number | null; createdAt: Date | null; eventSeq: number | null }>`
    with decided as (
      insert into decisions (message_id, conversation_id, decision, created_at)
      select ${r.replyTo}, ${r.conversationId}, ${jsonColumn(r.decision)}::jsonb, ${r.at}::timestamptz
      where exists (select 1 from conversations where id = ${r.conversationId} and status = 'ai')
      on conflict (message_id) do nothing
      returning message_id
    ), claim as (
      update conversations set last_seq = last_seq + 1, updated_at = ${r.at}
      where id = ${r.conversationId} and status = 'ai' and exists (select 1 from decided)
      returning id, last_seq
    ), msg as (
      insert into messages (id, conversation_id, seq, author_kind, text, reply_to, article_id, action, created_at)
      select ${r.id}, claim.id, claim.last_seq, 'ai', ${r.text}, ${r.replyTo}, ${r.articleId}, ${r.action}, ${r.at}::timestamptz from claim
      returning seq, created_at
    ), ${nextEventNumber}, ev as (
      insert into events (seq, type, conversation_id, payload, created_at)
      select next.start + next.rank, 'message.created', ${r.conversationId}, ${createdPayload(r.wire(record(0, new Date(0))))}, ${r.at}::timestamptz from next, msg
      returning seq
    )
    select (select status from conversations where id = ${r.conversationId}) as status, exists (select 1 from decided) as decided,
      (select seq from msg) as seq, (select created_at from msg) as created_at, (select seq from ev) as event_seq`.execute(db);
  const row = rows[0]!;
  if (row.seq !== null && row.createdAt && row.eventSeq !== null) return { kind: 'stored', message: record(row.seq, row.createdAt), eventSeq: row.eventSeq };
  // Recorded, but a person took the conversation between the check and the lock: the AI stays
  // quiet, and the decision goes (the general path would have rolled it back).
  if (row.decided) await db.deleteFrom('decisions').where('messageId', '=', r.replyTo).execute();
  // `status` was read before this statement's writes: 'ai' there with nothing decided means a decision was there already.
  return row.status === 'ai' && !row.decided ? { kind: 'answered' } : { kind: 'not-ai' };
}
