import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncoderError } from './encoder-error.js';
import { startModelWorker } from './model-worker.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-model-worker-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A worker script in the temporary folder. */
async function script(name: string, source: string): Promise<URL> {
  const file = join(dir, name);
  await writeFile(file, source);
  return pathToFileURL(file);
}

const real = new URL('./embed-worker.js', import.meta.url);
const options = { startTimeoutMs: 20_000, batchTimeoutMs: 20_000 };

describe('startModelWorker', () => {
  it('loads the real model and embeds a batch in order', async () => {
    const worker = await startModelWorker({ ...options, url: real });
    try {
      expect(worker.loadMs).toBeGreaterThan(0);
      const { vectors, ms } = await worker.embed(['first', '', 'third']);
      expect(vectors.map((v) => v.length)).toEqual([512, 512, 512]);
      expect(ms).toBeGreaterThan(0);
      const [alone] = (await worker.embed(['third'])).vectors;
      expect(vectors[2]).toEqual(alone);
    } finally {
      await worker.terminate();
    }
  });

  it('fails to start with the reason when the model cannot load', async () => {
    const url = await script('load-fails.mjs', `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'load-failed', message: 'WebAssembly.instantiate(): out of memory' });\nsetInterval(() => {}, 1000);\n`);
    await expect(startModelWorker({ ...options, url })).rejects.toMatchObject({ code: 'ENCODER_ERR_LOAD_FAILED', message: 'the model could not load: WebAssembly.instantiate(): out of memory' });
  });

  it('fails to start when the worker script throws or does not exist', async () => {
    const url = await script('throws.mjs', `throw new Error('boom at import');\n`);
    await expect(startModelWorker({ ...options, url })).rejects.toMatchObject({ code: 'ENCODER_ERR_LOAD_FAILED', message: expect.stringContaining('boom at import') });
    await expect(startModelWorker({ ...options, url: pathToFileURL(join(dir, 'missing.mjs')) })).rejects.toMatchObject({ code: 'ENCODER_ERR_LOAD_FAILED' });
  });

  it('gives up on a model that never loads', async () => {
    const url = await script('never-ready.mjs', `setInterval(() => {}, 1000);\n`);
    await expect(startModelWorker({ ...options, startTimeoutMs: 200, url })).rejects.toMatchObject({ code: 'ENCODER_ERR_LOAD_FAILED', message: 'the model did not load within 200 ms' });
  });

  it('stops a worker stuck in a batch, rejects the batch with ENCODER_ERR_TIMEOUT and reports the death', async () => {
    const url = await script('hangs.mjs', `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready', ms: 1 });\nparentPort.on('message', () => { for (;;) {} });\n`);
    const worker = await startModelWorker({ ...options, batchTimeoutMs: 200, url });
    const deaths: EncoderError[] = [];
    worker.onDeath((error) => deaths.push(error));
    await expect(worker.embed(['anything'])).rejects.toMatchObject({ code: 'ENCODER_ERR_TIMEOUT' });
    expect(deaths.map((e) => e.code)).toEqual(['ENCODER_ERR_TIMEOUT']);
    await expect(worker.embed(['later'])).rejects.toMatchObject({ code: 'ENCODER_ERR_UNAVAILABLE' });
    await worker.terminate();
  });

  it('rejects a batch the model failed on and keeps serving', async () => {
    const url = await script(
      'fails-once.mjs',
      `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready', ms: 1 });\nparentPort.on('message', (m) => {\n  if (m.texts[0] === 'bad') parentPort.postMessage({ type: 'failed', id: m.id, message: 'sparseIndices should be a matrix' });\n  else { const data = new Float32Array(m.texts.length * 2).fill(0.5); parentPort.postMessage({ type: 'vectors', id: m.id, data, dimensions: 2, ms: 1 }); }\n});\n`,
    );
    const worker = await startModelWorker({ ...options, url });
    try {
      await expect(worker.embed(['bad'])).rejects.toMatchObject({ code: 'ENCODER_ERR_MODEL', message: 'the model failed on a batch: sparseIndices should be a matrix' });
      expect((await worker.embed(['good', 'also good'])).vectors).toEqual([new Float32Array([0.5, 0.5]), new Float32Array([0.5, 0.5])]);
    } finally {
      await worker.terminate();
    }
  });
});
