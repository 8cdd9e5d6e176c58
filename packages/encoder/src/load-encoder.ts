import { join } from 'node:path';
import type { EncoderLog } from './encoder-log.js';
import { createUseEncoder, type UseEncoder, type UseEncoderOptions } from './use-encoder.js';
import { USE_LITE_NAME } from './use-lite-model.js';

/** Options of {@link loadEncoder}: the encoder's own, plus where to log, where to cache, and an off switch. */
export interface LoadEncoderOptions extends Omit<UseEncoderOptions, 'log' | 'cacheFile'> {
  /** Receives the one line that says whether the encoder runs, and later restarts. */
  readonly log: EncoderLog;
  /** A folder for the KB's vectors; the file inside is named after the model, so an upgrade starts afresh. */
  readonly cacheDir?: string;
  /** Do not load the model at all (the server maps `BATON_ENCODER=off` to this). */
  readonly disabled?: boolean;
}

/** The cache file of the current model inside `cacheDir`. */
export function encoderCacheFile(cacheDir: string): string {
  return join(cacheDir, `${USE_LITE_NAME.replace(/[^a-z0-9.-]/gi, '_')}.vectors`);
}

/**
 * The encoder, or `null` when it is disabled or cannot load. Never throws: the sentence encoder
 * improves retrieval but is not needed for it, so a missing package, a failing worker or a WASM
 * error costs one log line and the engine runs on the lexical path.
 */
export async function loadEncoder(options: LoadEncoderOptions): Promise<UseEncoder | null> {
  const { log, cacheDir, disabled, ...rest } = options;
  if (disabled) {
    log('info', 'sentence encoder: off by configuration; the engine runs on the lexical path only');
    return null;
  }
  const started = performance.now();
  try {
    const cacheFile = cacheDir ? encoderCacheFile(cacheDir) : undefined;
    const encoder = await createUseEncoder({ ...rest, log, ...(cacheFile ? { cacheFile } : {}) });
    const { diskEntries } = encoder.stats();
    const cache = cacheFile ? `, ${diskEntries} vectors cached in ${cacheFile}` : '';
    log('info', `sentence encoder: ${encoder.name} ready in ${Math.round(performance.now() - started)} ms (worker thread${cache})`);
    return encoder;
  } catch (err) {
    log('warn', `sentence encoder: could not load ${USE_LITE_NAME} (${(err as Error).message}); the engine runs on the lexical path only`);
    return null;
  }
}
