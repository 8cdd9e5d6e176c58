import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { migrate } from '../migrations.js';
import { openPostgresDatabase } from '../postgres-database.js';
import { freshPostgres } from '../../../test/databases.js';
import type { Sql } from '../database.js';
import { appendEvent, EVENTS_PER_TRANSACTION, lastEventSeq, listEventsAfter, readEventLog } from './events.repository.js';

/** A promise with its resolver, to hold a transaction open until the test lets it go. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** When the events happen: any fixed time; these tests are about their numbers. */
const AT = new Date('2026-03-02T10:00:00Z');
const event = (agentId: string) => ({ type: 'agent.access_changed' as const, agentId, payload: { reason: 'logout' as const } });

/** Reads the log from `after` as the streams' hub does, until the horizon and the end meet; returns the numbers read. */
async function drain(db: Sql, after: number): Promise<{ seqs: number[]; end: number }> {
  const seqs: number[] = [];
  let at = after;
  for (;;) {
    const page = await readEventLog(db, at, 200);
    seqs.push(...page.events.map((e) => e.seq));
    if (page.end === at && !page.heldBack) return { seqs, end: at };
    at = page.end;
  }
}

// Events are numbered per transaction, without a row every writer waits on; readers read below
// the oldest running transaction. These cases need concurrent connections: PostgreSQL only.
describe.runIf(process.env.DATABASE_URL)('the event log under concurrent writers and readers on PostgreSQL', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg.drop;
    db = await openPostgresDatabase(pg.url, { max: 20 });
    await migrate(db, () => {}, { clock: () => AT });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('lets a later writer commit while an earlier one is still open, and holds its event back until the earlier one ends', async () => {
    const start = await lastEventSeq(db);
    const holdA = gate();
    const aWrote = gate();
    let aSeq = 0;
    const a = db.transaction().execute(async (tx) => {
      aSeq = (await appendEvent(tx, event('a'), AT)).seq;
      aWrote.open();
      await holdA.opened;
    });
    await aWrote.opened;
    // B starts after A and commits first. With one counter row B would wait here for A's commit,
    // and this test would never end.
    const bSeq = await db.transaction().execute(async (tx) => (await appendEvent(tx, event('b'), AT)).seq);
    expect(bSeq).toBeGreaterThan(aSeq);
    // B is committed but A, with the smaller number, may still commit: B is not readable yet.
    const early = await readEventLog(db, start, 100);
    expect(early.events.map((e) => e.seq)).not.toContain(bSeq);
    expect(early.heldBack).toBe(true);
    expect(await listEventsAfter(db, start)).toEqual([]);
    expect(await lastEventSeq(db)).toBeLessThan(aSeq);
    holdA.open();
    await a;
    const late = await drain(db, start);
    expect(late.seqs).toEqual([aSeq, bSeq]);
  });

  it('never lets a reader resuming from its last number miss or repeat an event, whatever the commit order and rollbacks', async () => {
    const start = await lastEventSeq(db);
    const committed: number[] = [];
    const rolledBack: number[] = [];
    let writing = true;
    // Writers: each transaction appends one to three events, then lingers a random while before
    // committing (or, one time in five, rolling back), so commits land out of number order.
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        const seqs: number[] = [];
        const rollback = (w + i) % 5 === 0;
        await db
          .transaction()
          .execute(async (tx) => {
            for (let k = 0; k <= (w + i) % 3; k++) seqs.push((await appendEvent(tx, event(`w${w}`), AT)).seq);
            await new Promise((r) => setTimeout(r, (w * 7 + i * 13) % 9));
            if (rollback) throw new Error('rolled back on purpose');
          })
          .catch((err: Error) => {
            if (err.message !== 'rolled back on purpose') throw err;
          });
        (rollback ? rolledBack : committed).push(...seqs);
      }
    };
    // Readers: each resumes from the last number it read, as a reconnecting stream does.
    const reader = async () => {
      const seen: number[] = [];
      let at = start;
      while (writing) {
        const page = await readEventLog(db, at, 7);
        seen.push(...page.events.map((e) => e.seq));
        at = page.end;
      }
      const rest = await drain(db, at);
      return [...seen, ...rest.seqs];
    };
    const readers = [reader(), reader(), reader()];
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    writing = false;
    const views = await Promise.all(readers);
    const expected = [...committed].sort((x, y) => x - y);
    expect(expected.length).toBeGreaterThan(100);
    expect(rolledBack.length).toBeGreaterThan(0);
    for (const view of views) expect(view).toEqual(expected);
  }, 60_000);

  it('refuses a transaction that would append more events than its block holds, and keeps none of them', async () => {
    const start = await lastEventSeq(db);
    await expect(
      db.transaction().execute(async (tx) => {
        for (let i = 0; i <= EVENTS_PER_TRANSACTION; i++) await appendEvent(tx, event('bulk'), AT);
      }),
    ).rejects.toThrow(`at most ${EVENTS_PER_TRANSACTION} events`);
    expect((await drain(db, start)).seqs).toEqual([]);
  }, 120_000);
});
