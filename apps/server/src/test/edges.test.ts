import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, ApiResponse } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_METRICS_TOKEN } from './test-server.js';

/** The documented error shape, and nothing else at the top level (no fastify `statusCode`). */
function expectErrorShape(r: { status: number; body: unknown; text: string }, status: number, code?: string) {
  expect(r.status, r.text).toBe(status);
  const body = r.body as { error?: { code?: unknown; message?: unknown; field?: unknown } };
  expect(Object.keys(body ?? {}), r.text).toEqual(['error']);
  expect(typeof body.error?.code, r.text).toBe('string');
  expect(typeof body.error?.message, r.text).toBe('string');
  expect(Object.keys(body.error!).every((k) => ['code', 'message', 'field'].includes(k)), r.text).toBe(true);
  if (code) expect(body.error?.code).toBe(code);
}

/** A raw HTTP/1.1 exchange over a socket, for what `inject` cannot send (oversized headers). */
function rawRequest(url: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
  });
}

describe.each(TEST_DATABASES)('the edges of the HTTP server on %s', (kind) => {
  let s: TestServer;
  let http: Api;

  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, workers: false });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('headers over the limit get a 431 in the error shape', async () => {
    const r = await rawRequest(s.url!, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expectErrorShape({ status: r.status, body: JSON.parse(r.body), text: r.body }, 431, 'VALIDATION_ERR_HEADERS_TOO_LARGE');
  });

  it('a request that is not HTTP gets a 400 in the error shape', async () => {
    const r = await rawRequest(s.url!, 'THIS IS NOT HTTP\r\n\r\n');
    expectErrorShape({ status: r.status, body: JSON.parse(r.body), text: r.body }, 400, 'VALIDATION_ERR_BODY');
  });

  it('a path with a broken percent-encoding is a 400 VALIDATION_ERR_URL', async () => {
    expectErrorShape(await http.get('/healthz%ZZ'), 400, 'VALIDATION_ERR_URL');
    expectErrorShape(await http.get('/api/v1/handoffs%E0%A4%A'), 400, 'VALIDATION_ERR_URL');
    expectErrorShape(await http.get('/api/v1/handoffs?status=%E0%A4%A'), 401);
  });

  it('a plain GET of the WebSocket stream is a 426 in the error shape, not an empty 404', async () => {
    const r = await http.get('/api/v1/stream');
    expectErrorShape(r, 426, 'STREAM_ERR_NOT_WEBSOCKET');
  });

  it('the 429 of a rate limit has the error shape, with no top-level statusCode', async () => {
    let last: ApiResponse | null = null;
    for (let i = 0; i < 25 && last?.status !== 429; i++) {
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/conversations', remoteAddress: '10.250.0.1', payload: {} });
      last = { status: res.statusCode, body: res.json(), text: res.body, headers: res.headers };
    }
    expectErrorShape(last!, 429, 'RATE_ERR_LIMITED');
  });

  it('a body over the limit is a 413 VALIDATION_ERR_TOO_LARGE', async () => {
    const conv = await http.start();
    const r = await http.call('POST', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token, raw: JSON.stringify({ text: 'x'.repeat(300_000) }) });
    expectErrorShape(r, 413, 'VALIDATION_ERR_TOO_LARGE');
  });

  it.each([
    ['malformed JSON', '{"customer":', 'application/json'],
    ['an empty JSON body', '', 'application/json'],
    ['plain text', 'hello', 'text/plain'],
    ['a form', 'a=1', 'application/x-www-form-urlencoded'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON string', '"hi"', 'application/json'],
    ['a prototype-poisoning body', '{"__proto__":{"admin":true}}', 'application/json'],
  ])('%s is a 4xx in the error shape', async (_name, raw, contentType) => {
    const r = await http.call('POST', '/api/v1/conversations', { raw, contentType });
    expect(r.status, r.text).toBeGreaterThanOrEqual(400);
    expect(r.status, r.text).toBeLessThan(500);
    expectErrorShape(r, r.status);
  });

  it('an unknown route and an unknown method are 404s in the error shape', async () => {
    expectErrorShape(await http.get('/api/v1/nope'), 404, 'ROUTE_ERR_NOT_FOUND');
    const r = await s.app.inject({ method: 'PROPFIND', url: '/api/v1/conversations' });
    expectErrorShape({ status: r.statusCode, body: r.json(), text: r.body }, 404, 'ROUTE_ERR_NOT_FOUND');
  });

  it('every response carries the security headers; the API is never framed nor sniffed', async () => {
    for (const r of [await http.get('/healthz'), await http.get('/api/v1/nope'), await http.post('/api/v1/conversations', undefined, { bogus: 1 })]) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it('the workspace page may load only its own scripts; the widget script is loadable by any site', async () => {
    const page = await http.get('/');
    if (page.status === 200) {
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe');
    }
    const widget = await http.get('/widget.js');
    if (widget.status === 200) {
      expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(widget.headers['access-control-allow-origin']).toBe('*');
      expect(widget.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('/metrics needs the token: none is a 401, a wrong one a 401, the right one the metrics', async () => {
    expectErrorShape(await http.get('/metrics'), 401, 'AUTH_ERR_MISSING_TOKEN');
    expectErrorShape(await http.get('/metrics', 'wrong-token-wrong-token'), 401, 'AUTH_ERR_INVALID_TOKEN');
    const ok = await http.get('/metrics', TEST_METRICS_TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE baton_listener_dead_letters gauge');
  });

  it('/healthz says ok and names nothing internal', async () => {
    const r = await http.get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.text).not.toMatch(/pglite|postgres/i);
  });
});

describe('the metrics default and the metrics port', () => {
  it('without a token, /metrics is not served on the main port; the metrics port serves it to its own network', async () => {
    const s = await startTestServer('pglite', { listen: true, workers: false, env: { BATON_METRICS_TOKEN: '', BATON_METRICS_PORT: '0' } });
    try {
      const http = api(s);
      expectErrorShape(await http.get('/metrics'), 404, 'METRICS_ERR_OFF');
      expectErrorShape(await http.get('/metrics', TEST_METRICS_TOKEN), 404, 'METRICS_ERR_OFF');
      expect(s.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await fetch(`${s.metricsUrl}/metrics`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('# TYPE baton_handoffs_waiting gauge');
      const other = await fetch(`${s.metricsUrl}/api/v1/handoffs`);
      expect(other.status).toBe(404);
      expect(await other.json()).toMatchObject({ error: { code: 'ROUTE_ERR_NOT_FOUND' } });
    } finally {
      await s.close();
    }
  }, 60_000);

  it('/healthz answers 503 without the database error text when the database is gone', async () => {
    const s = await startTestServer('pglite', { workers: false });
    const logged: string[] = [];
    s.ctx.log = (_level, message, fields) => void logged.push(`${message} ${JSON.stringify(fields ?? {})}`);
    await s.ctx.db.close();
    const r = await api(s).get('/healthz');
    expectErrorShape(r, 503, 'HEALTH_ERR_UNAVAILABLE');
    expect(r.text).not.toContain('destroyed');
    expect(logged.some((l) => l.startsWith('health check: the database does not answer'))).toBe(true);
    await s.close().catch(() => {});
  }, 60_000);
});
