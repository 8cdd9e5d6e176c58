import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { loadConfig } from '../config.js';
import { abandonmentCheckJob } from '../jobs/abandonment-check.job.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { FakeClock } from './fakes.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

const MINUTE = 60_000;

it('BATON_ABANDON_MINUTES: 20 by default, a number of minutes, or off', () => {
  expect(loadConfig({}).abandonAfterMinutes).toBe(20);
  expect(loadConfig({ BATON_ABANDON_MINUTES: '5' }).abandonAfterMinutes).toBe(5);
  expect(loadConfig({ BATON_ABANDON_MINUTES: 'off' }).abandonAfterMinutes).toBeNull();
  expect(() => loadConfig({ BATON_ABANDON_MINUTES: 'soon' })).toThrow(/BATON_ABANDON_MINUTES/);
});

/** A web customer waiting for a person who goes away is detected, and the handoff closes as abandoned (DESIGN §1, §8). */
describe.each(TEST_DATABASES)('abandonment on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let jordan: string;
  // A fixed date: every time the server stores (a handoff's created_at included) comes from this clock.
  const clock = new FakeClock('2026-03-02T10:00:00Z');
  const check = (handoffId: string) => abandonmentCheckJob(s.ctx, { handoffId });
  const statusOf = async (handoffId: string) => {
    const h = (await getHandoff(s.ctx.db, handoffId))!;
    return [h.status, (await getConversation(s.ctx.db, h.conversationId))!.status];
  };

  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, workers: false, clock: clock.now, env: { BATON_ABANDON_MINUTES: '10' } });
    http = api(s);
    jordan = await s.login('jordan');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('closes the handoff of a customer who left the queue, once, and counts it', async () => {
    const conv = await http.escalated(jordan);
    const { rows: jobs } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'abandonment-check' and data->>'handoffId' = ${conv.handoffId}`.execute(s.ctx.db);
    expect(jobs[0]!.n).toBe(1);

    clock.advance(9 * MINUTE);
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['waiting', 'waiting']);

    clock.advance(2 * MINUTE);
    const before = (await listEventsAfter(s.ctx.db, 0, { conversationId: conv.id, limit: 1000 })).at(-1)!.seq;
    await check(conv.handoffId);
    await check(conv.handoffId); // a repeated job changes nothing
    expect(await statusOf(conv.handoffId)).toEqual(['abandoned', 'resolved']);
    const events = await listEventsAfter(s.ctx.db, before, { conversationId: conv.id });
    expect(events.filter((e) => e.type === 'conversation.status_changed').map((e) => e.payload)).toEqual([{ from: 'waiting', to: 'resolved', cause: 'abandoned' }]);
    const note = (await http.messages(conv.id, jordan)).find((m) => m.action === 'abandoned');
    expect(note).toMatchObject({ private: true, author: { kind: 'system' } });
    expect((await http.messages(conv.id, conv.token)).some((m) => m.action === 'abandoned')).toBe(false);

    // Rows are stamped by the app's clock: the period is around the test's now.
    const now = clock.now().getTime();
    const m = (await http.get(`/api/v1/metrics/handoffs?from=${new Date(now - 60 * MINUTE).toISOString()}&to=${new Date(now + 60 * MINUTE).toISOString()}`, jordan)).body;
    expect([m.handoffs, m.abandoned, m.abandonmentRate]).toEqual([1, 1, 1]);

    // The customer comes back and writes: the conversation reopens to the AI.
    expect((await http.say(conv, 'hello again')).status).toBe(201);
    expect((await getConversation(s.ctx.db, conv.id))!.status).not.toBe('resolved');
  });

  it('keeps a customer whose stream is open, and closes the handoff once they have gone', async () => {
    const conv = await http.escalated(jordan);
    const stream = await openStream(s.url!, conv.token);
    clock.advance(8 * MINUTE);
    const seenAt = clock.now();
    const pong = new Promise((resolve) => stream.ws.once('message', resolve));
    stream.ws.send(JSON.stringify({ type: 'ping' }));
    await pong;
    await expect.poll(async () => (await getConversation(s.ctx.db, conv.id))!.customerSeenAt?.getTime()).toBe(seenAt.getTime());

    clock.advance(5 * MINUTE); // 13 minutes after the handoff, 5 after the ping
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['waiting', 'waiting']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'abandonment-check' and data->>'handoffId' = ${conv.handoffId}`.execute(s.ctx.db);
    expect(rows[0]!.n).toBe(2); // checked again when the 10 minutes since the ping run out

    await stream.close();
    await expect.poll(async () => (await getConversation(s.ctx.db, conv.id))!.customerSeenAt?.getTime()).toBe(clock.now().getTime());
    clock.advance(9 * MINUTE);
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['waiting', 'waiting']);
    clock.advance(2 * MINUTE);
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['abandoned', 'resolved']);
  });

  it('counts a message as the customer being there', async () => {
    const conv = await http.escalated(jordan);
    clock.advance(8 * MINUTE);
    expect((await http.say(conv, 'are you still there?')).status).toBe(201);
    clock.advance(5 * MINUTE);
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['waiting', 'waiting']);
    clock.advance(6 * MINUTE);
    await check(conv.handoffId);
    expect(await statusOf(conv.handoffId)).toEqual(['abandoned', 'resolved']);
  });

  it('never closes a handoff someone accepted, nor one on a channel where nobody waits live', async () => {
    const taken = await http.escalated(jordan);
    expect((await http.post(`/api/v1/handoffs/${taken.handoffId}/accept`, jordan)).status).toBe(200);
    const mail = await http.startByEmail('abandon.test@example.com');
    expect((await http.say(mail, 'I want to speak to a real person please')).status).toBe(201);
    const mailHandoff = (await http.handoffOf(mail.id, jordan, 'waiting'))!;
    clock.advance(60 * MINUTE);
    await check(taken.handoffId);
    await check(mailHandoff.id);
    expect(await statusOf(taken.handoffId)).toEqual(['assigned', 'assigned']);
    expect(await statusOf(mailHandoff.id)).toEqual(['waiting', 'waiting']);
  });
});
