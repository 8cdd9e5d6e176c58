import { homedir } from 'node:os';
import { join } from 'node:path';
import type { UseEncoder } from '@baton/encoder';
import { loadEncoder } from '@baton/encoder';

/** Where the CLI keeps the KB's sentence vectors between runs. */
export function cliCacheDir(): string {
  return process.env.BATON_CACHE_DIR || join(homedir(), '.cache', 'baton');
}

/**
 * The sentence encoder for assess, eval and the backtest, or null for the lexical path
 * (`--lexical`, `BATON_ENCODER=off`, or a model that cannot load: one line on stderr says so).
 */
export async function loadCliEncoder(lexical: boolean, quiet: boolean): Promise<UseEncoder | null> {
  const off = lexical || /^(?:off|0|false|no)$/i.test(process.env.BATON_ENCODER ?? '');
  return loadEncoder({
    disabled: off,
    cacheDir: cliCacheDir(),
    log: (level, message) => {
      if (!quiet || level !== 'info') process.stderr.write(`${message}\n`);
    },
  });
}
