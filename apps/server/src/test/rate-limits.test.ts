import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLimitStore } from '../adapters/limits/limit-store.js';
import { startSmtpListener } from '../adapters/email/smtp-listener.js';
import { createLimiter } from '../app/limiter.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Server } from '../main.js';
import { startServer } from '../main.js';
import { freshPostgres } from './databases.js';
import type { TestServer } from './test-server.js';
import { DEMO_KB, startTestServer, TEST_METRICS_TOKEN } from './test-server.js';
import { openStream } from './ws-client.js';

/** An address of the TEST-NET blocks no other test uses, so counters shared in Redis start at 0. */
const freshAddress = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]! % 250 + 1}`;

/** A 429 in the documented shape, with a Retry-After in seconds. */
function expectLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, code = 'RATE_ERR_LIMITED') {
  const body = res.json() as { error?: { code?: string; message?: string }; statusCode?: unknown };
  expect({ status: res.statusCode, code: body.error?.code, topLevel: Object.keys(body) }).toEqual({ status: 429, code, topLevel: ['error'] });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(body.error?.message).toMatch(/try again in \d+ s/);
}

async function rejections(s: { app: TestServer['app'] }, limit: string): Promise<number> {
  const text = (await s.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).body;
  const line = text.split('\n').find((l) => l.startsWith(`baton_rate_limited_total{limit="${limit}"}`));
  return Number(line?.split(' ')[1] ?? NaN);
}

describe('BATON_TRUST_PROXY', () => {
  it('refuses "true", saying what to write instead', () => {
    expect(() => loadConfig({ BATON_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ BATON_TRUST_PROXY: 'true' })).toThrow(/BATON_TRUST_PROXY="true": true would believe any X-Forwarded-For.*number of proxies.*\(e\.g\. 1\).*10\.0\.0\.0\/8/);
  });
  it('takes a hop count or a list of addresses and CIDRs, and nothing else', () => {
    expect(loadConfig({ BATON_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ BATON_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const bad of ['*', '10.0.0.0/33', 'proxy.example.com', '1.2.3.4/8/1']) expect(() => loadConfig({ BATON_TRUST_PROXY: bad }), bad).toThrow(/BATON_TRUST_PROXY/);
  });
  it('reads every limit from BATON_LIMIT_*, and names a bad one', () => {
    const c = loadConfig({ BATON_LIMIT_LOGIN_ADDRESS: '5/30s', BATON_LIMIT_WS_TOKEN: '2' });
    expect(c.limits['login.address']).toEqual({ kind: 'rate', max: 5, windowMs: 30_000 });
    expect(c.limits['ws.token']).toEqual({ kind: 'concurrent', max: 2 });
    expect(c.limits['start.address']).toEqual({ kind: 'rate', max: 20, windowMs: 60_000 });
    expect(() => loadConfig({ BATON_LIMIT_READ_ADDRESS: 'lots' })).toThrow(/BATON_LIMIT_READ_ADDRESS="lots": a count per period, such as 30\/1m/);
  });
});

// One node, counters in memory.
describe('limits on one node', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', {
      listen: true,
      workers: false,
      env: {
        BATON_TRUST_PROXY: '1',
        BATON_LIMIT_CUSTOMER_WRITE_TOKEN: '3/1m',
        BATON_LIMIT_READ_ADDRESS: '6/1m',
        BATON_LIMIT_START_ADDRESS: '3/1m',
        BATON_LIMIT_WS_TOKEN: '2',
        BATON_LOGIN_LOCKOUT_AFTER: '3',
        BATON_LOGIN_LOCKOUT_ADDRESS_AFTER: '6',
        BATON_LOGIN_LOCKOUT_SECONDS: '30',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it("limits a customer's writes per conversation token, whatever address they come from", async () => {
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: from(freshAddress()), payload: {} })).json() as { id: string; token: string };
    const say = () => s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { ...from(freshAddress()), authorization: `Bearer ${conv.token}` }, payload: { text: 'hello there' } });
    for (let i = 0; i < 3; i++) expect((await say()).statusCode).toBe(201);
    const before = await rejections(s, 'customer_write.token');
    expectLimited(await say());
    expect(await rejections(s, 'customer_write.token')).toBe(before + 1);
  });

  it('limits GET routes per address, and a forged left-most X-Forwarded-For does not escape it', async () => {
    const client = freshAddress();
    const token = await s.login('alex');
    const get = () => s.app.inject({ method: 'GET', url: '/api/v1/agents/me', headers: { 'x-forwarded-for': `${freshAddress()}, ${client}`, authorization: `Bearer ${token}` } });
    for (let i = 0; i < 6; i++) expect((await get()).statusCode).toBe(200);
    expectLimited(await get());
    expect(await rejections(s, 'read.address')).toBeGreaterThan(0);
  });

  it('counts new conversations per address', async () => {
    const client = freshAddress();
    const start = () => s.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: from(client), payload: {} });
    for (let i = 0; i < 3; i++) expect((await start()).statusCode).toBe(201);
    expectLimited(await start());
  });

  it('locks an account out after failed logins, with backoff, even for the right password', async () => {
    const alex = s.logins.find((l) => l.email.startsWith('alex'))!;
    const attempt = (password: string) => s.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: from(freshAddress()), payload: { email: alex.email, password } });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password-guess')).statusCode).toBe(401);
    const locked = await attempt(alex.password);
    expectLimited(locked, 'AUTH_ERR_LOGIN_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(await rejections(s, 'login.lockout')).toBeGreaterThan(0);
    // Another account is not locked by it.
    const priya = s.logins.find((l) => l.email.startsWith('priya'))!;
    expect((await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: from(freshAddress()), payload: { email: priya.email, password: priya.password } })).statusCode).toBe(200);
  });

  it('locks an address out after failed logins on many accounts', async () => {
    const client = freshAddress();
    const attempt = (email: string, password: string) => s.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: from(client), payload: { email, password } });
    for (let i = 0; i < 6; i++) expect((await attempt(`nobody${i}@example.com`, 'wrong-password-guess')).statusCode).toBe(401);
    const sam = s.logins.find((l) => l.email.startsWith('sam'))!;
    expectLimited(await attempt(sam.email, sam.password), 'AUTH_ERR_LOGIN_LOCKED');
  });

  it('limits open streams per token, with close code 4429', async () => {
    const token = await s.login('priya');
    const a = await openStream(s.url!, token);
    const b = await openStream(s.url!, token);
    const third = await new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(`${s.url!.replace('http', 'ws')}/api/v1/stream?token=${token}`);
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    expect(third).toEqual({ code: 4429, reason: 'RATE_ERR_LIMITED' });
    expect(await rejections(s, 'ws.token')).toBeGreaterThan(0);
    // A closed stream frees its slot.
    await a.close();
    const again = await openStream(s.url!, token);
    await again.close();
    await b.close();
  });
});

// The inbound SMTP listener admits sessions through the limiter.
describe('SMTP sessions', () => {
  it('refuses sessions from an address over its limit with 421', async () => {
    const limits = loadConfig({ BATON_LIMIT_SMTP_ADDRESS: '2/1m' });
    const limiter = createLimiter(createMemoryLimitStore(), limits.limits, limits.lockout);
    const admit = async (address: string, id: string) => {
      await limiter.take('smtp.address', address);
      return (await limiter.acquire('smtp_open.address', address, id)).release;
    };
    const smtp = await startSmtpListener({ port: 0, host: '127.0.0.1', admit, onMessage: async () => {} });
    const greeting = () =>
      new Promise<string>((resolve, reject) => {
        const c = createConnection(smtp.port, '127.0.0.1');
        c.once('data', (d) => {
          resolve(d.toString());
          c.end('QUIT\r\n');
        });
        c.once('error', reject);
      });
    try {
      expect(await greeting()).toMatch(/^220 /);
      expect(await greeting()).toMatch(/^220 /);
      expect(await greeting()).toMatch(/^421 /);
      expect(limiter.rejections().get('smtp.address')).toBe(1);
    } finally {
      await smtp.close();
    }
  });
});

// Two nodes sharing PostgreSQL and Redis: a limit counted on one holds on the other.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('limits across two nodes sharing Redis', () => {
  let a: Server;
  let b: Server;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg.drop;
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      BATON_LOG_LEVEL: 'error',
      BATON_ENCODER: 'off',
      BATON_PASSWORD_COST: '14',
      DATABASE_URL: pg.url,
      REDIS_URL: process.env.REDIS_URL!,
      // Its own counters, apart from any other file's servers on the same Redis.
      BATON_REDIS_PREFIX: `test-${process.pid}-${Date.now()}`,
      BATON_TRUST_PROXY: '1',
      BATON_LIMIT_START_ADDRESS: '4/1m',
      BATON_LOGIN_LOCKOUT_AFTER: '2',
    };
    a = await startServer(loadConfig(env), { listen: false, workers: false, defaultKbDir: DEMO_KB, log: () => {} });
    b = await startServer(loadConfig(env), { listen: false, workers: false, defaultKbDir: DEMO_KB, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await drop?.();
  });

  it('counts new conversations from one address on both nodes together', async () => {
    const client = freshAddress();
    const start = (node: Server) => node.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { 'x-forwarded-for': client }, payload: {} });
    for (const node of [a, b, a, b]) expect((await start(node)).statusCode).toBe(201);
    expectLimited(await start(a));
    expectLimited(await start(b));
    // Another address is not affected.
    expect((await b.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { 'x-forwarded-for': freshAddress() }, payload: {} })).statusCode).toBe(201);
  });

  it('keeps a login lockout made on one node on the other', async () => {
    const email = `lock-${randomBytes(4).toString('hex')}@example.com`;
    const login = (node: Server) => node.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': freshAddress() }, payload: { email, password: 'wrong-password-guess' } });
    expect((await login(a)).statusCode).toBe(401);
    expect((await login(b)).statusCode).toBe(401);
    expectLimited(await login(a), 'AUTH_ERR_LOGIN_LOCKED');
    expectLimited(await login(b), 'AUTH_ERR_LOGIN_LOCKED');
  });
});
