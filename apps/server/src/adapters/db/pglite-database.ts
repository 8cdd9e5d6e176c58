import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.js';

/**
 * The embedded database: PostgreSQL compiled to WASM, its files in a folder (or in memory for
 * tests). It has one connection, so PGlite queues statements; a transaction holds it exclusively.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const query = async <T>(q: Pick<PGlite, 'query'>, text: string, params?: unknown[]) => (await q.query<T>(text, params as never)).rows;
  return {
    kind: 'pglite',
    query: (text, params) => query(db, text, params),
    transaction: (fn) => db.transaction((tx) => fn({ query: (text, params) => query(tx, text, params) } satisfies Sql)),
    exec: async (script) => {
      await db.exec(script);
    },
    executeSql: async (text, values) => {
      if (values && values.length) return { rows: (await db.query(text, values)).rows };
      const results = await db.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => db.close(),
  };
}
