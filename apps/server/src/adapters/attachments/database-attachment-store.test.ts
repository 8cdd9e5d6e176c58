import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASES } from '../../test/databases.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { openPostgresDatabase } from '../db/postgres-database.js';
import { createDatabaseAttachmentStore } from './database-attachment-store.js';

/** An empty database of the kind, and how to drop it. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<{ db: Database; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase(null);
    return { db, close: () => db.close() };
  }
  const pg = await freshPostgres();
  const db = await openPostgresDatabase(pg.url);
  return {
    db,
    close: async () => {
      await db.close();
      await pg.drop();
    },
  };
}

const largeObjects = async (db: Database) => (await sql<{ oid: number }>`select oid from pg_largeobject_metadata order by oid`.execute(db)).rows.map((r) => Number(r.oid));

describe.each(TEST_DATABASES)('the database attachment store on %s', (kind) => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  let db: Database;
  const clock = () => new Date('2026-03-02T10:00:00Z');
  const old = [randomBytes(1500), randomBytes(700 * 1024)];
  beforeAll(async () => {
    empty = await emptyDatabase(kind);
    db = empty.db;
    await migrate(db, () => {}, { upTo: 17, clock });
    // The way files were stored before migration 18: the bytes in the row.
    for (const [i, bytes] of old.entries()) await sql`insert into attachment_blobs (key, bytes) values (${`old-${i}`}, ${bytes})`.execute(db);
  }, 60_000);
  afterAll(async () => {
    await empty?.close();
  });

  it('moves the bytes a bytea-era installation stored into large objects with migration 18, byte for byte', async () => {
    expect(await migrate(db, () => {}, { clock })).toEqual([18]);
    const store = createDatabaseAttachmentStore(db, { clock });
    for (const [i, bytes] of old.entries()) expect((await store.get(`old-${i}`))?.equals(bytes), `old-${i}`).toBe(true);
    expect(await largeObjects(db)).toHaveLength(2);
    const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'attachment_blobs' order by column_name`.execute(db);
    expect(rows.map((r) => r.name)).toEqual(['created_at', 'key', 'object_id', 'size']);
    for (const i of old.keys()) await store.delete(`old-${i}`);
    expect(await largeObjects(db)).toEqual([]);
  });

  it('keeps a small and a 5 MB file as large objects, byte for byte, read whole or as a stream in chunks, and unlinks them on delete', async () => {
    const store = createDatabaseAttachmentStore(db, { clock });
    const small = randomBytes(3000);
    const large = randomBytes(5 * 1024 * 1024 + 17);
    await store.put('small-1', small, 'image/png');
    await store.put('large-1', large, 'application/pdf');
    // Storing a key again (a retried put) changes nothing and makes no second object.
    await store.put('small-1', randomBytes(10), 'image/png');
    const objects = await largeObjects(db);
    expect(objects).toHaveLength(2);
    const rows = await db.selectFrom('attachmentBlobs').select(['key', 'objectId', 'size']).orderBy('key').execute();
    expect(rows.map((r) => [r.key, Number(r.size)])).toEqual([['large-1', large.length], ['small-1', small.length]]);
    expect(rows.map((r) => Number(r.objectId)).sort((a, b) => a - b)).toEqual(objects);

    expect((await store.get('small-1'))?.equals(small)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of (await store.open('large-1'))!) chunks.push(chunk as Buffer);
    expect(chunks.length).toBe(Math.ceil(large.length / (1024 * 1024)));
    expect(Buffer.concat(chunks).equals(large)).toBe(true);
    expect(await store.get('missing')).toBeNull();
    expect(await store.open('missing')).toBeNull();

    await store.delete('large-1');
    await store.delete('large-1');
    expect(await store.get('large-1')).toBeNull();
    expect(await largeObjects(db)).toEqual([Number(rows.find((r) => r.key === 'small-1')!.objectId)]);
    // A row removed some other way (by hand, say) takes its object with it too.
    await db.deleteFrom('attachmentBlobs').where('key', '=', 'small-1').execute();
    expect(await largeObjects(db)).toEqual([]);
    await store.delete('small-1');
    await expect(store.put('../escape', small, 'image/png')).rejects.toThrow(/not a valid attachment key/);
  });

  it('keeps neither object nor row when a put stops after its first chunk', async () => {
    const store = createDatabaseAttachmentStore(db, { clock });
    const bytes = randomBytes(600 * 1024);
    let taken = 0;
    // The process dies while the second chunk is taken: the first is already in the object.
    const dying = new Proxy(bytes, {
      get(target, property) {
        if (property === 'subarray') {
          return (start?: number, end?: number) => {
            if (++taken > 1) throw new Error('the process was killed');
            return target.subarray(start, end);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await expect(store.put('doomed-1', dying, 'image/png')).rejects.toThrow('the process was killed');
    expect(taken).toBe(2);
    expect(await largeObjects(db)).toEqual([]);
    expect(await store.get('doomed-1')).toBeNull();
  });
});
