import { describe, expect, it } from 'vitest';
import type { LimitStore } from '../adapters/limits/limit-store.js';
import { createMemoryLimitStore } from '../adapters/limits/limit-store.js';
import { loadConfig } from '../config.js';
import { createLimiter, RateLimitedError } from './limiter.js';

const config = loadConfig({ BATON_LIMIT_READ_TOKEN: '2/10s', BATON_LIMIT_WS_TOKEN: '1', BATON_LOGIN_LOCKOUT_AFTER: '2', BATON_LOGIN_LOCKOUT_SECONDS: '30', BATON_LOGIN_LOCKOUT_MAX_SECONDS: '100' });

function clockedLimiter() {
  let now = 1_000_000;
  const store = createMemoryLimitStore(() => now);
  return { limiter: createLimiter(store, config.limits, config.lockout), advance: (ms: number) => (now += ms), store };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err as RateLimitedError);

describe('the limiter', () => {
  it('counts a rate per key in a fixed window, and says when the window ends', async () => {
    const { limiter, advance } = clockedLimiter();
    await limiter.take('read.token', 'a');
    await limiter.take('read.token', 'a');
    await limiter.take('read.token', 'b');
    advance(4000);
    const err = await refusal(limiter.take('read.token', 'a'));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect({ code: err!.code, retryAfter: err!.retryAfterSeconds }).toEqual({ code: 'RATE_ERR_LIMITED', retryAfter: 6 });
    advance(6001);
    await expect(limiter.take('read.token', 'a')).resolves.toBeUndefined();
    expect(limiter.rejections().get('read.token')).toBe(1);
  });

  it('holds one slot per connection, frees it on release, and lets a lapsed holder go', async () => {
    const { limiter, advance } = clockedLimiter();
    const first = await limiter.acquire('ws.token', 't', 'conn-1');
    expect((await refusal(limiter.acquire('ws.token', 't', 'conn-2')))?.code).toBe('RATE_ERR_LIMITED');
    await first.release();
    await limiter.acquire('ws.token', 't', 'conn-2');
    // conn-2's node dies without releasing: after the slot's ttl another connection gets in.
    expect(await refusal(limiter.acquire('ws.token', 't', 'conn-3'))).not.toBeNull();
    advance(91_000);
    await expect(limiter.acquire('ws.token', 't', 'conn-3')).resolves.toBeDefined();
  });

  it('locks an account after its failures, doubling each time up to the maximum, and a success clears the count', async () => {
    const { limiter, advance } = clockedLimiter();
    const locked = () => refusal(limiter.checkLogin('ana@example.com', '192.0.2.1'));
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect(await locked()).toBeNull();
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect((await locked())?.retryAfterSeconds).toBe(30);
    advance(30_001);
    expect(await locked()).toBeNull();
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect((await locked())?.retryAfterSeconds).toBe(60);
    advance(60_001);
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect((await locked())?.retryAfterSeconds).toBe(100);
    expect((await locked())?.code).toBe('AUTH_ERR_LOGIN_LOCKED');
    advance(100_001);
    await limiter.loginSucceeded('ana@example.com');
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect(await locked()).toBeNull();
  });

  it('lets requests through, and warns, when the store fails', async () => {
    const broken: LimitStore = {
      hit: () => Promise.reject(new Error('connection refused')),
      acquire: () => Promise.reject(new Error('connection refused')),
      release: () => Promise.reject(new Error('connection refused')),
      lock: () => Promise.reject(new Error('connection refused')),
      lockedFor: () => Promise.reject(new Error('connection refused')),
      reset: () => Promise.reject(new Error('connection refused')),
      close: async () => {},
    };
    const warnings: string[] = [];
    const limiter = createLimiter(broken, config.limits, config.lockout, (m) => warnings.push(m));
    for (let i = 0; i < 5; i++) await limiter.take('read.token', 'a');
    await limiter.checkLogin('ana@example.com', '192.0.2.1');
    await limiter.loginFailed('ana@example.com', '192.0.2.1');
    expect(warnings[0]).toBe('rate limits: the store failed on read.token, so it is not enforced for now: connection refused');
    expect(warnings).toHaveLength(7);
  });
});
