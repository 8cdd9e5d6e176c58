/** The stable codes of {@link EncoderError}; callers switch on these, never on messages. */
export type EncoderErrorCode =
  /** The worker or the model could not start (package missing, WASM failed, start timed out). */
  | 'ENCODER_ERR_LOAD_FAILED'
  /** The worker thread stopped while texts were waiting for it. */
  | 'ENCODER_ERR_WORKER_DIED'
  /** The worker is down: it is restarting, or it died again and the encoder gave up. */
  | 'ENCODER_ERR_UNAVAILABLE'
  /** The model threw on a batch; the worker is still running. */
  | 'ENCODER_ERR_MODEL'
  /** A batch took longer than the batch timeout; the worker was stopped. */
  | 'ENCODER_ERR_TIMEOUT'
  /** `close()` was called. */
  | 'ENCODER_ERR_CLOSED';

/**
 * Why an embedding failed. Typed so that callers can fall back to the lexical path on any of
 * them and still log which one it was, instead of parsing a message.
 */
export class EncoderError extends Error {
  constructor(
    readonly code: EncoderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EncoderError';
  }
}
