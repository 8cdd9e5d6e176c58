import { sql } from 'kysely';
import type { Sql } from '../database.js';

/** The size of one statement's share of a large object, written or read. */
export const BLOB_CHUNK_BYTES = 256 * 1024;

/**
 * Stores a file's bytes as a large object, with the row that names it, in one transaction: a
 * process killed half way leaves neither (large objects are transactional). Storing a key that is
 * already there changes nothing. `db` must not be a transaction already.
 */
export async function putAttachmentBlob(db: Sql, key: string, bytes: Buffer, createdAt: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // The object is made only when the key is new, so a repeated key creates no object.
    const { rows } = await sql<{ oid: number }>`
      insert into attachment_blobs (key, object_id, size, created_at)
      select ${key}, lo_from_bytea(0, ${bytes.subarray(0, BLOB_CHUNK_BYTES)}), ${bytes.length}, ${createdAt}
      where not exists (select 1 from attachment_blobs where key = ${key})
      returning object_id as oid`.execute(tx);
    const oid = rows[0]?.oid;
    if (oid === undefined) return;
    for (let offset = BLOB_CHUNK_BYTES; offset < bytes.length; offset += BLOB_CHUNK_BYTES) {
      await sql`select lo_put(${oid}::oid, ${offset}::bigint, ${bytes.subarray(offset, offset + BLOB_CHUNK_BYTES)})`.execute(tx);
    }
  });
}

/** The large object holding a key's bytes, and their size; null when the key is not stored. */
export async function findAttachmentBlob(db: Sql, key: string): Promise<{ objectId: number; size: number } | null> {
  const row = await db.selectFrom('attachmentBlobs').select(['objectId', 'size']).where('key', '=', key).executeTakeFirst();
  return row ? { objectId: Number(row.objectId), size: Number(row.size) } : null;
}

/** `length` bytes of a large object from `offset` (fewer at its end). */
export async function readAttachmentBlobChunk(db: Sql, objectId: number, offset: number, length: number): Promise<Buffer> {
  const { rows } = await sql<{ bytes: Uint8Array }>`select lo_get(${objectId}::oid, ${offset}::bigint, ${length}::integer) as bytes`.execute(db);
  // pg gives a Buffer, PGlite a Uint8Array.
  return Buffer.from(rows[0]!.bytes);
}

/**
 * Removes a key's row, and with it its large object (the row's delete trigger unlinks it, in the
 * same statement); a key that is not there is not an error.
 */
export async function deleteAttachmentBlob(db: Sql, key: string): Promise<void> {
  await db.deleteFrom('attachmentBlobs').where('key', '=', key).execute();
}

/** Keys stored before `before`, after `afterKey` in key order: a page of what the store holds. */
export async function listBlobKeysBefore(db: Sql, before: Date, afterKey: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('attachmentBlobs').select('key').where('createdAt', '<', before).where('key', '>', afterKey).orderBy('key').limit(limit).execute();
  return rows.map((r) => r.key);
}
