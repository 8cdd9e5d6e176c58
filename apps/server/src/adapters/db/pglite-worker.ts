import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { StatementResult } from './pglite-statements.js';
import { pgliteStatements } from './pglite-statements.js';

/** A request from `pglite-thread.ts`: one statement, one script, or the end. */
export type PgliteRequest = { kind: 'query'; text: string; values: (string | null)[] } | { kind: 'script'; text: string } | { kind: 'close' };
export type ToPgliteWorker = PgliteRequest & { id: number };
/** The answer to request `id`; `error` keeps PostgreSQL's fields (`code`, `detail`, `constraint`…). */
export type FromPgliteWorker = { ready: true } | { ready: false; message: string } | { id: number; result: StatementResult } | { id: number; error: Record<string, unknown> & { message: string } };

/**
 * The worker thread PGlite runs in (`BATON_PGLITE_WORKER`), so that the engine's work on a
 * statement never holds up the server's event loop. It runs what it is sent, in order; the
 * connection lock on the server's side decides who may send.
 */
const port = parentPort;
if (!port) throw new Error('pglite-worker runs only inside a worker thread');
const reply = (m: FromPgliteWorker) => port.postMessage(m);
try {
  const pglite = await PGlite.create((workerData as { dataDir: string | null }).dataDir ?? undefined);
  const statements = pgliteStatements(pglite);
  port.on('message', (m: ToPgliteWorker) => {
    const run = m.kind === 'query' ? statements.queryTexts(m.text, m.values) : m.kind === 'script' ? statements.script(m.text) : pglite.close().then(() => ({ rows: [] }));
    run.then(
      (result) => reply({ id: m.id, result }),
      (err: Error) => reply({ id: m.id, error: { ...err, message: err.message } }),
    );
  });
  reply({ ready: true });
} catch (err) {
  reply({ ready: false, message: (err as Error).message });
}
