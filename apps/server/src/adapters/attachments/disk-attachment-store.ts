import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey, isStoreKey } from './attachment-store.js';

/**
 * Files in a folder (`BATON_ATTACHMENT_DIR`, by default `attachments/` in the data folder), two
 * characters of the key as a subfolder. A file is written under a temporary name (the key's, with
 * `.part`) and renamed, so a killed process leaves no half file under a real key, and removing the
 * key removes a half file too.
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
      // Keys are fresh ids, so no two writers share a temporary name.
      const temporary = `${path}.part`;
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
    async *storedBefore(before) {
      for (const folder of await readdir(dir).catch(() => [])) {
        const keys = new Set<string>();
        for (const name of await readdir(join(dir, folder)).catch(() => [])) {
          const key = name.replace(/\.part$/, '');
          if (!isStoreKey(key) || key.slice(0, 2) !== folder) continue;
          const modified = await stat(join(dir, folder, name)).then((s) => s.mtime, () => null);
          if (modified && modified < before) keys.add(key);
        }
        if (keys.size) yield [...keys];
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}.part`, { force: true });
    },
  };
}
