import type { SentenceEncoder } from '@baton/core';
import { DiskVectorCache } from './disk-vector-cache.js';
import { EncoderError } from './encoder-error.js';
import { stderrLog, type EncoderLog } from './encoder-log.js';
import { LruCache } from './lru-cache.js';
import { MicroBatcher } from './micro-batcher.js';
import { startModelWorker, type ModelWorker, type ModelWorkerOptions } from './model-worker.js';
import { USE_LITE_DIMENSIONS, USE_LITE_NAME } from './use-lite-model.js';

/** Options of {@link createUseEncoder}; every one has a default. */
export interface UseEncoderOptions {
  /** Where problems and restarts are reported. Default: warnings and errors to stderr. */
  readonly log?: EncoderLog;
  /** Texts whose vectors stay in memory, least recently used dropped first. Default 10,000 (about 20 MB). */
  readonly cacheSize?: number;
  /** The most texts in one batch for the model. Default 32. */
  readonly maxBatch?: number;
  /**
   * A file for the vectors of texts embedded with `{ persist: true }` (the KB), read at start so
   * that a warm start runs no model for them. Default: none.
   */
  readonly cacheFile?: string;
  /** The most vectors in `cacheFile`. Default 20,000 (about 41 MB). */
  readonly maxDiskEntries?: number;
  /** Give up on a model that has not loaded after this long. Default 60,000 ms. */
  readonly startTimeoutMs?: number;
  /** Stop and restart a worker that has not answered a batch after this long. Default 30,000 ms. */
  readonly batchTimeoutMs?: number;
  /** How many times a worker that died is replaced over the encoder's life. Default 1. */
  readonly maxRestarts?: number;
  /** The worker script. Default: `embed-worker.js` beside this module; tests pass their own. */
  readonly workerUrl?: URL;
}

/** Options of one {@link UseEncoder.embed} call. */
export interface EmbedOptions {
  /**
   * Also keep the new vectors in the disk cache. Meant for the KB, which comes back on every
   * start; customer messages stay off the disk.
   */
  readonly persist?: boolean;
}

/** Counters since the encoder started; `hits + diskHits + shared + misses` = texts asked for. */
export interface EncoderStats {
  /** `embed` calls. */
  readonly calls: number;
  /** Texts answered from memory. */
  readonly hits: number;
  /** Texts answered from the disk cache. */
  readonly diskHits: number;
  /** Texts that joined an embedding of the same text already queued or running. */
  readonly shared: number;
  /** Texts that had to go to the model. */
  readonly misses: number;
  /** Batches sent to the worker. */
  readonly batches: number;
  /** Texts the model embedded. */
  readonly textsEmbedded: number;
  /** Milliseconds spent inside the model, summed over batches (measured in the worker). */
  readonly modelMs: number;
  /** Milliseconds the first worker took to load the model. */
  readonly loadMs: number;
  /** Vectors held in memory. */
  readonly cached: number;
  /** Vectors held by the disk cache (0 without `cacheFile`). */
  readonly diskEntries: number;
  /** Workers started to replace one that died. */
  readonly restarts: number;
  /** `ready`, `restarting` after a death, `failed` once it gave up, or `closed`. */
  readonly worker: 'ready' | 'restarting' | 'failed' | 'closed';
}

/**
 * Core's {@link SentenceEncoder} on Universal Sentence Encoder lite, with what a server needs
 * around it: caches, statistics, and an end.
 */
export interface UseEncoder extends SentenceEncoder {
  /**
   * Vectors for `texts`, in order: fresh copies, so a caller may change them. Texts answered from
   * a cache never need the worker, so they resolve even while it is down.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** The same encoder as a plain port whose `embed` persists: hand it to whatever embeds the KB. */
  persistent(): SentenceEncoder;
  /** Counters since the start. */
  stats(): EncoderStats;
  /**
   * Ends the worker thread and writes pending disk-cache vectors. Calls still waiting reject with
   * `ENCODER_ERR_CLOSED`, and so does every later call. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts the model in a worker thread and resolves once it is loaded. Rejects with
 * `ENCODER_ERR_LOAD_FAILED` if it cannot load; see `loadEncoder` for the variant that logs and
 * returns `null` instead.
 */
export async function createUseEncoder(options: UseEncoderOptions = {}): Promise<UseEncoder> {
  const log = options.log ?? stderrLog;
  const workerOptions: ModelWorkerOptions = {
    url: options.workerUrl ?? new URL('./embed-worker.js', import.meta.url),
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    batchTimeoutMs: options.batchTimeoutMs ?? 30_000,
  };
  const [worker, disk] = await Promise.all([
    startModelWorker(workerOptions),
    options.cacheFile
      ? DiskVectorCache.open({ file: options.cacheFile, model: USE_LITE_NAME, dimensions: USE_LITE_DIMENSIONS, maxEntries: options.maxDiskEntries ?? 20_000, log })
      : Promise.resolve(undefined),
  ]);
  return new UseEncoderImpl(worker, disk, log, workerOptions, options);
}

class UseEncoderImpl implements UseEncoder {
  readonly name = USE_LITE_NAME;
  readonly dimensions = USE_LITE_DIMENSIONS;
  private readonly memory: LruCache<string, Float32Array>;
  private readonly batcher: MicroBatcher;
  private readonly maxRestarts: number;
  private worker: ModelWorker | undefined;
  private state: EncoderStats['worker'] = 'ready';
  private readonly counts = { calls: 0, hits: 0, diskHits: 0, shared: 0, misses: 0, batches: 0, textsEmbedded: 0, modelMs: 0, restarts: 0 };
  private readonly loadMs: number;

