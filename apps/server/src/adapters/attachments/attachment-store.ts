import type { Readable } from 'node:stream';

/** Where a file's bytes are kept: `disk` (a folder), `database` (PostgreSQL or PGlite, large objects) or `s3` (S3-compatible object storage). */
export type AttachmentStorageKind = 'disk' | 'database' | 's3';

/**
 * The attachment store port. Keys are server-made ids, never a client's file name. `put` either
 * stores the whole file or fails; the row that makes a file visible is written only after it.
 */
export interface AttachmentStore {
  /** Recorded with each file, so a file stays readable from the store it was put in. */
  readonly kind: AttachmentStorageKind;
  /** Stores the bytes under `key`; rejects when the store cannot be reached or refuses them. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /**
   * The bytes under `key` as a stream read a chunk at a time, or null when there are none. It
   * resolves once the store has found the key, so a missing file is known before anything is sent.
   */
  open(key: string): Promise<Readable | null>;
  /** Removes `key`; a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  /**
   * The keys whose bytes were stored before `before`, a page at a time, in no promised order: what
   * the reconciling sweep compares with the rows. A write cut short (the disk store's half file)
   * is listed under its key too, so removing the key tidies it.
   */
  storedBefore(before: Date): AsyncIterable<string[]>;
}

/** Keys are ids the server made: letters, digits, dots, dashes and underscores, so no store sees a path. */
export function assertStoreKey(key: string): void {
  if (!isStoreKey(key)) throw new Error(`not a valid attachment key: ${JSON.stringify(key)}`);
}

/** Whether a name could be a key: a listing skips anything else it finds in the store. */
export function isStoreKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(key);
}
