import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { EmailOutboxTable } from '../schema.js';
import { clipText } from '@baton/core';
import { jsonColumn } from '../json-column.js';

/** One mail waiting to be sent, or sent: the outbox the `send-email` job works from. */
export type OutboxRecord = Omit<Selectable<EmailOutboxTable>, 'refs'> & {
  /** The References header: the thread's Message-IDs, oldest first. */
  references: string[];
};

/**
 * Records a mail's Message-ID in its conversation's thread, `at` on the app's clock; false when it
 * was already there. The time orders the thread, so In-Reply-To names the latest mail: a mail
 * recorded in the same millisecond as the conversation's latest (or a clock that stands still)
 * is put a millisecond after it, so the order is the order of recording.
 */
export async function insertThreadMessage(tx: Sql, t: { messageId: string; conversationId: string; direction: 'in' | 'out'; subject: string | null; at: Date }): Promise<boolean> {
  const { at, ...values } = t;
  const latest = tx.selectFrom('emailThreads').select(sql<Date>`max(created_at) + interval '1 millisecond'`.as('next')).where('conversationId', '=', t.conversationId);
  const row = await tx
    .insertInto('emailThreads')
    .values({ ...values, createdAt: sql<Date>`greatest(${at}::timestamptz, (${latest}))` })
    .onConflict((oc) => oc.column('messageId').doNothing())
    .returning('messageId')
    .executeTakeFirst();
  return row !== undefined;
}

/** The conversation one of these Message-IDs belongs to (the most recent wins). */
export async function findConversationByThread(db: Sql, messageIds: string[]): Promise<string | null> {
  if (!messageIds.length) return null;
  const row = await db.selectFrom('emailThreads').select('conversationId').where('messageId', 'in', messageIds).orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  return row?.conversationId ?? null;
}

/** The thread of a conversation: its Message-IDs oldest first, and the subject it started with. */
export async function getThread(db: Sql, conversationId: string): Promise<{ messageIds: string[]; subject: string | null }> {
  const rows = await db.selectFrom('emailThreads').select(['messageId', 'subject']).where('conversationId', '=', conversationId).orderBy('createdAt').orderBy('messageId').execute();
  return { messageIds: rows.map((r) => r.messageId), subject: rows.find((r) => r.subject)?.subject ?? null };
}

/** Stores a mail to send; null when its source already has one (a listener re-run). */
export async function insertOutbox(tx: Sql, o: Omit<OutboxRecord, 'status' | 'attempts' | 'lastError' | 'sentAt' | 'html'> & { html?: string | null }): Promise<OutboxRecord | null> {
  const { references, ...rest } = o;
  const row = await tx
    .insertInto('emailOutbox')
    .values({ ...rest, html: o.html ?? null, refs: jsonColumn(references), status: 'pending' })
    .onConflict((oc) => oc.column('sourceKey').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toOutbox(row) : null;
}

/** When a mail of one of these kinds last went (or was queued) to this conversation. */
export async function lastOutboxAt(db: Sql, conversationId: string, kinds: string[]): Promise<Date | null> {
  if (!kinds.length) return null;
  const row = await db.selectFrom('emailOutbox').select('createdAt').where('conversationId', '=', conversationId).where('kind', 'in', kinds).orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  return row?.createdAt ?? null;
}

export async function getOutbox(db: Sql, id: string): Promise<OutboxRecord | null> {
  const row = await db.selectFrom('emailOutbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutbox(row) : null;
}

export async function listOutbox(db: Sql, filter: { conversationId?: string; status?: OutboxRecord['status']; limit?: number } = {}): Promise<OutboxRecord[]> {
  let q = db.selectFrom('emailOutbox').selectAll();
  if (filter.conversationId !== undefined) q = q.where('conversationId', '=', filter.conversationId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  return (await q.orderBy('createdAt').orderBy('id').limit(Math.min(filter.limit ?? 100, 1000)).execute()).map(toOutbox);
}

export async function markOutboxSent(db: Sql, id: string, at: Date): Promise<void> {
  await db
    .updateTable('emailOutbox')
    .set((eb) => ({ status: 'sent', sentAt: at, attempts: eb('attempts', '+', 1), lastError: null }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Counts a failed attempt; `final` gives up on the mail (status `failed`). */
export async function recordOutboxFailure(db: Sql, id: string, error: string, final: boolean): Promise<void> {
  await db
    .updateTable('emailOutbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: clipText(error, 1000), ...(final ? { status: 'failed' as const } : {}) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** The column is `refs`; the record calls it after the header it fills. */
function toOutbox({ refs, ...row }: Selectable<EmailOutboxTable>): OutboxRecord {
  return { ...row, references: refs };
}

/** Replaces a sent mail's subject and body, for mail that carried a secret (a one-time code). */
export async function redactOutboxBody(db: Sql, id: string, note: string): Promise<void> {
  await db.updateTable('emailOutbox').set({ subject: note, body: note, html: null }).where('id', '=', id).execute();
}
