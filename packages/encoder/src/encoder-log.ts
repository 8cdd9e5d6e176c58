/**
 * Where the encoder reports what it did: the same shape as the server's `Log`, so that the
 * server passes its own logger without an adapter.
 */
export type EncoderLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

/** The default when no logger is given: problems go to stderr, routine news is dropped. */
export const stderrLog: EncoderLog = (level, message) => {
  if (level !== 'info') console.error(message);
};
