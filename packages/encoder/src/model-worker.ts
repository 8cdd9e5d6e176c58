import { Worker } from 'node:worker_threads';
import { EncoderError } from './encoder-error.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** How to start one worker thread. */
export interface ModelWorkerOptions {
  /** The worker script: `embed-worker.js` beside the compiled module, or a test's own. */
  readonly url: URL;
  /** Give up on a worker whose model is not loaded after this long. */
  readonly startTimeoutMs: number;
  /** Stop a worker that has not answered a batch after this long (a hung WASM call). */
  readonly batchTimeoutMs: number;
}

/** The vectors of one batch, in the order of its texts, and the time the model took. */
export interface BatchResult {
  readonly vectors: Float32Array[];
  readonly ms: number;
}

/** One running worker thread with a loaded model. */
export interface ModelWorker {
  /** Milliseconds from the thread's start to a loaded model. */
  readonly loadMs: number;
  /** Runs one batch. Rejects with an {@link EncoderError} if the model throws or the thread dies. */
  embed(texts: readonly string[]): Promise<BatchResult>;
  /**
   * Called once if the thread stops without `terminate()`: it crashed, exited or hung. Pending
   * batches have already been rejected by then.
   */
  onDeath(listener: (error: EncoderError) => void): void;
  /** Ends the thread; pending batches reject with `ENCODER_ERR_CLOSED`. */
  terminate(): Promise<void>;
}

interface Pending {
  readonly count: number;
  readonly resolve: (result: BatchResult) => void;
  readonly reject: (error: EncoderError) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Starts a worker thread and resolves once its model is loaded; rejects with
 * `ENCODER_ERR_LOAD_FAILED` (and leaves no thread behind) if it cannot load.
 */
export function startModelWorker(options: ModelWorkerOptions): Promise<ModelWorker> {
  return new Promise((resolve, reject) => {
    const handle = new WorkerHandle(options, resolve, reject);
    handle.start();
  });
}

class WorkerHandle implements ModelWorker {
  loadMs = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private state: 'starting' | 'ready' | 'dead' | 'terminated' = 'starting';
  private deathListener: ((error: EncoderError) => void) | undefined;
  private worker: Worker | undefined;
  private startTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: ModelWorkerOptions,
    private readonly started: (worker: ModelWorker) => void,
    private readonly failedToStart: (error: EncoderError) => void,
  ) {}

  start(): void {
    let worker: Worker;
    try {
      // None of the parent's Node flags: the worker is plain JavaScript and needs none, and some
      // break it (`--input-type` is refused in a worker, `--inspect` would fight over its port).
      worker = new Worker(this.options.url, { execArgv: [] });
    } catch (err) {
      this.state = 'dead';
      this.failedToStart(new EncoderError('ENCODER_ERR_LOAD_FAILED', `the worker thread could not start: ${(err as Error).message}`));
      return;
    }
    this.worker = worker;
    this.startTimer = setTimeout(() => this.die(`the model did not load within ${this.options.startTimeoutMs} ms`), this.options.startTimeoutMs);
    this.startTimer.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (err) => this.die(`the worker thread failed: ${err.message}`));
    worker.on('exit', (code) => this.die(`the worker thread exited with code ${code}`));
  }

  embed(texts: readonly string[]): Promise<BatchResult> {
    const worker = this.worker;
    if (this.state !== 'ready' || !worker) {
      return Promise.reject(new EncoderError('ENCODER_ERR_UNAVAILABLE', 'the worker thread is not running'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.die(`a batch of ${texts.length} texts took more than ${this.options.batchTimeoutMs} ms; the worker was stopped`, 'ENCODER_ERR_TIMEOUT'), this.options.batchTimeoutMs);
      timer.unref();
      this.pending.set(id, { count: texts.length, resolve, reject, timer });
      // Keep the process alive only while a batch is out, so that an encoder someone forgot to
      // close never holds a CLI command open.
      worker.ref();
      const request: ToWorker = { type: 'embed', id, texts };
      worker.postMessage(request);
    });
  }

  onDeath(listener: (error: EncoderError) => void): void {
    this.deathListener = listener;
  }

  async terminate(): Promise<void> {
    if (this.state === 'terminated') return;
    const wasAlive = this.state !== 'dead';
    this.state = 'terminated';
    clearTimeout(this.startTimer);
    this.rejectAll(new EncoderError('ENCODER_ERR_CLOSED', 'the sentence encoder was closed'));
    if (wasAlive && this.worker) await this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        if (this.state !== 'starting') return;
        clearTimeout(this.startTimer);
        this.state = 'ready';
        this.loadMs = message.ms;
        this.worker?.unref();
        this.started(this);
        return;
      case 'load-failed':
        this.die(`the model could not load: ${message.message}`);
        return;
      case 'vectors': {
        const pending = this.settle(message.id);
        if (!pending) return;
        const { data, dimensions } = message;
        if (dimensions === 0 || data.length !== pending.count * dimensions) {
          pending.reject(new EncoderError('ENCODER_ERR_MODEL', `the model returned ${data.length} floats for ${pending.count} texts`));
          return;
        }
        const vectors: Float32Array[] = [];
        // Each vector gets its own buffer: they are cached one by one, and a view would keep the
        // whole batch alive for as long as any one of them is.
        for (let i = 0; i < pending.count; i++) vectors.push(data.slice(i * dimensions, (i + 1) * dimensions));
        pending.resolve({ vectors, ms: message.ms });
        return;
      }
      case 'failed':
        this.settle(message.id)?.reject(new EncoderError('ENCODER_ERR_MODEL', `the model failed on a batch: ${message.message}`));
        return;
    }
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    return pending;
  }

  private die(reason: string, code: 'ENCODER_ERR_WORKER_DIED' | 'ENCODER_ERR_TIMEOUT' = 'ENCODER_ERR_WORKER_DIED'): void {
    const was = this.state;
    if (was === 'dead' || was === 'terminated') return;
    this.state = 'dead';
    clearTimeout(this.startTimer);
    void this.worker?.terminate();
    if (was === 'starting') {
      this.failedToStart(new EncoderError('ENCODER_ERR_LOAD_FAILED', reason));
      return;
    }
    const error = new EncoderError(code, reason);
    this.rejectAll(error);
    this.deathListener?.(error);
  }

  private rejectAll(error: EncoderError): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }
}
