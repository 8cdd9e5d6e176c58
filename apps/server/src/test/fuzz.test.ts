import { isErrorCode } from '@baton/contracts';
import fc from 'fast-check';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listDeadLetters } from '../adapters/db/repositories/dead-letters.repository.js';
import type { StartedConversation } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';
import { waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';

/**
 * The fuzz test (issue 11): every public endpoint, read from the registered routes so a new one is
 * fuzzed too, and the WebSocket stream, get arbitrary Unicode (lone surrogates, NUL, emoji at every
 * truncation boundary, RTL, combining marks), wrong types, huge and deeply nested bodies. No 5xx,
 * every error in the documented shape, nothing logged as unexpected, no dead letter, and a
 * notification still reaches a real receiver afterwards. The seed is fixed (FUZZ_SEED to change
 * it) and fast-check prints it, with the counterexample, on a failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const HTTP_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const WS_RUNS = Math.ceil(HTTP_RUNS / 6);
const EMAIL_SECRET = 'fuzz-email-secret-0123456789';

/** Where text is clipped somewhere in the product (quotes, headlines, SMS, Slack, logs, limits). */
const BOUNDARIES = [0, 1, 58, 59, 60, 99, 100, 149, 150, 199, 200, 299, 300, 318, 319, 320, 399, 400, 599, 600, 999, 1000, 2899, 2999, 3999];
const NASTY = ['\u0000', '\u0000', '\uD800', '\uD83D', '\uDBFF', '\uDC00', '\uDE00', '\uDFFF', '\u202E', '\u200F', '\u061C', 'שלום', 'مرحبا', 'e\u0301\u0302\u0303', '\u0336'.repeat(50), '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '\uFEFF', '\u2028', '\uFFFF', '<script>alert(1)</script>', '%00', '\\', '"', '{{7*7}}', "'; drop table messages; --"];

const nastyChar = fc.constantFrom(...NASTY);
const atBoundary = fc.tuple(fc.constantFrom(...BOUNDARIES), nastyChar, fc.string({ maxLength: 8 })).map(([n, c, tail]) => `${'a'.repeat(n)}${c}${tail}`);
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), nastyChar, fc.string({ maxLength: 10 })).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.array(nastyChar, { maxLength: 6 }).map((a) => a.join(' ')) },
  { weight: 3, arbitrary: atBoundary },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', 'x'.repeat(20_001), '😀'.repeat(10_001), 'sarah.jones@example.com', 'en', 'web', 'email', 'resolved') },
);
const leaf = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

/** The JSON body schema of a route, from the OpenAPI document (`:id` there is `{id}`). */
function bodySchema(doc: OpenApi, method: string, url: string): JsonSchema | undefined {
  return doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

/**
 * Bodies shaped like what the route reads, so they get past "unknown field" to the validation of
 * each field and to the use cases, with hostile text in every string and, now and then, the
 * wrong type in any place.
 */
function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return leaf;
  const alternatives = schema.anyOf ?? schema.oneOf;
  let typed: fc.Arbitrary<unknown>;
  if (alternatives) typed = fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1)));
  else if (schema.enum) typed = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) typed = fc.constant(schema.const);
  else {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object') {
      const props = Object.entries(schema.properties ?? {});
      typed = fc.record(Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)])), { requiredKeys: (schema.required ?? []).filter((k) => props.some(([p]) => p === k)) });
    } else if (type === 'array') typed = fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 });
    else if (type === 'string' && schema.format === 'email') typed = fc.oneof(fc.constantFrom('sarah.jones@example.com', 'a@b.co'), nastyString.map((n) => `${n}@example.com`), nastyString);
    else if (type === 'string' && schema.format === 'date-time') typed = fc.oneof(fc.constantFrom('2026-12-07T10:00:00.000Z', '2026-02-30T25:61:00Z'), nastyString);
    else if (type === 'string') typed = nastyString;
    else if (type === 'integer' || type === 'number') typed = fc.oneof(fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000 }), fc.constantFrom(-1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2));
    else if (type === 'boolean') typed = fc.boolean();
    else typed = leaf;
  }
  return fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: leaf });
}

/** Percent-encodes anything, lone surrogates included (as the bytes a broken client would send). */
function encodeAny(s: string): string {
  return Array.from(s, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

/** A body of every kind a hostile client sends: shaped like the route's, wrong types, raw bytes, huge, deep. */
function bodies(schema: JsonSchema | undefined) {
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 4 })),
  })).v;
  return fc.oneof(
    { weight: 8, arbitrary: fromSchema(schema).map((b) => ({ json: b })) },
    { weight: 1, arbitrary: value.map((b) => ({ json: b })) },
    {
      weight: 2,
      arbitrary: fc.record({
        raw: fc.oneof(nastyString, fc.constantFrom('{', '{"text":', '[]', 'null', '{"a":1}{"b":2}', '\u0000', '{"text":"\\ud800"}', '{"text":"\\u0000"}', '{"customer":{"name":"\\udc00"}}', '{"__proto__":{"x":1}}')),
        contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', ''),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer({ min: 1_000, max: 200_000 }).map((depth) => ({ raw: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: 'application/json' })),
        fc.integer({ min: 1_000, max: 50_000 }).map((depth) => ({ raw: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, contentType: 'application/json' })),
        fc.integer({ min: 250_000, max: 300_000 }).map((n) => ({ raw: JSON.stringify({ text: 'x'.repeat(n) }), contentType: 'application/json' })),
      ),
    },
  );
}

