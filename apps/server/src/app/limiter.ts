import type { LimitStore } from '../adapters/limits/limit-store.js';
import { DomainError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { LimitName, LimitSettings, LockoutSettings } from '../limits.js';

/** A refusal by a limit: a 429 (close 4429) that says when to try again (`Retry-After`). */
export class RateLimitedError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** A slot held under a concurrency limit; renew it while the connection lives, release it when it ends. */
export interface Slot {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * The limits in force (limits.ts) applied over a store (memory or Redis), and a count of every
 * rejection per limit for `/metrics`. `key` is what the limit is per: an address, a token's hash,
 * an account id.
 */
export interface Limiter {
  /** Counts one request under a rate limit; throws `RATE_ERR_LIMITED` when over it. */
  take(name: LimitName, key: string): Promise<void>;
  /** Takes a slot under a concurrency limit; throws `RATE_ERR_LIMITED` when all are held. */
  acquire(name: LimitName, key: string, id: string): Promise<Slot>;
  /** Refuses a login while its account or address is locked out. */
  checkLogin(account: string, address: string): Promise<void>;
  /** Records a failed login; enough of them lock the account (or the address) out, for longer each time. */
  loginFailed(account: string, address: string): Promise<void>;
  /** A successful login clears its account's failures. */
  loginSucceeded(account: string): Promise<void>;
  /** Rejections so far on this node, by limit name (lockouts as `login.lockout`). */
  rejections(): ReadonlyMap<string, number>;
}

/** How long a slot is held without renewal: a node that dies frees its slots after this. */
export const SLOT_TTL_MS = 90_000;
const FAILURE_WINDOW_MS = 3_600_000;

/**
 * `warn` hears of a store that fails (Redis down): the limits then let requests through rather
 * than take the whole API down with the store, and say so in the log.
 */
export function createLimiter(store: LimitStore, limits: LimitSettings, lockout: LockoutSettings, warn: (message: string) => void = () => {}): Limiter {
  const rejected = new Map<string, number>();
  const orOpen = async <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      warn(`rate limits: the store failed on ${what}, so it is not enforced for now: ${(err as Error).message}`);
      return fallback;
    }
  };
  const refuse = (name: string, ms: number, code: ErrorCode = 'RATE_ERR_LIMITED', what = `too many requests (${name})`): never => {
    rejected.set(name, (rejected.get(name) ?? 0) + 1);
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    throw new RateLimitedError(code, `${what}; try again in ${seconds} s`, seconds);
  };
  const lockMs = (failures: number, after: number) => Math.min(lockout.firstSeconds * 2 ** (failures - after), lockout.maxSeconds) * 1000;
  return {
    async take(name, key) {
      const l = limits[name];
      if (l.kind !== 'rate') throw new Error(`${name} is not a rate limit`);
      const { count, resetMs } = await orOpen(name, { count: 0, resetMs: 0 }, () => store.hit(`${name}:${key}`, l.windowMs));
      if (count > l.max) refuse(name, resetMs);
    },
    async acquire(name, key, id) {
      const l = limits[name];
      if (l.kind !== 'concurrent') throw new Error(`${name} is not a concurrency limit`);
      const k = `${name}:${key}`;
      if (!(await orOpen(name, true, () => store.acquire(k, id, l.max, SLOT_TTL_MS)))) refuse(name, 5000, 'RATE_ERR_LIMITED', `too many open connections (${name}, at most ${l.max})`);
      return {
        renew: async () => void (await store.acquire(k, id, Number.MAX_SAFE_INTEGER, SLOT_TTL_MS)),
        release: () => store.release(k, id),
      };
    },
    async checkLogin(account, address) {
      const ms = await orOpen('login.lockout', 0, async () => Math.max(await store.lockedFor(`login:account:${account}`), await store.lockedFor(`login:address:${address}`)));
      if (ms > 0) refuse('login.lockout', ms, 'AUTH_ERR_LOGIN_LOCKED', 'too many failed logins for this account or from this address');
    },
    async loginFailed(account, address) {
      await orOpen('login.lockout', undefined, async () => {
        const a = await store.hit(`login-failures:account:${account}`, FAILURE_WINDOW_MS);
        if (a.count >= lockout.afterFailures) await store.lock(`login:account:${account}`, lockMs(a.count, lockout.afterFailures));
        const b = await store.hit(`login-failures:address:${address}`, FAILURE_WINDOW_MS);
        if (b.count >= lockout.addressAfterFailures) await store.lock(`login:address:${address}`, lockMs(b.count, lockout.addressAfterFailures));
      });
    },
    async loginSucceeded(account) {
      await orOpen('login.lockout', undefined, () => store.reset(`login-failures:account:${account}`));
    },
    rejections: () => rejected,
  };
}
