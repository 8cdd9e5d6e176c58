import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { QueryObserver } from './database.js';
import { Database } from './database.js';
import { pgliteDialect } from './pglite-dialect.js';

/**
 * The embedded database: PostgreSQL compiled to WASM, its files in a folder (or in memory for
 * tests). It has one connection, so PGlite queues statements; a transaction holds it exclusively.
 */
export async function openPgliteDatabase(dataDir: string | null, options: { onQuery?: QueryObserver } = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ?? undefined);
  return new Database('pglite', pgliteDialect(pglite), async (text, values) => {
    if (values && values.length) return { rows: (await pglite.query(text, values)).rows };
    // pg-boss sends scripts of several statements without parameters (its migrations).
    const results = await pglite.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  }, options.onQuery);
}
