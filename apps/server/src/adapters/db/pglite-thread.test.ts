import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPgliteDatabase } from './pglite-database.js';
import { getAgent, insertAgent } from './repositories/agents.repository.js';

/** The test's time: rows and migrations are dated by it, never by the machine. */
const AT = new Date('2026-03-02T10:00:00Z');

// PGlite in a worker thread (BATON_PGLITE_WORKER): the same database through messages, with
// transactions that still hold the one connection, and PostgreSQL's errors intact.
describe('PGlite in a worker thread', () => {
  let db: Database;
  const agent = (id: string) => ({ id, email: `${id}@example.com`, name: id, role: 'agent' as const, passwordHash: 'x', capacity: 3, skills: [], teamIds: [], at: AT });
  beforeAll(async () => {
    db = await openPgliteDatabase(null, { worker: true });
    await migrate(db, () => {}, { clock: () => AT });
  }, 60_000);
  afterAll(() => db?.close());

  it('keeps a statement from outside waiting until the transaction ends, commits, and rolls back keeping the error', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    const rolledBack = db.transaction().execute(async (t) => {
      await insertAgent(t, agent('w-0'));
      inside();
      await held;
      throw new Error('changed my mind');
    });
    await opened;
    // PGlite has one session: a read let in now would see the uncommitted row. It waits, and finds nothing.
    const outside = getAgent(db, 'w-0');
    release();
    await expect(rolledBack).rejects.toThrow('changed my mind');
    expect(await outside).toBeNull();
    await db.transaction().execute((t) => insertAgent(t, agent('w-1')));
    expect(await getAgent(db, 'w-1')).toMatchObject({ id: 'w-1', email: 'w-1@example.com', teamIds: [] });
    await expect(
      db.transaction().execute(async (t) => {
        await insertAgent(t, agent('w-2'));
        await sql`insert into agents (id, email, name, role, password_hash) values ('w-3', 'w-1@example.com', 'Again', 'agent', 'x')`.execute(t);
      }),
    ).rejects.toMatchObject({ code: '23505', table: 'agents' });
    expect(await getAgent(db, 'w-2')).toBeNull();
  });

  it('runs pg-boss-style scripts and parameters, and reads back dates and JSON as on this thread', async () => {
    const at = new Date('2026-03-10T10:00:00.000Z');
    const { rows } = await sql<{ at: Date; doc: { a: number[] } }>`select ${at}::timestamptz as at, ${JSON.stringify({ a: [1, 2] })}::jsonb as doc`.execute(db);
    expect(rows).toEqual([{ at, doc: { a: [1, 2] } }]);
    expect((await db.executeSql('select 1 as one; select 2 as two')).rows).toEqual([{ two: 2 }]);
  });
});
