import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PgliteLink } from './pglite-dialect.js';
import type { StatementResult } from './pglite-statements.js';
import { toText } from './pglite-statements.js';
import type { FromPgliteWorker, PgliteRequest, ToPgliteWorker } from './pglite-worker.js';

/**
 * The worker's script: the compiled `pglite-worker.js` beside this module, or, when this module
 * runs from the sources (the tests), the one the build wrote to `dist/`.
 */
function workerScript(): URL {
  const beside = new URL('./pglite-worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL('../../../dist/adapters/db/pglite-worker.js', import.meta.url);
  if (existsSync(built)) return built;
  throw new Error('the PGlite worker is not built: run npm run build (or npx tsc -b apps/server)');
}

/**
 * PGlite in a worker thread: statements go to it as messages and their rows come back, so the
 * WASM engine's work runs beside the event loop instead of on it. Parameters are turned into
 * PostgreSQL's text on this side (plain strings cross the thread cheaply); a failure comes back as
 * an Error with PostgreSQL's fields, as on this thread. If the worker dies, every statement
 * waiting and every later one fails with the reason.
 */
export async function pgliteInWorker(dataDir: string | null): Promise<PgliteLink> {
  const worker = new Worker(workerScript(), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (r: StatementResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  let dead: Error | null = null;
  const die = (err: Error) => {
    dead ??= new Error(`the PGlite worker thread stopped: ${err.message}`);
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: FromPgliteWorker) => ('ready' in m && m.ready ? resolve() : reject(new Error(`PGlite could not start in its worker thread: ${'message' in m ? m.message : 'no reason given'}`))));
    worker.once('error', reject);
  });
  worker.on('message', (m: FromPgliteWorker) => {
    if (!('id' in m)) return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if ('error' in m) p?.reject(Object.assign(new Error(m.error.message), m.error));
    else p?.resolve(m.result);
  });
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`it exited with code ${code}`)));
  const send = (m: PgliteRequest) =>
    new Promise<StatementResult>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...m, id } satisfies ToPgliteWorker);
    });
  return {
    query: (text, values = []) => send({ kind: 'query', text, values: values.map(toText) }),
    script: (text) => send({ kind: 'script', text }),
    close: async () => {
      if (!dead) await send({ kind: 'close' });
      await worker.terminate();
    },
  };
}
