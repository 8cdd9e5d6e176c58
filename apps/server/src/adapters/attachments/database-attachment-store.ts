import type { Sql } from '../db/database.js';
import { deleteAttachmentBlob, getAttachmentBlob, putAttachmentBlob } from '../db/repositories/attachment-blobs.repository.js';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey } from './attachment-store.js';

/** Files kept in the database itself (`attachment_blobs`, `bytea`): the default on PostgreSQL, where every node sees them. */
export function createDatabaseAttachmentStore(db: Sql): AttachmentStore {
  return {
    kind: 'database',
    async put(key, bytes) {
      assertStoreKey(key);
      await putAttachmentBlob(db, key, bytes);
    },
    async get(key) {
      assertStoreKey(key);
      return getAttachmentBlob(db, key);
    },
    async delete(key) {
      assertStoreKey(key);
      await deleteAttachmentBlob(db, key);
    },
  };
}
