/** Runs one batch of distinct texts and returns their vectors in the same order. */
export type RunBatch = (texts: string[]) => Promise<Float32Array[]>;

interface Queued {
  readonly text: string;
  readonly resolve: (vector: Float32Array) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the texts that callers ask for into batches for the model, because a batch of 32 costs
 * a fraction per text of 32 single calls.
 *
 * - Texts asked for in the same tick go out together, and a batch leaves at once when it is full.
 * - One batch runs at a time; texts that arrive meanwhile wait and form the next batch, so a busy
 *   encoder batches more, not less.
 * - A text already queued or running is not queued again: its caller shares the same promise.
 */
export class MicroBatcher {
  private readonly waiting = new Map<string, Promise<Float32Array>>();
  private queue: Queued[] = [];
  private running = false;
  private scheduled = false;

  /**
   * @param run embeds one batch
   * @param maxBatch the most texts in one batch
   */
  constructor(
    private readonly run: RunBatch,
    private readonly maxBatch: number,
  ) {}

  /** The vector of `text`, and whether it joined a request for the same text already under way. */
  request(text: string): { vector: Promise<Float32Array>; shared: boolean } {
    const existing = this.waiting.get(text);
    if (existing) return { vector: existing, shared: true };
    let resolve!: (vector: Float32Array) => void;
    let reject!: (error: unknown) => void;
    const vector = new Promise<Float32Array>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.waiting.set(text, vector);
    this.queue.push({ text, resolve, reject });
    if (this.queue.length >= this.maxBatch) this.pump();
    else if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate rather than a microtask: it lets every caller of this turn of the event loop,
      // including those behind a few awaits, add their texts first.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
    return { vector, shared: false };
  }

  /** Rejects every text that has not gone to the model yet (on close). */
  rejectQueued(error: unknown): void {
    const queued = this.queue;
    this.queue = [];
    for (const item of queued) {
      this.waiting.delete(item.text);
      item.reject(error);
    }
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.running = true;
    const settle = (each: (item: Queued, i: number) => void) => {
      batch.forEach((item, i) => {
        this.waiting.delete(item.text);
        each(item, i);
      });
      this.running = false;
      this.pump();
    };
    let started: Promise<Float32Array[]>;
    try {
      started = this.run(batch.map((item) => item.text));
    } catch (err) {
      started = Promise.reject(err);
    }
    started.then(
      (vectors) => settle((item, i) => {
        const vector = vectors[i];
        if (vector) item.resolve(vector);
        else item.reject(new Error(`no vector for text ${i} of a batch of ${batch.length}`));
      }),
      (err: unknown) => settle((item) => item.reject(err)),
    );
  }
}
