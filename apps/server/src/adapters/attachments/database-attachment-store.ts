import { Readable } from 'node:stream';
import type { Sql } from '../db/database.js';
import { BLOB_CHUNK_BYTES, deleteAttachmentBlob, findAttachmentBlob, listBlobKeysBefore, putAttachmentBlob, readAttachmentBlobChunk } from '../db/repositories/attachment-blobs.repository.js';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey } from './attachment-store.js';

/** A read's share of a large object per statement: a 10 MB file is forty statements, none of them holding the whole. */
const READ_CHUNK_BYTES = 4 * BLOB_CHUNK_BYTES;
/** Keys listed per statement. */
const LIST_PAGE = 500;

/**
 * Files kept in the database itself, as PostgreSQL large objects (`attachment_blobs` names each
 * one): the default on PostgreSQL, where every node sees them. Written in chunks in one
 * transaction with the row that names the object, read in chunks with `lo_get`, and unlinked by
 * the row's delete trigger, so no object is ever left without its row.
 */
export function createDatabaseAttachmentStore(db: Sql, o: { clock?: () => Date } = {}): AttachmentStore {
  const clock = o.clock ?? (() => new Date());

  async function* chunksOf(objectId: number, size: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < size; offset += READ_CHUNK_BYTES) {
      const chunk = await readAttachmentBlobChunk(db, objectId, offset, Math.min(READ_CHUNK_BYTES, size - offset));
      if (!chunk.length) throw new Error(`large object ${objectId} ends at ${offset} bytes, short of its ${size}`);
      yield chunk;
    }
  }

  return {
    kind: 'database',
    async put(key, bytes) {
      assertStoreKey(key);
      await putAttachmentBlob(db, key, bytes, clock());
    },
    async get(key) {
      assertStoreKey(key);
      const blob = await findAttachmentBlob(db, key);
      if (!blob) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of chunksOf(blob.objectId, blob.size)) chunks.push(chunk);
      return Buffer.concat(chunks, blob.size);
    },
    async open(key) {
      assertStoreKey(key);
      const blob = await findAttachmentBlob(db, key);
      return blob ? Readable.from(chunksOf(blob.objectId, blob.size), { objectMode: false }) : null;
    },
    async delete(key) {
      assertStoreKey(key);
      await deleteAttachmentBlob(db, key);
    },
    async *storedBefore(before) {
      for (let after = ''; ; ) {
        const keys = await listBlobKeysBefore(db, before, after, LIST_PAGE);
        if (!keys.length) return;
        yield keys;
        after = keys.at(-1)!;
      }
    },
  };
}
