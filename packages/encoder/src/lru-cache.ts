/**
 * A bounded map that forgets the least recently used entry first. A Map keeps insertion order,
 * so moving an entry to the end on every read is all the bookkeeping there is.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity the most entries kept; 0 keeps none. */
  constructor(readonly capacity: number) {}

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, now the most recently used, or `undefined`. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` as the most recently used entry and drops the oldest beyond the capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.capacity <= 0) return;
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
