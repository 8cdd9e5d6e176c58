import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { QueryObserver } from './database.js';
import { Database } from './database.js';
import type { PgliteLink } from './pglite-dialect.js';
import { PgliteConnectionLock, pgliteDialect } from './pglite-dialect.js';
import { pgliteStatements } from './pglite-statements.js';
import { pgliteInWorker } from './pglite-thread.js';

/**
 * The embedded database: PostgreSQL compiled to WASM, its files in a folder (or in memory for
 * tests). It has one connection: a statement, or a transaction, holds it while every other waits.
 * With `worker`, PGlite runs in a worker thread and its work leaves the event loop free.
 */
export async function openPgliteDatabase(dataDir: string | null, options: { onQuery?: QueryObserver; worker?: boolean } = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (options.worker) return pgliteOnLink(await pgliteInWorker(dataDir), options);
  const pglite = await PGlite.create(dataDir ?? undefined);
  const statements = pgliteStatements(pglite);
  const link: PgliteLink = { ...statements, close: () => pglite.close() };
  return pgliteOnLink(link, options);
}

/** The database over a link to PGlite, wherever PGlite runs. */
export function pgliteOnLink(link: PgliteLink, options: { onQuery?: QueryObserver } = {}): Database {
  const lock = new PgliteConnectionLock();
  return new Database(
    'pglite',
    pgliteDialect(link, lock),
    // pg-boss's SQL: statements with parameters, and scripts of several statements without (its migrations).
    (text, values) => lock.with(() => (values && values.length ? link.query(text, values) : link.script(text))),
    options.onQuery,
  );
}

