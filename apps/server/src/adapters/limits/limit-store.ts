import { Redis } from 'ioredis';

/**
 * Where the counters behind the rate limits live: in Redis when several nodes share it, so a
 * limit holds across nodes, or in this process's memory for a single node. Every operation is
 * atomic on its key (one Lua script per call in Redis).
 */
export interface LimitStore {
  /** Counts one hit in a fixed window of `windowMs`; returns the count so far and the ms left in the window. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  /**
   * Holds one of at most `max` slots of `key` for `id` (a WebSocket, an SMTP session) for
   * `ttlMs`, renewed by calling again; a holder that dies without releasing frees its slot when
   * the ttl passes. Returns false when all slots are taken.
   */
  acquire(key: string, id: string, max: number, ttlMs: number): Promise<boolean>;
  release(key: string, id: string): Promise<void>;
  /** Marks `key` as locked for `ms`. */
  lock(key: string, ms: number): Promise<void>;
  /** The ms left on a lock, 0 when none. */
  lockedFor(key: string): Promise<number>;
  /** Forgets a key's count (a successful login clears its failures). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** One node: counters in a Map, swept as their windows pass. */
export function createMemoryLimitStore(now: () => number = Date.now): LimitStore {
  const windows = new Map<string, { count: number; until: number }>();
  const slots = new Map<string, Map<string, number>>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [k, w] of windows) if (w.until <= t) windows.delete(k);
  }, 60_000);
  sweep.unref();
  const live = (key: string) => {
    const w = windows.get(key);
    return w && w.until > now() ? w : null;
  };
  return {
    async hit(key, windowMs) {
      const w = live(key) ?? { count: 0, until: now() + windowMs };
      w.count++;
      windows.set(key, w);
      return { count: w.count, resetMs: w.until - now() };
    },
    async acquire(key, id, max, ttlMs) {
      const t = now();
      const held = slots.get(key) ?? new Map<string, number>();
      for (const [holder, until] of held) if (until <= t) held.delete(holder);
      if (!held.has(id) && held.size >= max) return false;
      held.set(id, t + ttlMs);
      slots.set(key, held);
      return true;
    },
    async release(key, id) {
      const held = slots.get(key);
      held?.delete(id);
      if (held?.size === 0) slots.delete(key);
    },
    async lock(key, ms) {
      windows.set(`lock:${key}`, { count: 1, until: now() + ms });
    },
    async lockedFor(key) {
      const w = live(`lock:${key}`);
      return w ? w.until - now() : 0;
    },
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

// INCR and set the window on the first hit, atomically: returns the count and the ms left.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

// A sorted set of holders scored by when their slot lapses; the lapsed are dropped first.
const ACQUIRE = `local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** Several nodes: the counters in Redis, under `{prefix}:limit:`. */
export async function createRedisLimitStore(url: string, log: (line: string) => void, now: () => number = Date.now, prefix = 'baton'): Promise<LimitStore> {
  // Every request counts a hit or two: the commands of one tick go out in one write
  // (auto-pipelining), and each script is sent by its SHA rather than in full (`defineCommand`).
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  redis.defineCommand('batonHit', { numberOfKeys: 1, lua: HIT });
  redis.defineCommand('batonAcquire', { numberOfKeys: 1, lua: ACQUIRE });
  const scripts = redis as unknown as {
    batonHit(key: string, windowMs: number): Promise<[number, number]>;
    batonAcquire(key: string, id: string, max: number, now: number, ttlMs: number): Promise<number>;
  };
  redis.on('error', (err: Error) => log(`redis rate limits: ${err.message}`));
  await redis.connect();
  const k = (key: string) => `${prefix}:limit:${key}`;
  return {
    async hit(key, windowMs) {
      const [count, resetMs] = await scripts.batonHit(k(key), windowMs);
      return { count, resetMs };
    },
    async acquire(key, id, max, ttlMs) {
      return (await scripts.batonAcquire(k(`slots:${key}`), id, max, now(), ttlMs)) === 1;
    },
    async release(key, id) {
      await redis.zrem(k(`slots:${key}`), id);
    },
    async lock(key, ms) {
      await redis.set(k(`lock:${key}`), '1', 'PX', Math.max(1, Math.round(ms)));
    },
    async lockedFor(key) {
      return Math.max(0, await redis.pttl(k(`lock:${key}`)));
    },
    async reset(key) {
      await redis.del(k(key));
    },
    async close() {
      redis.disconnect();
    },
  };
}
