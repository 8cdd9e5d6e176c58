import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { CallbackStatus, CallbackTable } from '../schema.js';

export type { CallbackStatus } from '../schema.js';

/** A row of `callbacks`: a callback or email reply booked for a customer. */
export type CallbackRecord = Selectable<CallbackTable>;

export async function insertCallback(tx: Sql, c: Omit<CallbackRecord, 'createdAt' | 'status'>): Promise<CallbackRecord> {
  return tx
    .insertInto('callbacks')
    .values({ ...c, status: 'scheduled' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCallback(db: Sql, id: string): Promise<CallbackRecord | null> {
  return (await db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Moves a callback from one status to another; false when it was no longer in `from`. */
export async function setCallbackStatus(tx: Sql, id: string, status: CallbackStatus, from: CallbackStatus): Promise<boolean> {
  const row = await tx.updateTable('callbacks').set({ status }).where('id', '=', id).where('status', '=', from).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function callbacksFor(db: Sql, conversationId: string): Promise<CallbackRecord[]> {
  return db.selectFrom('callbacks').selectAll().where('conversationId', '=', conversationId).orderBy('createdAt').execute();
}
