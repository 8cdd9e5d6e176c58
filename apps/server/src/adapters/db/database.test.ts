import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASES } from '../../test/databases.js';
import type { Database } from './database.js';
import { isMigrated, migrate } from './migrations.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';
import { getAgent, insertAgent } from './repositories/agents.repository.js';

/** The test's time: rows and migrations are dated by it, never by the machine. */
const AT = new Date('2026-03-02T10:00:00Z');

/** The storage port on each backend: transactions commit, roll back and isolate as use cases expect. */
describe.each(TEST_DATABASES)('the database on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | null = null;
  let n = 0;
  const agent = (id: string) => ({ id, email: `${id}@example.com`, name: id, role: 'agent' as const, passwordHash: 'x', capacity: 3, skills: [], teamIds: [], at: AT });
  const newId = () => `agent-${(n += 1)}`;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await freshPostgres();
      drop = pg.drop;
      db = await openPostgresDatabase(pg.url);
    } else db = await openPgliteDatabase(null);
    expect(await isMigrated(db)).toBe(false);
    await migrate(db, () => {}, { clock: () => AT });
  });

  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('migrates once, and knows it', async () => {
    expect(await isMigrated(db)).toBe(true);
    expect(await migrate(db, () => {}, { clock: () => AT })).toEqual([]);
  });

  it('commits a transaction that resolves', async () => {
    const id = newId();
    const inside = await db.transaction().execute(async (tx) => {
      await insertAgent(tx, agent(id));
      return getAgent(tx, id);
    });
    expect(inside).toMatchObject({ id, email: `${id}@example.com`, teamIds: [], presence: 'offline', capacity: 3 });
    expect(await getAgent(db, id)).toEqual(inside);
  });

  it('rolls back a transaction that throws, and goes on working', async () => {
    const id = newId();
    await expect(
      db.transaction().execute(async (tx) => {
        await insertAgent(tx, agent(id));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await getAgent(db, id)).toBeNull();
    const after = newId();
    await db.transaction().execute((tx) => insertAgent(tx, agent(after)));
    expect(await getAgent(db, after)).not.toBeNull();
  });

  it('rolls back when a statement fails inside the transaction', async () => {
    const id = newId();
    await expect(
      db.transaction().execute(async (tx) => {
        await insertAgent(tx, agent(id));
        await insertAgent(tx, { ...agent(id), email: `other-${id}@example.com` }); // the same primary key
      }),
    ).rejects.toThrow();
    expect(await getAgent(db, id)).toBeNull();
  });

  it('does not show uncommitted rows to other queries', async () => {
    const id = newId();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    const tx = db.transaction().execute(async (t) => {
      await insertAgent(t, agent(id));
      inserted();
      await held;
    });
    await written;
    // PGlite makes the outside query wait for the commit; PostgreSQL answers from before it.
    const outside = getAgent(db, id);
    const early = await Promise.race([outside.then((a) => (a ? 'seen' : 'not seen')), new Promise((resolve) => setTimeout(() => resolve('waiting'), 100))]);
    expect(['not seen', 'waiting']).toContain(early);
    release();
    await tx;
    expect(await getAgent(db, id)).not.toBeNull();
    await outside;
  });

  it('reads bigints and counts as numbers, timestamps as Dates, jsonb as values', async () => {
    const { rows } = await sql<{ big: unknown; at: unknown; doc: unknown }>`select 9007199254740::int8 as big, now() as at, '{"a_b":[1]}'::jsonb as doc`.execute(db);
    expect(typeof rows[0]!.big).toBe('number');
    expect(rows[0]!.at).toBeInstanceOf(Date);
    // Nested keys stay as stored; only column names are camel-cased.
    expect(rows[0]!.doc).toEqual({ a_b: [1] });
  });
});
