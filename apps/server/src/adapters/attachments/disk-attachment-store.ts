import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey } from './attachment-store.js';

/**
 * Files in a folder (`BATON_ATTACHMENT_DIR`, by default `attachments/` in the data folder), two
 * characters of the key as a subfolder. A file is written under a temporary name and renamed, so
 * a killed process leaves no half file under a real key.
 */
export function createDiskAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (key: string) => {
    assertStoreKey(key);
    return join(dir, key.slice(0, 2), key);
  };
  return {
    kind: 'disk',
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomUUID()}.part`;
      try {
        await writeFile(temporary, bytes, { mode: 0o600 });
        await rename(temporary, path);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async open(key) {
      try {
        return (await open(pathOf(key))).createReadStream();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
