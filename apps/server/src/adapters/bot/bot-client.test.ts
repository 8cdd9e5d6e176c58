import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBotRequest } from '@baton/contracts';
import { createBotClient } from './bot-client.js';
import { parseRasaReply, rasaRequestBody } from './rasa-adapter.js';

const REQUEST: TBotRequest = {
  type: 'message',
  conversationId: 'c1',
  caseNumber: 'C-1',
  channel: 'web',
  language: 'en',
  message: { id: 'm1', text: 'hi', at: '2026-03-02T10:00:00.000Z' },
  customer: { identity: 'unverified' },
  transcript: [{ role: 'customer', text: 'hi', at: '2026-03-02T10:00:00.000Z' }],
};
const clock = () => new Date('2026-03-02T10:00:00Z');

// The client against a real local bot; the end-to-end cases are in test/external-bot.test.ts.
describe('the bot client', () => {
  let url = '';
  let answer = '';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a bot on the server\'s own network unless BATON_OUTBOUND_ALLOW names it, and counts it', async () => {
    answer = JSON.stringify({ messages: [{ text: 'hello' }] });
    const guarded = createBotClient({ url, secret: 'a-secret-of-16-chars', kind: 'generic', timeoutMs: 1000 }, { outboundAllow: [], clock });
    expect(await guarded.ask(REQUEST)).toMatchObject({ ok: false, kind: 'refused' });
    expect(guarded.failures().get('refused')).toBe(1);
    const allowed = createBotClient({ url, secret: 'a-secret-of-16-chars', kind: 'generic', timeoutMs: 1000 }, { outboundAllow: ['127.0.0.1'], clock });
    expect(await allowed.ask(REQUEST)).toEqual({ ok: true, messages: ['hello'], handoff: null });
    expect(allowed.failures().size).toBe(0);
  });

  it('makes the text storable: no NUL, no lone surrogate', async () => {
    answer = '{"messages":[{"text":"a\\u0000b \\ud800"},{"text":"\\u0000"}],"handoff":{"reason":"x\\u0000y","note":"n\\udc00"}}';
    const bot = createBotClient({ url, secret: 'a-secret-of-16-chars', kind: 'generic', timeoutMs: 1000 }, { outboundAllow: ['127.0.0.1'], clock });
    expect(await bot.ask(REQUEST)).toEqual({ ok: true, messages: ['ab \uFFFD'], handoff: { reason: 'xy', note: 'n\uFFFD' } });
  });

  it.each([
    ['{"messages":[]}', /at least one message or a handoff/],
    ['{"messages":[{"text":"   "}]}', /messages\.0\.text: must not be blank/],
    ['{"messages":[{"text":"a"}],"handoff":{"reason":""}}', /handoff\.reason/],
    ['[1,2]', /not a bot reply/],
    ['nope', /not JSON/],
  ])('an answer %s is invalid_reply', async (body, why) => {
    answer = body;
    const bot = createBotClient({ url, secret: 'a-secret-of-16-chars', kind: 'generic', timeoutMs: 1000 }, { outboundAllow: ['127.0.0.1'], clock });
    const r = await bot.ask(REQUEST);
    expect(r).toMatchObject({ ok: false, kind: 'invalid_reply' });
    expect(r.ok ? '' : r.error).toMatch(why);
  });
});

describe('the Rasa adapter', () => {
  it('sends {sender, message, metadata} with the conversation as the sender and no transcript', () => {
    const body = JSON.parse(rasaRequestBody(REQUEST));
    expect(body).toEqual({ sender: 'c1', message: 'hi', metadata: { conversationId: 'c1', caseNumber: 'C-1', channel: 'web', language: 'en', customer: { identity: 'unverified' }, messageId: 'm1' } });
  });

  it.each([
    [[{ recipient_id: 'c1', text: 'one' }, { recipient_id: 'c1', image: 'x.png' }, { recipient_id: 'c1', text: 'two' }], { ok: true, reply: { messages: [{ text: 'one' }, { text: 'two' }] } }],
    [[{ recipient_id: 'c1', text: 'let me get someone' }, { recipient_id: 'c1', custom: { handoff: { reason: 'billing' } } }], { ok: true, reply: { messages: [{ text: 'let me get someone' }], handoff: { reason: 'billing' } } }],
    [[], { ok: false, error: 'Rasa answered with no text and no handoff' }],
    [[{ recipient_id: 'c1', custom: { other: 1 } }], { ok: false, error: 'Rasa answered with no text and no handoff' }],
  ])('reads %j', (json, expected) => {
    expect(parseRasaReply(json)).toEqual(expected);
  });

  it('refuses what is not a list', () => {
    expect(parseRasaReply({ messages: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/^not a Rasa REST answer/) });
  });
});