  constructor(
    worker: ModelWorker,
    private readonly disk: DiskVectorCache | undefined,
    private readonly log: EncoderLog,
    private readonly workerOptions: ModelWorkerOptions,
    options: UseEncoderOptions,
  ) {
    this.memory = new LruCache(options.cacheSize ?? 10_000);
    this.batcher = new MicroBatcher((texts) => this.runBatch(texts), Math.max(1, options.maxBatch ?? 32));
    this.maxRestarts = options.maxRestarts ?? 1;
    this.loadMs = worker.loadMs;
    this.attach(worker);
  }

  async embed(texts: readonly string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (this.state === 'closed') throw new EncoderError('ENCODER_ERR_CLOSED', 'the sentence encoder was closed');
    this.counts.calls++;
    const vectors = await Promise.all(texts.map((text) => this.lookup(text)));
    if (options.persist && this.disk) {
      texts.forEach((text, i) => this.disk?.put(text, vectors[i] as Float32Array));
      await this.disk.save();
    }
    // Copies: the cached vectors are shared by every caller of the same text.
    return vectors.map((vector) => vector.slice());
  }

  persistent(): SentenceEncoder {
    return { name: this.name, dimensions: this.dimensions, embed: (texts) => this.embed(texts, { persist: true }) };
  }

  stats(): EncoderStats {
    return { ...this.counts, loadMs: this.loadMs, cached: this.memory.size, diskEntries: this.disk?.size ?? 0, worker: this.state };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    const closed = new EncoderError('ENCODER_ERR_CLOSED', 'the sentence encoder was closed');
    this.batcher.rejectQueued(closed);
    const worker = this.worker;
    this.worker = undefined;
    await Promise.all([worker?.terminate(), this.disk?.save()]);
  }

  private lookup(text: string): Float32Array | Promise<Float32Array> {
    const remembered = this.memory.get(text);
    if (remembered) {
      this.counts.hits++;
      return remembered;
    }
    const stored = this.disk?.get(text);
    if (stored) {
      this.counts.diskHits++;
      this.memory.set(text, stored);
      return stored;
    }
    const { vector, shared } = this.batcher.request(text);
    if (shared) this.counts.shared++;
    else this.counts.misses++;
    return vector;
  }

  private async runBatch(texts: string[]): Promise<Float32Array[]> {
    const worker = this.worker;
    if (!worker) throw this.unavailable();
    this.counts.batches++;
    const { vectors, ms } = await worker.embed(texts);
    this.counts.textsEmbedded += vectors.length;
    this.counts.modelMs += ms;
    // Into memory before the batcher lets go of these texts, so that a caller arriving in between
    // finds them here rather than sending them to the model again.
    texts.forEach((text, i) => this.memory.set(text, vectors[i] as Float32Array));
    return vectors;
  }

  private unavailable(): EncoderError {
    if (this.state === 'closed') return new EncoderError('ENCODER_ERR_CLOSED', 'the sentence encoder was closed');
    if (this.state === 'restarting') return new EncoderError('ENCODER_ERR_UNAVAILABLE', 'the sentence encoder is restarting its worker thread');
    return new EncoderError('ENCODER_ERR_UNAVAILABLE', 'the sentence encoder is off: its worker thread died and could not be restarted');
  }

  private attach(worker: ModelWorker): void {
    this.worker = worker;
    worker.onDeath((error) => this.onDeath(error));
  }

  private onDeath(error: EncoderError): void {
    this.worker = undefined;
    if (this.state === 'closed') return;
    if (this.counts.restarts >= this.maxRestarts) {
      this.state = 'failed';
      this.log('error', `sentence encoder: ${error.message}; not restarting it again, so the engine runs on the lexical path only`);
      return;
    }
    this.counts.restarts++;
    this.state = 'restarting';
    this.log('warn', `sentence encoder: ${error.message}; restarting the worker (calls fall back to the lexical path meanwhile)`);
    startModelWorker(this.workerOptions).then(
      (worker) => {
        if (this.state === 'closed') {
          void worker.terminate();
          return;
        }
        this.attach(worker);
        this.state = 'ready';
        this.log('info', `sentence encoder: the worker is back (model loaded in ${Math.round(worker.loadMs)} ms)`);
      },
      (err: Error) => {
        if (this.state === 'closed') return;
        this.state = 'failed';
        this.log('error', `sentence encoder: the worker could not restart (${err.message}); the engine runs on the lexical path only`);
      },
    );
  }
}
