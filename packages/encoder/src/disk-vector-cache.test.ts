import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskVectorCache } from './disk-vector-cache.js';
import { createUseEncoder } from './use-encoder.js';
import { USE_LITE_DIMENSIONS, USE_LITE_NAME } from './use-lite-model.js';
import { encodeVectorFile } from './vector-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-vector-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const kb = Array.from({ length: 40 }, (_, i) => `how do I change setting number ${i} of my account`);

/** A logger that keeps its lines. */
function recorder() {
  const lines: string[] = [];
  return { lines, log: (level: string, message: string) => void lines.push(`${level}: ${message}`) };
}

describe('the disk cache with the real model', () => {
  it('lets a second encoder answer the KB from disk with zero model calls, and keeps messages off the disk', async () => {
    const cacheFile = join(dir, 'warm', 'kb.vectors');
    const cold = await createUseEncoder({ cacheFile });
    const fromModel = await cold.persistent().embed(kb);
    await cold.embed(['a customer message that must not reach the disk']);
    expect(cold.stats()).toMatchObject({ textsEmbedded: kb.length + 1, diskEntries: kb.length });
    await cold.close();
    expect((await stat(cacheFile)).size).toBeGreaterThan(kb.length * USE_LITE_DIMENSIONS * 4);

    const warm = await createUseEncoder({ cacheFile });
    try {
      expect(warm.stats().diskEntries).toBe(kb.length);
      expect(await warm.embed(kb)).toEqual(fromModel);
      expect(warm.stats()).toMatchObject({ diskHits: kb.length, misses: 0, batches: 0, textsEmbedded: 0 });
      await warm.embed(['a customer message that must not reach the disk']);
      expect(warm.stats()).toMatchObject({ misses: 1, textsEmbedded: 1 });
    } finally {
      await warm.close();
    }
  });

  it('ignores a corrupt file with one clear log line, rebuilds it, and the next start uses it', async () => {
    const cacheFile = join(dir, 'corrupt.vectors');
    await writeFile(cacheFile, 'BATONVEC but then the disk filled up');
    const { lines, log } = recorder();
    const first = await createUseEncoder({ cacheFile, log });
    await first.embed(kb, { persist: true });
    expect(first.stats()).toMatchObject({ textsEmbedded: kb.length, diskEntries: kb.length });
    await first.close();
    expect(lines).toEqual([`warn: sentence encoder: the vector cache ${cacheFile} is corrupt (not a Baton vector file); it is ignored and will be rebuilt`]);

    const second = await createUseEncoder({ cacheFile, log });
    try {
      await second.embed(kb);
      expect(second.stats()).toMatchObject({ diskHits: kb.length, textsEmbedded: 0 });
      expect(lines).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('DiskVectorCache', () => {
  const options = (file: string, log = recorder().log, maxEntries = 100) => ({ file, model: USE_LITE_NAME, dimensions: 2, maxEntries, log });

  it('ignores a file of another model and says so', async () => {
    const file = join(dir, 'foreign.vectors');
    await writeFile(file, encodeVectorFile({ model: 'minilm@1', dimensions: 2 }, new Map([['ab'.repeat(32), new Float32Array([1, 0])]])));
    const { lines, log } = recorder();
    const cache = await DiskVectorCache.open(options(file, log));
    expect(cache.size).toBe(0);
    expect(lines).toEqual([`warn: sentence encoder: the vector cache ${file} is foreign (vectors of minilm@1 (2 floats), not ${USE_LITE_NAME} (2)); it is ignored and will be rebuilt`]);
  });

  it('starts empty and silent without a file, and writes only when something was added', async () => {
    const file = join(dir, 'new', 'nested', 'cache.vectors');
    const { lines, log } = recorder();
    const cache = await DiskVectorCache.open(options(file, log));
    await cache.save();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    cache.put('hello', new Float32Array([1, 0]));
    cache.put('hello', new Float32Array([0, 1]));
    await cache.save();
    const written = await readFile(file);
    await cache.save();
    expect(await readFile(file)).toEqual(written);
    const again = await DiskVectorCache.open(options(file));
    expect(again.get('hello')).toEqual(new Float32Array([1, 0]));
    expect(lines).toEqual([]);
  });

  it('keeps the most recently used vectors when it is full', async () => {
    const file = join(dir, 'full.vectors');
    const cache = await DiskVectorCache.open(options(file, recorder().log, 2));
    cache.put('a', new Float32Array([1, 0]));
    cache.put('b', new Float32Array([0, 1]));
    cache.get('a');
    cache.put('c', new Float32Array([-1, 0]));
    await cache.save();
    const reopened = await DiskVectorCache.open(options(file));
    expect([reopened.size, reopened.get('a'), reopened.get('b'), reopened.get('c')]).toEqual([2, new Float32Array([1, 0]), undefined, new Float32Array([-1, 0])]);
  });

  it('logs a failed write instead of throwing, and writes the vectors with a later save', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where a folder should be');
    const file = join(blocked, 'cache.vectors');
    const { lines, log } = recorder();
    const cache = await DiskVectorCache.open(options(file, log));
    cache.put('hello', new Float32Array([1, 0]));
    await expect(cache.save()).resolves.toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(/^warn: sentence encoder: could not read the vector cache .*\(ENOTDIR.*\); it is ignored and will be rebuilt$/),
      expect.stringMatching(/^warn: sentence encoder: could not save the vector cache .*; the vectors stay in memory$/),
    ]);
    await rm(blocked);
    await cache.save();
    expect((await DiskVectorCache.open(options(file))).get('hello')).toEqual(new Float32Array([1, 0]));
  });
});
