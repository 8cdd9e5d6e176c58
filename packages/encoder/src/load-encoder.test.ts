import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoderCacheFile, loadEncoder } from './load-encoder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-load-encoder-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A logger that keeps its lines. */
function recorder() {
  const lines: string[] = [];
  return { lines, log: (level: string, message: string) => void lines.push(`${level}: ${message}`) };
}

describe('loadEncoder', () => {
  it('returns null without starting anything when disabled', async () => {
    const { lines, log } = recorder();
    expect(await loadEncoder({ log, disabled: true })).toBeNull();
    expect(lines).toEqual(['info: sentence encoder: off by configuration; the engine runs on the lexical path only']);
  });

  it('returns null after one line saying what failed when the model cannot load', async () => {
    const worker = join(dir, 'no-wasm.mjs');
    await writeFile(worker, `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'load-failed', message: 'WebAssembly is not available' });\n`);
    const { lines, log } = recorder();
    expect(await loadEncoder({ log, workerUrl: pathToFileURL(worker) })).toBeNull();
    expect(lines).toEqual([
      'warn: sentence encoder: could not load use-lite-512@0.2.0 (the model could not load: WebAssembly is not available); the engine runs on the lexical path only',
    ]);
  });

  it('returns null when the worker script is missing', async () => {
    const { lines, log } = recorder();
    expect(await loadEncoder({ log, workerUrl: pathToFileURL(join(dir, 'gone.js')) })).toBeNull();
    expect(lines).toEqual([expect.stringMatching(/^warn: sentence encoder: could not load use-lite-512@0\.2\.0 \(.*gone\.js.*\); the engine runs on the lexical path only$/)]);
  });

  it('returns a working encoder whose KB vectors go to a file named after the model in cacheDir', async () => {
    const cacheDir = join(dir, 'cache');
    const { lines, log } = recorder();
    const encoder = await loadEncoder({ log, cacheDir });
    expect(encoder).not.toBeNull();
    try {
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^info: sentence encoder: use-lite-512@0\\.2\\.0 ready in \\d+ ms \\(worker thread, 0 vectors cached in .*use-lite-512_0\\.2\\.0\\.vectors\\)$`))]);
      const [vector] = await encoder!.persistent().embed(['how do I reset my password']);
      expect(vector).toHaveLength(512);
      expect((await stat(encoderCacheFile(cacheDir))).isFile()).toBe(true);
    } finally {
      await encoder?.close();
    }
  });
});
