import { isSafeText } from '@baton/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';
import { waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';

const EMAIL_SECRET = 'text-safety-secret-0123456789';

describe.each(TEST_DATABASES)('text safety on %s', (kind) => {
  let n: NotifiedServer;
  let s: TestServer;
  let http: Api;
  let alex: string;
  let rx: NotifiedServer['rx'];
  let listener: NotifiedServer['listener'];

  beforeAll(async () => {
    n = await startNotifiedServer(kind, { env: { BATON_EMAIL_WEBHOOK_SECRET: EMAIL_SECRET } });
    ({ s, rx, listener } = n);
    http = api(s);
    alex = await s.login('alex');
    await n.addEndpoint();
    await n.addEndpoint({ kind: 'slack', name: 'Slack #support', target: `${rx.url}/slack`, events: ['handoff.requested'] });
    await n.addEndpoint({ kind: 'sms', name: 'On-call phone', target: `${rx.url}/sms?To=%2B15551234567&From=%2B15557654321`, secret: 'AC123:authtoken', events: ['handoff.requested'] });
  }, 60_000);
  afterAll(async () => {
    await n?.close();
  });

  it('a conversation named with 99 emoji and a safety message escalates and notifies', async () => {
    const conv = await http.start({ customer: { name: '😀'.repeat(99), email: 'emoji@example.com' } });
    const r = await http.say(conv, 'I want to hurt myself, please help');
    expect(r.status, r.text).toBe(201);
    expect(await http.handoffOf(conv.id, alex, 'waiting')).not.toBeNull();
    await listener.drain();
    await waitFor('a webhook', () => rx.requests.find((q) => q.url === '/hooks' && q.body.includes(conv.id)));
    const slack = await waitFor('a Slack message', () => rx.requests.find((q) => q.url === '/slack' && q.body.includes('😀')));
    expect(isSafeText(slack.body)).toBe(true);
    expect(slack.body).not.toContain('\uFFFD');
    await waitFor('an SMS', () => rx.requests.find((q) => q.url.startsWith('/sms')));
  });

  it('an upset message with an emoji at character 59 escalates', async () => {
    const conv = await http.start();
    const text = `${'I am absolutely furious about this, my order is late again'.slice(0, 59)}😡 ${'and nobody answers me at all, this is unacceptable! '.repeat(3)}let me talk to a real person`;
    const r = await http.say(conv, text);
    expect(r.status, r.text).toBe(201);
    const h = await http.handoffOf(conv.id, alex, 'waiting');
    expect(h).not.toBeNull();
    // The reason quotes the message clipped before the emoji, not through it (no U+FFFD from a halved pair).
    const full = await http.get(`/api/v1/handoffs/${h!.id}`, alex);
    expect(JSON.stringify(full.body.handoff.reasons)).toContain('the customer is upset');
    expect(JSON.stringify(full.body.handoff)).not.toContain('\uFFFD');
  });

  it.each([
    ['a NUL in a message', 'messages', { text: 'hello\u0000 there' }, 'text', 'NUL'],
    ['a lone high surrogate in a message', 'messages', { text: 'bad \ud800 surrogate' }, 'text', 'surrogate'],
    ['a lone low surrogate in a client message id', 'messages', { text: 'hi', clientMessageId: 'x\udc00' }, 'clientMessageId', 'surrogate'],
  ])('%s is refused with 400 VALIDATION_ERR_TEXT naming the field', async (_name, _path, body, field, what) => {
    const conv = await http.start();
    const r = await http.call('POST', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token, body });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_TEXT', field });
    expect(r.body.error.message).toContain(what);
    expect(await http.messages(conv.id, conv.token)).toEqual([]);
  });

  it('a NUL or a lone surrogate in the customer name is refused at the start, as raw JSON too', async () => {
    const nul = await http.call('POST', '/api/v1/conversations', { body: { customer: { name: 'A\u0000B' } } });
    expect(nul.status, nul.text).toBe(400);
    expect(nul.body.error).toMatchObject({ code: 'VALIDATION_ERR_TEXT', field: 'customer.name' });
    const lone = await http.call('POST', '/api/v1/conversations', { raw: '{"customer":{"name":"Mallory \\udbff"}}' });
    expect(lone.status, lone.text).toBe(400);
    expect(lone.body.error).toMatchObject({ code: 'VALIDATION_ERR_TEXT', field: 'customer.name' });
  });

  it('a NUL in a query string is refused naming the parameter', async () => {
    const r = await http.get('/api/v1/handoffs?status=wait%00ing', alex);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERR_TEXT', field: 'status' });
  });

  it('inbound mail is cleaned, not refused: NULs removed, lone surrogates replaced, the message stored', async () => {
    const mail = { from: 'Nul Sender <nul.sender@example.com>', to: 'support@northwind.example', subject: 'Order\u0000 \ud83d help', text: 'Where is my\u0000 parcel? \udc00 Thanks', messageId: '<nul-1@example.com>' };
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/channels/email/inbound', payload: mail, headers: { 'x-baton-email-secret': EMAIL_SECRET } });
    expect(r.statusCode, r.body).toBe(201);
    const conversationId = r.json().conversationId as string;
    const full = await http.get(`/api/v1/conversations/${conversationId}`, alex);
    expect(full.status, full.text).toBe(200);
    const messages = await http.get(`/api/v1/conversations/${conversationId}/messages`, alex);
    const first = (messages.body.messages as { text: string; author: { kind: string } }[]).find((m) => m.author.kind === 'customer')!;
    expect(first.text).toBe('Where is my parcel? \uFFFD Thanks');
  });

  it('after all of it, a new escalation is still notified', async () => {
    const conv = await http.start({ customer: { name: `${'a'.repeat(58)}👍🏽 ${'😀'.repeat(60)}` } });
    expect((await http.say(conv, ASK_FOR_HUMAN)).status).toBe(201);
    await listener.drain();
    await waitFor('a webhook for the last escalation', () => rx.requests.find((q) => q.body.includes(conv.id)));
    for (const q of rx.requests) expect(isSafeText(q.body), 'every delivery is valid Unicode').toBe(true);
  });
});
