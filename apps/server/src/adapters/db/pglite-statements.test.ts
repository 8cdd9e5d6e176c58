import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgliteStatements } from './pglite-statements.js';
import { pgliteStatements } from './pglite-statements.js';

// Statements sent to PGlite in one call each, parameters as text typed by PostgreSQL: values come
// back as `PGlite.query` gives them, and a failure carries PostgreSQL's code.
describe('PGlite statements in one call', () => {
  let pglite: PGlite;
  let st: PgliteStatements;
  beforeAll(async () => {
    pglite = await PGlite.create();
    st = pgliteStatements(pglite);
    await st.script('create table t (id text primary key, at timestamptz, tags text[], doc jsonb, raw bytea, n bigint, ok boolean)');
  });
  afterAll(() => pglite.close());

  it('stores and reads back every kind of parameter the repositories send', async () => {
    const at = new Date('2026-03-10T10:00:00.123Z');
    const tags = ['plain', 'with "quotes"', 'back\\slash', 'comma, and {braces}', ''];
    const doc = { text: 'ünïcödé ✓', nested: { list: [1, null, 'x'] } };
    const raw = Buffer.from([0, 1, 254, 255]);
    const inserted = await st.query('insert into t values ($1, $2, $3, $4, $5, $6, $7) returning id', ['a', at, tags, doc, raw, 9_007_199_254, false]);
    expect(inserted).toEqual({ rows: [{ id: 'a' }], affectedRows: 1 });
    const { rows } = await st.query('select * from t where id = $1 and tags @> $2', ['a', ['with "quotes"']]);
    expect(rows).toEqual([{ id: 'a', at, tags, doc, raw: new Uint8Array(raw), n: 9_007_199_254, ok: false }]);
    expect((await pglite.query('select * from t where id = $1', ['a'])).rows).toEqual(rows);
  });

  it('reads nulls, and counts the rows an update changed', async () => {
    await st.query('insert into t (id) values ($1), ($2)', ['b', 'c']);
    expect((await st.query('select at, tags, doc from t where id = $1', ['b'])).rows).toEqual([{ at: null, tags: null, doc: null }]);
    expect((await st.query('update t set ok = $1 where id in ($2, $3)', [true, 'b', 'c'])).affectedRows).toBe(2);
  });

  it("fails with PostgreSQL's code, and the connection goes on (in a transaction, until the rollback)", async () => {
    await expect(st.query('insert into t (id) values ($1)', ['a'])).rejects.toMatchObject({ code: '23505' });
    await st.script('begin');
    await st.query('insert into t (id) values ($1)', ['d']);
    await expect(st.query('insert into t (id) values ($1)', ['d'])).rejects.toMatchObject({ code: '23505' });
    await expect(st.query('select 1 as one')).rejects.toMatchObject({ code: '25P02' });
    await st.script('rollback');
    expect((await st.query('select count(*)::int as n from t where id = $1', ['d'])).rows).toEqual([{ n: 0 }]);
    expect((await st.script('select 1 as one; select 2 as two')).rows).toEqual([{ two: 2 }]);
  });
});
