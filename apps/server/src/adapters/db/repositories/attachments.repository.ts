import type { Insertable, Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { AttachmentTable, AttachmentUploader } from '../schema.js';

export type { AttachmentUploader, MessageAttachment } from '../schema.js';

/** A row of `attachments`. */
export type AttachmentRecord = Selectable<AttachmentTable>;

/** Records an uploaded file; null when the uploader's `clientAttachmentId` was already used (the first one stands). */
export async function insertAttachment(tx: Sql, a: Insertable<AttachmentTable>): Promise<AttachmentRecord | null> {
  const row = await tx.insertInto('attachments').values(a).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  return row ?? null;
}

export async function getAttachment(db: Sql, conversationId: string, id: string): Promise<AttachmentRecord | null> {
  return (await db.selectFrom('attachments').selectAll().where('conversationId', '=', conversationId).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The upload a retried request with the same key made first. */
export async function findAttachmentByClientId(db: Sql, conversationId: string, uploaderKind: AttachmentUploader, clientAttachmentId: string): Promise<AttachmentRecord | null> {
  return (
    (await db
      .selectFrom('attachments')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .where('uploaderKind', '=', uploaderKind)
      .where('clientAttachmentId', '=', clientAttachmentId)
      .executeTakeFirst()) ?? null
  );
}

/** The conversation's files with these ids, locked until the transaction ends (two messages cannot both take one). */
export async function lockAttachments(tx: Sql, conversationId: string, ids: string[]): Promise<AttachmentRecord[]> {
  if (!ids.length) return [];
  return tx.selectFrom('attachments').selectAll().where('conversationId', '=', conversationId).where('id', 'in', ids).forUpdate().execute();
}

/** Ties uploaded files to the message that sends them. */
export async function attachToMessage(tx: Sql, ids: string[], messageId: string, visibleToCustomer: boolean): Promise<void> {
  if (!ids.length) return;
  await tx.updateTable('attachments').set({ messageId, visibleToCustomer }).where('id', 'in', ids).where('messageId', 'is', null).execute();
}

/** How many files a conversation holds, and their total size: the per-conversation allowance. */
export async function conversationAttachmentUsage(db: Sql, conversationId: string): Promise<{ count: number; bytes: number }> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.val(0)).as('bytes')])
    .where('conversationId', '=', conversationId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), bytes: Number(row.bytes) };
}

/** The files a message sent that its customer may see, in the order they were uploaded. */
export async function listCustomerAttachmentsOf(db: Sql, messageId: string): Promise<AttachmentRecord[]> {
  return db.selectFrom('attachments').selectAll().where('messageId', '=', messageId).where('visibleToCustomer', '=', true).orderBy('createdAt').orderBy('id').execute();
}

/** Uploads no message has sent, older than `before`, oldest first: what the unsent-upload sweep removes. */
export async function listUnsentAttachmentsBefore(db: Sql, before: Date, limit: number): Promise<AttachmentRecord[]> {
  return db.selectFrom('attachments').selectAll().where('messageId', 'is', null).where('createdAt', '<', before).orderBy('createdAt').orderBy('id').limit(limit).execute();
}

/**
 * Removes the row of an upload that is still unsent, in one statement, so a message taking it at
 * the same moment either gets it (and the row stays) or finds it gone. Returns the removed row.
 */
export async function deleteUnsentAttachment(db: Sql, id: string): Promise<AttachmentRecord | null> {
  return (await db.deleteFrom('attachments').where('id', '=', id).where('messageId', 'is', null).returningAll().executeTakeFirst()) ?? null;
}
