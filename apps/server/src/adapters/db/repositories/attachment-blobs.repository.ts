import type { Sql } from '../database.js';

/** Stores a file's bytes in the database (the PostgreSQL attachment store); storing the same key again changes nothing. */
export async function putAttachmentBlob(db: Sql, key: string, bytes: Buffer): Promise<void> {
  await db.insertInto('attachmentBlobs').values({ key, bytes }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

export async function getAttachmentBlob(db: Sql, key: string): Promise<Buffer | null> {
  const row = await db.selectFrom('attachmentBlobs').select('bytes').where('key', '=', key).executeTakeFirst();
  // pg gives a Buffer, PGlite a Uint8Array.
  return row ? Buffer.from(row.bytes) : null;
}

export async function deleteAttachmentBlob(db: Sql, key: string): Promise<void> {
  await db.deleteFrom('attachmentBlobs').where('key', '=', key).execute();
}
