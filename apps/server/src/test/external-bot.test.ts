import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '../app/signed-identity.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_IDENTITY_SECRET, TEST_METRICS_TOKEN } from './test-server.js';
import { openStream } from './ws-client.js';

/** The bot's secret, in the Standard Webhooks form a bot's operator would paste into its verifier. */
const BOT_SECRET = `whsec_${Buffer.from('external-bot-secret-012345').toString('base64')}`;
const TIMEOUT_MS = 700;
const KB_QUESTION = 'how long does delivery take';

type Behaviour = 'answer' | 'handoff' | 'hang' | 'stall' | 'huge' | 'garbage' | 'error' | 'rasa' | 'rasa-handoff';

/**
 * A business's bot: a real HTTP server on a port of its own, whose behaviour the test sets. It
 * keeps every request, raw, to be verified as the bot would. `down()` closes its port and
 * `up()` opens the same one again.
 */
async function startBot() {
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  let behaviour: Behaviour = 'answer';
  const server: HttpServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: req.headers, body });
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const text = JSON.parse(body).message;
      if (behaviour === 'answer') return json(200, { messages: [{ text: `Bot: you said "${text.text}"` }, { text: 'Anything else?' }] });
      if (behaviour === 'handoff') return json(200, { messages: [], handoff: { reason: 'refund over the bot limit', note: 'Wants 120 EUR back for order 4821' } });
      if (behaviour === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>');
      if (behaviour === 'error') return json(503, { error: 'overloaded' });
      // Headers at once, then a body that never ends.
      if (behaviour === 'stall') return res.writeHead(200, { 'content-type': 'application/json' }).write('{"messages":[');
      if (behaviour === 'huge') return json(200, { messages: [{ text: 'x'.repeat(300 * 1024) }] });
      if (behaviour === 'rasa') return json(200, [{ recipient_id: JSON.parse(body).sender, text: `Rasa heard: ${text}` }]);
      if (behaviour === 'rasa-handoff') return json(200, [{ recipient_id: JSON.parse(body).sender, custom: { handoff: { reason: 'billing', note: 'Double charge' } } }]);
      // 'hang': never answers; the socket is closed when the test ends.
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/bot`,
    requests,
    set: (b: Behaviour) => (behaviour = b),
    down: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
    up: async () => {
      server.listen(port, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
type Bot = Awaited<ReturnType<typeof startBot>>;

const botEnv = (url: string, kind: 'generic' | 'rasa') => ({ BATON_BOT_URL: url, BATON_BOT_SECRET: BOT_SECRET, BATON_BOT_KIND: kind, BATON_BOT_TIMEOUT_MS: String(TIMEOUT_MS), BATON_OUTBOUND_ALLOW: '127.0.0.1' });

async function failures(s: TestServer): Promise<Record<string, number>> {
  const res = await s.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  return Object.fromEntries([...res.body.matchAll(/^baton_bot_failures_total\{kind="(\w+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

async function briefOf(http: Api, s: TestServer, conversationId: string) {
  const token = await s.login('alex');
  const h = await http.handoffOf(conversationId, token, 'waiting');
  if (!h) return null;
  const full = (await http.get(`/api/v1/handoffs/${h.id}`, token)).body;
  return { reasons: (full.handoff ?? full).reasons as { code: string; detail: string }[], brief: full.brief ?? full.handoff.brief };
}

describe.each(TEST_DATABASES)('the external bot in the AI\'s place on %s', (kind) => {
  let s: TestServer;
  let bot: Bot;
  let http: Api;
  beforeAll(async () => {
    bot = await startBot();
    s = await startTestServer(kind, { listen: true, env: botEnv(bot.url, 'generic') });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await bot?.close();
  });

  it('posts the message with its context, signed so that the standardwebhooks package verifies it, and sends the bot\'s messages as the AI\'s', async () => {
    bot.set('answer');
    const conv = await http.start({ customer: { email: 'sarah.jones@example.com', name: 'Mallory' } });
    const r = await http.say(conv, 'hello there');
    expect(r.status, r.text).toBe(201);
    expect(r.body.replies.map((m: { text: string }) => m.text)).toEqual(['Bot: you said "hello there"', 'Anything else?']);
    expect(r.body.replies.every((m: { author: { kind: string } }) => m.author.kind === 'ai')).toBe(true);

    const sent = bot.requests.at(-1)!;
    expect(new Webhook(BOT_SECRET).verify(sent.body, sent.headers as Record<string, string>)).toBeTruthy();
    expect(() => new Webhook(`whsec_${Buffer.from('another-secret-0123456789').toString('base64')}`).verify(sent.body, sent.headers as Record<string, string>)).toThrow();
    const body = JSON.parse(sent.body);
    expect(body).toMatchObject({ type: 'message', conversationId: conv.id, caseNumber: conv.caseNumber, channel: 'web', message: { text: 'hello there' } });
    // Unverified: the address typed in and the account it belongs to stay out of the request.
    expect(body.customer).toEqual({ identity: 'unverified' });
    expect(sent.body).not.toContain('sarah.jones');
    expect(body.transcript.at(-1)).toMatchObject({ role: 'customer', text: 'hello there' });

    // The replies are stored: the customer reads them back as the AI's.
    const stored = await http.messages(conv.id, conv.token);
    expect(stored.filter((m) => m.author.kind === 'ai').map((m) => m.text)).toEqual(['Bot: you said "hello there"', 'Anything else?']);
  }, 30_000);

  it('sends a signed-in customer\'s account to the bot, and a retried message is answered once', async () => {
    bot.set('answer');
    const conv = await http.start({ customer: { email: 'sarah.jones@example.com', identifierHash: identityHash(TEST_IDENTITY_SECRET, 'sarah.jones@example.com') } });
    const before = bot.requests.length;
    const first = await http.say(conv, 'hi again', 'click-1');
    const second = await http.say(conv, 'hi again', 'click-1');
    expect(second.body.replies.map((m: { id: string }) => m.id)).toEqual(first.body.replies.map((m: { id: string }) => m.id));
    expect(bot.requests.length).toBe(before + 1);
    expect(JSON.parse(bot.requests.at(-1)!.body).customer).toMatchObject({ identity: 'signed', email: 'sarah.jones@example.com', name: 'Sarah Jones', accountId: 'AC-1001' });
  }, 30_000);

  it('"I want to speak to a person" escalates by the policy; the bot is not asked', async () => {
    bot.set('answer');
    const conv = await http.start();
    const before = bot.requests.length;
    const r = await http.say(conv, 'I want to speak to a person');
    expect(r.status).toBe(201);
    expect(bot.requests.length).toBe(before);
    const h = await briefOf(http, s, conv.id);
    expect(h?.reasons[0]?.code).toBe('customer_request');
    expect(r.body.replies.some((m: { text: string }) => m.text.startsWith('Bot:'))).toBe(false);
  }, 30_000);

  it('turns the bot\'s handoff into a normal handoff, with its reason and note in the brief', async () => {
    bot.set('handoff');
    const conv = await http.start();
    const r = await http.say(conv, 'my blender makes a strange noise');
    expect(r.status).toBe(201);
    const h = await briefOf(http, s, conv.id);
    expect(h).not.toBeNull();
    expect(h!.reasons[0]).toMatchObject({ code: 'customer_request', detail: 'the bot handed over: refund over the bot limit (Wants 120 EUR back for order 4821)' });
    expect(h!.brief.nextSteps).toContain('The bot\'s note: Wants 120 EUR back for order 4821');
    expect(h!.brief.caseNumber).toBe(conv.caseNumber);
  }, 30_000);

  it('a bot that is down, hangs, fails or answers garbage: the engine answers a KB question in time, and the failure is counted', async () => {
    const cases: [Behaviour | 'down', string][] = [['down', 'unreachable'], ['hang', 'timeout'], ['stall', 'timeout'], ['error', 'http_status'], ['garbage', 'invalid_reply'], ['huge', 'invalid_reply']];
    for (const [behaviour, failure] of cases) {
      const before = (await failures(s))[failure] ?? 0;
      if (behaviour === 'down') await bot.down();
      else bot.set(behaviour);
      const conv = await http.start();
      const started = Date.now();
      const r = await http.say(conv, KB_QUESTION);
      const took = Date.now() - started;
      if (behaviour === 'down') await bot.up();
      expect(r.status, `${behaviour}: ${r.text}`).toBe(201);
      expect(took, behaviour).toBeLessThan(TIMEOUT_MS + 1000);
      const [reply] = r.body.replies;
      expect(reply.author.kind, behaviour).toBe('ai');
      expect(reply.text, behaviour).toMatch(/deliver/i);
      expect(reply.text).not.toMatch(/error|oops|overloaded|xxxx/i);
      expect((await failures(s))[failure], behaviour).toBe(before + 1);
    }
  }, 60_000);

  it('the bot\'s messages reach the customer\'s WebSocket as the AI\'s; the seed flow\'s furious message is handed over by the policy', async () => {
    bot.set('answer');
    const conv = await http.start();
    const stream = await openStream(s.url!, conv.token);
    try {
      await http.say(conv, 'good morning');
      const streamed = async (text: string) => (await stream.waitFor((e) => e.type === 'message.created' && (e.payload.message as { text: string }).text === text)).payload.message as { author: { kind: string } };
      expect((await streamed('Bot: you said "good morning"')).author.kind).toBe('ai');
      expect((await streamed('Anything else?')).author.kind).toBe('ai');
    } finally {
      await stream.close();
    }
    const sarah = await http.start({ customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com', identifierHash: identityHash(TEST_IDENTITY_SECRET, 'sarah.jones@example.com') } });
    const before = bot.requests.length;
    const r = await http.say(sarah, "I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.");
    expect(r.body.replies[0].text).toContain(sarah.caseNumber);
    expect(bot.requests.length).toBe(before);
    const h = await briefOf(http, s, sarah.id);
    expect(h?.reasons.map((x) => x.code)).toContain('negative_sentiment');
  }, 30_000);

  it('a bot that is down on a question the KB cannot answer: a person takes over with ai_error', async () => {
    await bot.down();
    try {
      const conv = await http.start();
      const r = await http.say(conv, 'zorblat quux frobnicate');
      expect(r.status).toBe(201);
      const h = await briefOf(http, s, conv.id);
      expect(h?.reasons[0]?.code).toBe('ai_error');
      expect(JSON.stringify(r.body.replies)).not.toMatch(/ECONNREFUSED|unreachable/);
    } finally {
      await bot.up();
    }
  }, 30_000);
});

describe.each(TEST_DATABASES)('the Rasa adapter on %s', (kind) => {
  let s: TestServer;
  let bot: Bot;
  let http: Api;
  beforeAll(async () => {
    bot = await startBot();
    s = await startTestServer(kind, { env: botEnv(bot.url, 'rasa') });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await bot?.close();
  });

  it('speaks the REST channel: {sender, message} in, [{recipient_id, text}] out', async () => {
    bot.set('rasa');
    const conv = await http.start();
    const r = await http.say(conv, 'hello rasa');
    expect(r.body.replies.map((m: { text: string }) => m.text)).toEqual(['Rasa heard: hello rasa']);
    const sent = bot.requests.at(-1)!;
    const body = JSON.parse(sent.body);
    expect(body).toMatchObject({ sender: conv.id, message: 'hello rasa', metadata: { caseNumber: conv.caseNumber, customer: { identity: 'unverified' } } });
    expect(new Webhook(BOT_SECRET).verify(sent.body, sent.headers as Record<string, string>)).toBeTruthy();
  }, 30_000);

  it('hands over when Rasa\'s answer carries {"custom":{"handoff":…}}, with a Baton reason code kept as is', async () => {
    bot.set('rasa-handoff');
    const conv = await http.start();
    await http.say(conv, 'hello rasa');
    const h = await briefOf(http, s, conv.id);
    expect(h?.reasons[0]).toMatchObject({ code: 'billing', detail: 'the bot handed over: billing (Double charge)' });
    expect(h!.brief.nextSteps).toContain('The bot\'s note: Double charge');
  }, 30_000);

  it('a Rasa answer that is not a list is a failure, and the engine answers', async () => {
    bot.set('answer');
    const conv = await http.start();
    const r = await http.say(conv, KB_QUESTION);
    expect(r.body.replies[0].text).toMatch(/deliver/i);
    expect((await failures(s)).invalid_reply).toBe(1);
  }, 30_000);
});
