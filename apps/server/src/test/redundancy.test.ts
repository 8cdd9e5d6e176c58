import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveListenerCursor } from '../adapters/db/repositories/listener-cursors.repository.js';
import type { RunningListener } from '../listeners/event-listener.js';
import { startListener } from '../listeners/event-listener.js';
import { qualityListener } from '../listeners/quality.listener.js';
import { ASK_FOR_HUMAN, api } from './api.js';
import type { StartedConversation } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

/** Live redundancy and repeat detection: the composer's check, and the flags counted on send. */
describe.each(TEST_DATABASES)('redundancy and repeats on %s', (kind) => {
  let s: TestServer;
  let http: ReturnType<typeof api>;
  let quality: RunningListener;
  let alex: string;
  let jordan: string;
  let conv: StartedConversation;
  let handoffId: string;
  const flags = async (conversationId: string) =>
    s.ctx.db.selectFrom('qualityFlags').select(['kind', 'messageId', 'handoffId', 'detail']).where('conversationId', '=', conversationId).orderBy('createdAt').orderBy('kind').execute();

  beforeAll(async () => {
    s = await startTestServer(kind, {});
    quality = startListener(s.ctx, qualityListener);
    http = api(s);
    alex = await s.login('alex');
    jordan = await s.login('jordan');
    conv = await http.start({ customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com' } });
    expect((await http.say(conv, 'my order 4821 has not arrived')).status).toBe(201);
    if (!(await http.handoffOf(conv.id, alex, 'waiting'))) expect((await http.say(conv, ASK_FOR_HUMAN)).status).toBe(201);
    handoffId = (await http.handoffOf(conv.id, alex, 'waiting'))!.id;
    const h = await http.get(`/api/v1/handoffs/${handoffId}`, alex);
    expect(h.body.handoff.brief.entities).toContainEqual(expect.objectContaining({ kind: 'order_number', value: '4821' }));
    expect((await http.post(`/api/v1/handoffs/${handoffId}/accept`, alex)).status).toBe(200);
  });

  afterAll(async () => {
    await quality?.stop();
    await s?.close();
  });

  it('warns the composer when a draft asks for what the brief holds', async () => {
    const r = await http.post(`/api/v1/conversations/${conv.id}/redundancy-check`, alex, { text: 'Hi Sarah, what is your order number?' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ redundant: true, match: { field: 'order_number', value: '4821', phrase: 'Hi Sarah, what is your order number?' } });
  });

  it('does not warn for a draft that uses the brief', async () => {
    const r = await http.post(`/api/v1/conversations/${conv.id}/redundancy-check`, alex, { text: 'I can see order #4821 — is the address still 1 High St?' });
    expect(r.body).toEqual({ redundant: false });
  });

  it('is for agents, on a conversation that exists, with a text', async () => {
    expect((await http.post(`/api/v1/conversations/${conv.id}/redundancy-check`, conv.token, { text: 'order number?' })).status).toBe(403);
    expect((await http.post(`/api/v1/conversations/nope/redundancy-check`, alex, { text: 'order number?' })).status).toBe(404);
    expect((await http.post(`/api/v1/conversations/${conv.id}/redundancy-check`, alex, { text: '' })).status).toBe(400);
  });

  it('counts a redundant message when it is sent, not a private note', async () => {
    const note = await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'What is your order number?', private: true });
    expect(note.status).toBe(201);
    const sent = await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'What is your order number?' });
    expect(sent.status).toBe(201);
    await quality.drain();
    const f = (await flags(conv.id)).filter((x) => x.kind === 'redundant_ask');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: sent.body.message.id, handoffId, detail: { field: 'order_number', value: '4821' } });
  });

  it('counts a customer restating after the handoff what the transcript held', async () => {
    const r = await http.say(conv, "my parcel 4821 still hasn't arrived");
    expect(r.status).toBe(201);
    await http.say(conv, 'thank you');
    await quality.drain();
    const f = (await flags(conv.id)).filter((x) => x.kind === 'customer_repeat');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: r.body.message.id, handoffId, detail: { transcriptIndex: 0 } });
  });

  it('the metrics count them', async () => {
    const m = (await http.get('/api/v1/metrics/handoffs', jordan)).body;
    // One handoff, replied to, with one redundant ask and one restatement.
    expect([m.handoffs, m.redundancyRate, m.customerRepeatRate]).toEqual([1, 1, 1]);
    expect(m.firstResponseQuality).toEqual({ rate: 0, n: 1 });
  });

  it('flags a second escalation by the same customer within 24 h, on another channel', async () => {
    const second = await http.startByEmail('sarah.jones@example.com');
    expect((await http.say(second, ASK_FOR_HUMAN)).status).toBe(201);
    await quality.drain();
    const f = await flags(second.id);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'repeat_escalation', messageId: null, detail: { previousCaseNumber: conv.caseNumber, previousHandoffId: handoffId, channel: 'web', hoursAgo: 0 } });
    const m = (await http.get('/api/v1/metrics/handoffs', jordan)).body;
    expect(m.repeatEscalation).toMatchObject({ n: 1, customers: 1, rate: 0.5 });
  });

  it('replaying the events counts nothing twice', async () => {
    const count = async () => (await s.ctx.db.selectFrom('qualityFlags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    await moveListenerCursor(s.ctx.db, 'quality', 0, s.ctx.clock());
    await quality.drain();
    const after = await count();
    expect(after).toBe(before);
    expect(after).toBe(3);
  });
});