/** Every error a client sees: the documented shape, a code from the catalogue, and nothing more. */
function checkErrorBody(status: number, text: string, what: string): void {
  expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (status < 400) return;
  let body: { error?: { code?: unknown; message?: unknown; field?: unknown } } = {};
  expect(() => (body = JSON.parse(text)), `${what}: ${status} with a body that is not JSON: ${text.slice(0, 300)}`).not.toThrow();
  expect(Object.keys(body), `${what}: ${text.slice(0, 300)}`).toEqual(['error']);
  expect(isErrorCode(body.error?.code), `${what}: code ${String(body.error?.code)}`).toBe(true);
  expect(typeof body.error?.message, what).toBe('string');
  expect(Object.keys(body.error!).every((k) => ['code', 'message', 'field'].includes(k)), `${what}: ${text.slice(0, 300)}`).toBe(true);
}

describe.each(TEST_DATABASES)('fuzzing the public surface on %s', (kind) => {
  let n: NotifiedServer;
  let s: TestServer;
  let rx: NotifiedServer['rx'];
  const unexpected: string[] = [];
  let conversations: StartedConversation[] = [];
  let routes: RouteOptions[] = [];
  let doc: OpenApi = { paths: {} };
  let client = 0;

  beforeAll(async () => {
    n = await startNotifiedServer(kind, { listen: true, env: { BATON_EMAIL_WEBHOOK_SECRET: EMAIL_SECRET } });
    ({ s, rx } = n);
    const log = s.ctx.log;
    s.ctx.log = (level, message, fields) => {
      if (level === 'error') unexpected.push(`${message} ${JSON.stringify(fields ?? {}).slice(0, 500)}`);
      log(level, message, fields);
    };
    await n.addEndpoint();
    const http = api(s);
    conversations = [await http.start(), await http.start({ customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com' } }), await http.start({ language: 'he' })];
    // HEAD routes are fastify's copies of the GETs, and answer without a body.
    routes = s.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && (r.config?.public || r.config?.customer) && !(r as { websocket?: boolean }).websocket);
    doc = (await http.get('/openapi.json')).body as OpenApi;
  }, 60_000);
  afterAll(async () => {
    await n?.close();
  });

  it('finds the public routes in the route table', () => {
    const names = routes.map((r) => `${String(r.method)} ${r.url}`);
    expect(names).toContain('POST /api/v1/conversations');
    expect(names).toContain('POST /api/v1/conversations/:id/messages');
    expect(names).toContain('POST /api/v1/conversations/:id/csat');
    expect(names).toContain('POST /api/v1/channels/email/inbound');
  });

  it('no input to a public endpoint gives a 5xx or an error off the documented shape', async () => {
    unexpected.length = 0;
    const request = fc.nat({ max: routes.length - 1 }).chain((index) => {
      const route = routes[index]!;
      const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
      return fc.record({
        path: fc.constant(route.url),
        method: fc.constant(method),
        conversation: fc.nat({ max: conversations.length - 1 }),
        id: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyString.map(encodeAny) }, { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%00', '%C0%AF', '%', '%E0%A4%A', '..%2F..%2Fetc', 'a'.repeat(5000)) }),
        token: fc.oneof({ weight: 5, arbitrary: fc.constant('own') }, { weight: 1, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: nastyString.map((t) => t.replace(/[^\x21-\x7e]/g, '')) }),
        query: fc.option(fc.dictionary(fc.constantFrom('after', 'status', 'token', 'limit', 'x'), nastyString, { maxKeys: 3 }), { nil: undefined }),
        body: bodies(bodySchema(doc, method, route.url)),
      });
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const { path, method } = q;
        const conv = conversations[q.conversation]!;
        const url = path.replace(':id', q.id ?? conv.id) + (q.query ? `?${Object.entries(q.query).map(([k, v]) => `${k}=${encodeAny(v)}`).join('&')}` : '');
        const headers: Record<string, string> = {};
        if (q.token === 'own') headers.authorization = `Bearer ${conv.token}`;
        else if (q.token !== 'none') headers.authorization = `Bearer ${q.token}`;
        if (path.endsWith('/channels/email/inbound')) headers['x-baton-email-secret'] = EMAIL_SECRET;
        const withBody = method !== 'GET' && method !== 'HEAD';
        if (withBody) headers['content-type'] = 'raw' in q.body ? q.body.contentType : 'application/json';
        client += 1;
        const res = await s.app.inject({
          method: method as 'GET',
          url,
          headers,
          remoteAddress: `10.200.${(client >> 8) & 255}.${client & 255}`,
          ...(withBody ? { payload: 'raw' in q.body ? q.body.raw : (JSON.stringify(q.body.json) ?? 'null') } : {}),
        });
        checkErrorBody(res.statusCode, res.body, `${method} ${url.slice(0, 120)}`);
        expect(unexpected, 'nothing logged at error level').toEqual([]);
      }),
      { seed: SEED, numRuns: HTTP_RUNS },
    );
  }, 240_000);

  it('no query or frame on the WebSocket stream crashes it or answers off the documented shape', async () => {
    unexpected.length = 0;
    const base = s.url!.replace(/^http/, 'ws');
    const frames = fc.array(fc.oneof(nastyString, bodies(undefined).map((b) => ('raw' in b ? b.raw : JSON.stringify(b.json) ?? 'null')), fc.constantFrom('{"type":"ping"}', '{"type":"ack","seq":"x"}', '{"type":"\\u0000"}', '{"type":"\\ud800"}')), { maxLength: 4 });
    const stream = fc.record({
      conversation: fc.nat({ max: conversations.length - 1 }),
      token: fc.oneof(fc.constant('own'), nastyString.map(encodeAny)),
      after: fc.option(fc.oneof(nastyString.map(encodeAny), fc.constantFrom('-1', '0', '1e400', '-2', '99999999999999999999')), { nil: undefined }),
      frames,
    });
    await fc.assert(
      fc.asyncProperty(stream, async (q) => {
        const conv = conversations[q.conversation]!;
        const url = `${base}/api/v1/stream?token=${q.token === 'own' ? encodeURIComponent(conv.token) : q.token}${q.after !== undefined ? `&after=${q.after}` : ''}`;
        const got = await talk(url, q.frames.filter((f) => f.length < 60_000));
        if (got.rejected) checkErrorBody(got.rejected.status, got.rejected.body, `upgrade ${url.slice(0, 120)}`);
        for (const text of got.frames) {
          const frame = JSON.parse(text) as { type: string; error?: { code?: unknown; message?: unknown } };
          if (frame.type === 'error') {
            expect(isErrorCode(frame.error?.code), text).toBe(true);
            expect(typeof frame.error?.message, text).toBe('string');
            expect(frame.error?.code, text).not.toBe('INTERNAL_ERR');
          }
        }
        if (got.closeCode !== null) expect([1000, 1005, 1006, 1009].includes(got.closeCode) || (got.closeCode >= 4400 && got.closeCode < 4500), `close ${got.closeCode}`).toBe(true);
        expect(unexpected, 'nothing logged at error level').toEqual([]);
      }),
      { seed: SEED, numRuns: WS_RUNS },
    );
  }, 240_000);

  it('after the whole run, notifications still flow to a real receiver and no event was set aside', async () => {
    unexpected.length = 0;
    const http = api(s);
    const conv = await http.start({ customer: { name: `${'😀'.repeat(99)}` } });
    expect((await http.say(conv, `${'a'.repeat(59)}😡 ${ASK_FOR_HUMAN}`)).status).toBe(201);
    await n.listener.drain();
    await waitFor('the webhook after the fuzz run', () => rx.requests.find((r) => r.body.includes(conv.id)));
    expect(await listDeadLetters(s.ctx.db, { status: 'dead' })).toEqual([]);
    for (const c of conversations) expect((await http.messages(c.id, c.token)).length).toBeGreaterThanOrEqual(0);
    expect(unexpected).toEqual([]);
  }, 60_000);
});

/** One WebSocket session: open, send the frames, collect what comes back for a moment, close. */
function talk(url: string, frames: string[]): Promise<{ frames: string[]; closeCode: number | null; rejected: { status: number; body: string } | null }> {
  return new Promise((resolve) => {
    const got: string[] = [];
    let closeCode: number | null = null;
    let rejected: { status: number; body: string } | null = null;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      // A URL the client itself refuses to send never reaches the server.
      return resolve({ frames: got, closeCode, rejected });
    }
    const done = () => resolve({ frames: got, closeCode, rejected });
    const timer = setTimeout(() => {
      ws.terminate();
      done();
    }, 1500);
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        rejected = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        clearTimeout(timer);
        done();
      });
    });
    ws.on('error', () => {});
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
      setTimeout(() => ws.close(), 150);
    });
    ws.on('message', (raw) => got.push(raw.toString()));
    ws.on('close', (code) => {
      closeCode = code;
      clearTimeout(timer);
      done();
    });
  });
}
