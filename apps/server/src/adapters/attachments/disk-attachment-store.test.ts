import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskAttachmentStore } from './disk-attachment-store.js';

/** All of a stream's bytes. */
async function streamed(opening: Promise<NodeJS.ReadableStream | null>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await opening)!) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('the disk attachment store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('puts, gets and deletes by key, leaves no temporary file, and refuses a key that is a path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baton-attachments-'));
    dirs.push(dir);
    const store = createDiskAttachmentStore(dir);
    await store.put('3f2a-file', Buffer.from('bytes'), 'image/png');
    expect((await store.get('3f2a-file'))?.toString()).toBe('bytes');
    expect(await readdir(join(dir, '3f'))).toEqual(['3f2a-file']);
    expect(await store.get('missing')).toBeNull();
    expect((await streamed(store.open('3f2a-file'))).toString()).toBe('bytes');
    expect(await store.open('missing')).toBeNull();
    // A half file a process killed while writing left: removing the key removes it too.
    await writeFile(join(dir, '3f', '3f2a-file.part'), 'by');
    await store.delete('3f2a-file');
    await store.delete('3f2a-file');
    expect(await store.get('3f2a-file')).toBeNull();
    expect(await readdir(join(dir, '3f'))).toEqual([]);
    await expect(store.put('../escape', Buffer.from('x'), 'image/png')).rejects.toThrow(/not a valid attachment key/);
    await expect(store.get('a/b')).rejects.toThrow(/not a valid attachment key/);
  });
});
