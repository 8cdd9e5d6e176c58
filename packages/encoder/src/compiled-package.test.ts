import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The other tests run the sources; this one runs what `tsc -b` built, in a fresh Node process,
// because that is where the worker file has to be found (dist/embed-worker.js) and where a
// worker left running would keep the process from exiting. `npm test` builds first; a dist/ older
// than the sources is not detected (mtimes lie after a checkout), only a missing one.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function assertBuilt(): void {
  const missing = ['index.js', 'embed-worker.js'].filter((f) => !existsSync(`${dist}${f}`));
  if (missing.length > 0) throw new Error(`packages/encoder/dist has no ${missing.join(', ')}: run \`npx tsc -b packages/encoder\` first`);
}

function run(script: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000, cwd: dist });
}

describe('the compiled package', () => {
  it('embeds from dist/ and lets the process exit after close()', () => {
    assertBuilt();
    const result = run(`
      import { createUseEncoder } from './index.js';
      const encoder = await createUseEncoder();
      const [vector] = await encoder.embed(['where is my parcel']);
      await encoder.close();
      console.log(vector.length, encoder.stats().worker);
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('512 closed');
    expect(result.status).toBe(0);
  });

  it('does not hold the process open while idle, even if close() is forgotten', () => {
    assertBuilt();
    const result = run(`
      import { loadEncoder } from './index.js';
      const encoder = await loadEncoder({ log: () => {} });
      console.log((await encoder.embed(['hello']))[0].length);
    `);
    expect(result.signal).toBeNull();
    expect(result.stdout.trim()).toBe('512');
    expect(result.status).toBe(0);
  });
});
