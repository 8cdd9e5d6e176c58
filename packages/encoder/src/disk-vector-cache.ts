import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EncoderLog } from './encoder-log.js';
import { decodeVectorFile, encodeVectorFile, vectorKey, type VectorFileIdentity } from './vector-file.js';

/** Where and how much to keep on disk. */
export interface DiskVectorCacheOptions extends VectorFileIdentity {
  /** The cache file; its folder is created on the first save. */
  readonly file: string;
  /** The most vectors kept; the least recently used go first. */
  readonly maxEntries: number;
  readonly log: EncoderLog;
}

/**
 * Vectors that outlive the process: the KB's example questions are embedded once, and every
 * later start reads them from one file instead of running the model.
 *
 * - A cache is an optimisation, so nothing here throws: a missing, corrupt or foreign file is
 *   logged and replaced, and a failed write is logged and retried with the next save.
 * - Saves write the whole file to a temporary name and rename it, so a crash mid-write leaves the
 *   previous file whole, and two processes sharing the folder never interleave their bytes.
 */
export class DiskVectorCache {
  private readonly entries: Map<string, Float32Array>;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: DiskVectorCacheOptions,
    entries: Map<string, Float32Array>,
  ) {
    this.entries = entries;
  }

  /** Loads `options.file` if it exists and is usable; otherwise starts empty and says why. */
  static async open(options: DiskVectorCacheOptions): Promise<DiskVectorCache> {
    let bytes: Buffer;
    try {
      bytes = await readFile(options.file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') options.log('warn', `sentence encoder: could not read the vector cache ${options.file} (${(err as Error).message}); it is ignored and will be rebuilt`);
      return new DiskVectorCache(options, new Map());
    }
    const decoded = decodeVectorFile(bytes, options);
    if (!decoded.ok) {
      options.log('warn', `sentence encoder: the vector cache ${options.file} is ${decoded.problem} (${decoded.reason}); it is ignored and will be rebuilt`);
      return new DiskVectorCache(options, new Map());
    }
    return new DiskVectorCache(options, decoded.entries);
  }

  /** Number of vectors held. */
  get size(): number {
    return this.entries.size;
  }

  /** The stored vector of `text`, if any. */
  get(text: string): Float32Array | undefined {
    const key = vectorKey(this.options.model, text);
    const vector = this.entries.get(key);
    if (!vector) return undefined;
    // Touched entries move to the end, so the trim in `put` drops vectors no start has needed.
    this.entries.delete(key);
    this.entries.set(key, vector);
    return vector;
  }

  /** Adds a vector; it reaches the disk with the next {@link save}. */
  put(text: string, vector: Float32Array): void {
    const key = vectorKey(this.options.model, text);
    if (this.entries.has(key)) return;
    this.entries.set(key, vector);
    this.dirty = true;
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /**
   * Writes the file if anything was added since the last write. Saves run one after another, so
   * a burst of calls costs at most one write after the current one.
   */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const { file, log } = this.options;
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(temp, encodeVectorFile(this.options, this.entries));
      await rename(temp, file);
    } catch (err) {
      this.dirty = true;
      await rm(temp, { force: true }).catch(() => undefined);
      log('warn', `sentence encoder: could not save the vector cache ${file} (${(err as Error).message}); the vectors stay in memory`);
    }
  }
}
