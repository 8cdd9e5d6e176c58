import type { Sql } from '../db/database.js';
import type { ConversationRecord } from '../db/repositories/conversations.repository.js';
import { toConversation } from '../db/repositories/conversations.repository.js';

/** One mail waiting to be sent, or sent: the outbox the `send-email` job works from. */
export interface OutboxRecord {
  id: string;
  conversationId: string;
  /** What it was made from (`message:<id>`, `handoff:<id>`): one mail per source, however often the listener runs. */
  sourceKey: string;
  /** `message`, `queue_update`, `escalate`, `handoff_confirmation`. */
  kind: string;
  /** Without angle brackets. */
  rfcMessageId: string;
  toAddress: string;
  subject: string;
  body: string;
  inReplyTo: string | null;
  references: string[];
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Records a mail's Message-ID in its conversation's thread; false when it was already there. The
 * wall-clock time (not the test clock) orders the thread, so In-Reply-To names the latest mail.
 */
export async function insertThreadMessage(tx: Sql, t: { messageId: string; conversationId: string; direction: 'in' | 'out'; subject: string | null }): Promise<boolean> {
  const rows = await tx.query(
    'insert into email_threads (message_id, conversation_id, direction, subject, created_at) values ($1, $2, $3, $4, clock_timestamp()) on conflict (message_id) do nothing returning message_id',
    [t.messageId, t.conversationId, t.direction, t.subject],
  );
  return rows.length > 0;
}

/** The conversation one of these Message-IDs belongs to (the most recent wins). */
export async function findConversationByThread(db: Sql, messageIds: string[]): Promise<string | null> {
  if (!messageIds.length) return null;
  const rows = await db.query<{ conversation_id: string }>('select conversation_id from email_threads where message_id = any($1::text[]) order by created_at desc limit 1', [messageIds]);
  return rows[0]?.conversation_id ?? null;
}

/** The thread of a conversation: its Message-IDs oldest first, and the subject it started with. */
export async function getThread(db: Sql, conversationId: string): Promise<{ messageIds: string[]; subject: string | null }> {
  const rows = await db.query<{ message_id: string; subject: string | null }>('select message_id, subject from email_threads where conversation_id = $1 order by created_at, message_id', [conversationId]);
  return { messageIds: rows.map((r) => r.message_id), subject: rows.find((r) => r.subject)?.subject ?? null };
}

export async function findConversationByCaseNumber(db: Sql, caseNumber: string): Promise<ConversationRecord | null> {
  const rows = await db.query('select * from conversations where case_number = $1', [caseNumber]);
  return rows[0] ? toConversation(rows[0]) : null;
}

/** Stores a mail to send; null when its source already has one (a listener re-run). */
export async function insertOutbox(tx: Sql, o: Omit<OutboxRecord, 'status' | 'attempts' | 'lastError' | 'sentAt'>): Promise<OutboxRecord | null> {
  const rows = await tx.query(
    `insert into email_outbox (id, conversation_id, source_key, kind, rfc_message_id, to_address, subject, body, in_reply_to, refs, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11) on conflict (source_key) do nothing returning *`,
    [o.id, o.conversationId, o.sourceKey, o.kind, o.rfcMessageId, o.toAddress, o.subject, o.body, o.inReplyTo, JSON.stringify(o.references), o.createdAt],
  );
  return rows[0] ? toOutbox(rows[0]) : null;
}

/** When a mail of one of these kinds last went (or was queued) to this conversation. */
export async function lastOutboxAt(db: Sql, conversationId: string, kinds: string[]): Promise<Date | null> {
  const rows = await db.query<{ created_at: string | Date }>('select created_at from email_outbox where conversation_id = $1 and kind = any($2::text[]) order by created_at desc limit 1', [conversationId, kinds]);
  return rows[0] ? new Date(rows[0].created_at) : null;
}

export async function getOutbox(db: Sql, id: string): Promise<OutboxRecord | null> {
  const rows = await db.query('select * from email_outbox where id = $1', [id]);
  return rows[0] ? toOutbox(rows[0]) : null;
}

export async function listOutbox(db: Sql, filter: { conversationId?: string; status?: OutboxRecord['status']; limit?: number } = {}): Promise<OutboxRecord[]> {
  const rows = await db.query(
    `select * from email_outbox where ($1::text is null or conversation_id = $1) and ($2::text is null or status = $2) order by created_at, id limit $3`,
    [filter.conversationId ?? null, filter.status ?? null, Math.min(filter.limit ?? 100, 1000)],
  );
  return rows.map(toOutbox);
}

export async function markOutboxSent(db: Sql, id: string, at: Date): Promise<void> {
  await db.query(`update email_outbox set status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = null where id = $1 and status = 'pending'`, [id, at]);
}

/** Counts a failed attempt; `final` gives up on the mail (status `failed`). */
export async function recordOutboxFailure(db: Sql, id: string, error: string, final: boolean): Promise<void> {
  await db.query(`update email_outbox set attempts = attempts + 1, last_error = $2, status = case when $3 then 'failed' else status end where id = $1 and status = 'pending'`, [id, error.slice(0, 1000), final]);
}

function toOutbox(r: Record<string, unknown>): OutboxRecord {
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    sourceKey: r.source_key as string,
    kind: r.kind as string,
    rfcMessageId: r.rfc_message_id as string,
    toAddress: r.to_address as string,
    subject: r.subject as string,
    body: r.body as string,
    inReplyTo: (r.in_reply_to as string | null) ?? null,
    references: (typeof r.refs === 'string' ? JSON.parse(r.refs) : r.refs) as string[],
    status: r.status as OutboxRecord['status'],
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as string | Date),
    sentAt: r.sent_at ? new Date(r.sent_at as string | Date) : null,
  };
}
