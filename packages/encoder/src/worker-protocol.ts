/**
 * The messages between the encoder (main thread) and `embed-worker.js`. The worker is plain
 * JavaScript and reads these types through JSDoc, so both sides are checked against one
 * definition.
 */

/** A batch for the model. The main thread sends one at a time and waits for its answer. */
export interface EmbedRequest {
  readonly type: 'embed';
  /** Matches the answer to its request. */
  readonly id: number;
  readonly texts: readonly string[];
}

/** What the main thread sends. */
export type ToWorker = EmbedRequest;

/** The model is loaded; the worker accepts batches from now on. */
export interface WorkerReady {
  readonly type: 'ready';
  /** Milliseconds from the worker's start to a loaded model. */
  readonly ms: number;
}

/** The model could not load; the worker does nothing more and the main thread ends it. */
export interface WorkerLoadFailed {
  readonly type: 'load-failed';
  readonly message: string;
}

/**
 * The vectors of one batch, row after row in one buffer, so that a single transfer (no copy)
 * carries the whole batch back.
 */
export interface WorkerVectors {
  readonly type: 'vectors';
  readonly id: number;
  /** `texts.length × dimensions` floats. */
  readonly data: Float32Array;
  readonly dimensions: number;
  /** Milliseconds spent inside the model for this batch. */
  readonly ms: number;
}

/** The model threw on one batch; the worker carries on with the next. */
export interface WorkerBatchFailed {
  readonly type: 'failed';
  readonly id: number;
  readonly message: string;
}

/** What the worker sends. */
export type FromWorker = WorkerReady | WorkerLoadFailed | WorkerVectors | WorkerBatchFailed;
