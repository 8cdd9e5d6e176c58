import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningListener } from '../listeners/event-listener.js';
import { defineListener, startListener } from '../listeners/event-listener.js';
import type { Api } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';
import { waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';
import { TEST_METRICS_TOKEN } from './test-server.js';

const DEAD = '/api/v1/admin/dead-letters';

interface WireDeadLetter {
  id: string;
  listener: string;
  eventSeq: number;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string;
}

// A listener that cannot handle an event retries it with backoff, sets it aside after N tries and
// carries on; an admin lists and replays it (docs/security-text.md).
describe.each(TEST_DATABASES)('dead letters on %s', (kind) => {
  let n: NotifiedServer;
  let s: TestServer;
  let http: Api;
  let casey: string;
  let alex: string;
  let rx: NotifiedServer['rx'];
  const listeners: RunningListener[] = [];
  const errors: string[] = [];
  /** Conversations the test listener refuses to handle while `refusing` is on. */
  const refuse = new Set<string>();
  let refusing = true;
  let flakyHandled: string[] = [];
  const flaky = defineListener({
    name: 'test-flaky',
    types: ['handoff.requested'],
    handle: async (_ctx, _tx, e) => {
      if (refusing && e.conversationId && refuse.has(e.conversationId)) throw new Error(`refusing conversation ${e.conversationId}`);
      flakyHandled.push(e.conversationId ?? '');
    },
  });

  beforeAll(async () => {
    n = await startNotifiedServer(kind, { listener: { intervalMs: 100, maxAttempts: 3, retryBaseMs: 20 } });
    ({ s, rx, admin: casey } = n);
    http = api(s);
    alex = await s.login('alex');
    const log = s.ctx.log;
    s.ctx.log = (level, message, fields) => {
      if (level === 'error') errors.push(message);
      else log(level, message, fields);
    };
    // Slower, so a test can fix the cause between the first try and the second.
    listeners.push(n.listener, startListener(s.ctx, flaky, { intervalMs: 100, maxAttempts: 2, retryBaseMs: 1000 }));
    await n.addEndpoint();
  }, 60_000);
  afterAll(async () => {
    await listeners[1]?.stop();
    await n?.close();
  });

  const drain = async () => {
    for (const l of listeners) await l.drain();
  };
  const escalate = async () => {
    const conv = await http.start();
    expect((await http.say(conv, ASK_FOR_HUMAN)).status).toBe(201);
    return conv;
  };
  const deadLetters = async (query = '') => {
    const r = await http.get(`${DEAD}${query}`, casey);
    expect(r.status, r.text).toBe(200);
    return r.body.deadLetters as WireDeadLetter[];
  };
  const delivered = (conversationId: string) => rx.requests.filter((q) => q.body.includes(conversationId)).length;

  it('an event the notifications listener cannot store is tried 3 times, set aside, and later events are still delivered', async () => {
    const poisoned = await http.start();
    // The database refuses this conversation's delivery rows, as it once refused a lone surrogate.
    await sql.raw(`alter table deliveries add constraint test_poison check (position('${poisoned.id}' in payload::text) = 0)`).execute(s.ctx.db);
    expect((await http.say(poisoned, ASK_FOR_HUMAN)).status).toBe(201);
    const after = await escalate();
    await drain();
    await waitFor('the next escalation delivered', () => delivered(after.id) > 0);
    expect(delivered(poisoned.id)).toBe(0);

    const dead = (await deadLetters()).filter((d) => d.listener === 'notifications');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ status: 'dead', eventType: 'handoff.requested', attempts: 3 });
    expect(dead[0]!.lastError).toContain('test_poison');
    expect(errors.some((m) => /listener notifications set event \d+ \(handoff\.requested\) aside as a dead letter after 3 tries/.test(m))).toBe(true);
    expect(errors.filter((m) => m.startsWith('listener notifications could not handle event'))).toHaveLength(2);

    const metrics = await http.get('/metrics', TEST_METRICS_TOKEN);
    expect(metrics.text).toMatch(/^baton_listener_dead_letters\{listener="notifications",status="dead"\} 1$/m);

    // Replayed while the cause is still there: it stays dead, with one more attempt and the error.
    const again = await http.post(`${DEAD}/${dead[0]!.id}/replay`, casey);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ replayed: false, deadLetter: { status: 'dead', attempts: 4 } });

    // The cause fixed, a replay delivers it, once, however often it is clicked.
    await sql.raw('alter table deliveries drop constraint test_poison').execute(s.ctx.db);
    const [one, two] = await Promise.all([http.post(`${DEAD}/${dead[0]!.id}/replay`, casey), http.post(`${DEAD}/${dead[0]!.id}/replay`, casey)]);
    expect([one!.body.replayed, two!.body.replayed].sort()).toEqual([false, true]);
    expect(one!.body.deadLetter.status).toBe('replayed');
    await waitFor('the replayed delivery', () => delivered(poisoned.id) > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered(poisoned.id)).toBe(1);
    expect((await deadLetters()).filter((d) => d.listener === 'notifications')).toHaveLength(0);
    expect((await deadLetters('?status=replayed')).map((d) => d.id)).toContain(dead[0]!.id);
  });

  it('a failure that clears before the last try leaves no dead letter; events keep their order', async () => {
    flakyHandled = [];
    const first = await http.start();
    refuse.add(first.id);
    refusing = true;
    expect((await http.say(first, ASK_FOR_HUMAN)).status).toBe(201);
    const second = await escalate();
    await waitFor('a recorded failure', async () => (await deadLetters('?status=retrying')).some((d) => d.listener === 'test-flaky'));
    expect(flakyHandled).not.toContain(second.id);
    refusing = false;
    await drain();
    expect(flakyHandled.indexOf(first.id)).toBeLessThan(flakyHandled.indexOf(second.id));
    expect((await deadLetters('?status=all')).filter((d) => d.listener === 'test-flaky')).toHaveLength(0);
  });

  it('replay-all replays every dead letter of a listener, oldest first, and counts what failed', async () => {
    refusing = true;
    const a = await http.start();
    const b = await http.start();
    refuse.add(a.id).add(b.id);
    for (const c of [a, b]) expect((await http.say(c, ASK_FOR_HUMAN)).status).toBe(201);
    await drain();
    const dead = (await deadLetters('?listener=test-flaky')).sort((x, y) => x.eventSeq - y.eventSeq);
    expect(dead.map((d) => d.status)).toEqual(['dead', 'dead']);
    flakyHandled = [];
    refuse.delete(a.id);
    const r = await http.post(`${DEAD}/replay`, casey, { listener: 'test-flaky' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ replayed: 1, failed: 1 });
    expect(flakyHandled).toEqual([a.id]);
    refusing = false;
    const rest = await http.post(`${DEAD}/replay`, casey, {});
    expect(rest.body).toMatchObject({ replayed: 1, failed: 0 });
    expect(flakyHandled).toEqual([a.id, b.id]);
  });

  it('only an admin sees and replays dead letters; an unknown one is a 404 in the error shape', async () => {
    expect((await http.get(DEAD, alex)).status).toBe(403);
    expect((await http.post(`${DEAD}/replay`, alex, {})).status).toBe(403);
    expect((await http.get(DEAD)).status).toBe(401);
    const r = await http.post(`${DEAD}/no-such-letter/replay`, casey);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'LISTENER_ERR_DEAD_LETTER_NOT_FOUND' });
    const bad = await http.get(`${DEAD}?status=buried`, casey);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERR_QUERY', field: 'status' });
  });
});
