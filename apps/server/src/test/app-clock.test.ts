import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { newContinueLink } from '../app/email/compose-email.js';
import { callbackDueJob } from '../jobs/callback-due.job.js';
import { presenceCheckJob } from '../jobs/presence-check.job.js';
import type { Api, StartedConversation } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { PNG_1X1 } from './attachment-files.js';
import { TEST_DATABASES } from './databases.js';
import { FakeClock } from './fakes.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

const DAY = 86_400_000;
const GRACE_SECONDS = 15;
const IDLE_HOURS = 2;
const HOUR = 3_600_000;

/**
 * Two stretches of app time far from any real date, one in the past and one in the future: a
 * time taken from the database or the machine instead of the app's clock lands in neither,
 * whatever day the test runs (a real date inside one stretch would only blind that one).
 */
const PHASES = [
  { name: '2019', start: Date.parse('2019-06-03T10:00:00Z') },
  { name: '2031', start: Date.parse('2031-09-15T10:00:00Z') },
];
/** What a phase may store: the demo's history (orders up to 210 days back) to deadlines ahead (sessions, SLAs, callbacks). */
const windowOf = (start: number) => ({ from: start - 400 * DAY, to: start + 30 * DAY });

interface StoredTime {
  column: string;
  at: Date;
}

/** Every value of every `timestamptz` column of the app's own tables (pg-boss keeps its bookkeeping in its own schema). */
async function storedTimes(s: TestServer): Promise<StoredTime[]> {
  const { rows: columns } = await sql<{ tableName: string; columnName: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'timestamp with time zone'
    order by table_name, column_name`.execute(s.ctx.db);
  const times: StoredTime[] = [];
  for (const { tableName, columnName } of columns) {
    const { rows } = await sql<{ at: Date }>`select distinct ${sql.ref(columnName)} as at from ${sql.table(tableName)} where ${sql.ref(columnName)} is not null`.execute(s.ctx.db);
    for (const r of rows) times.push({ column: `${tableName}.${columnName}`, at: new Date(r.at) });
  }
  return times;
}

/**
 * Every time the server stores comes from the app's clock: a server on a clock years away from
 * today goes through a whole conversation (twice, in 2019 and in 2031) over HTTP and the realtime
 * stream, and afterwards every timestamp in every table it wrote lies in the test clock's
 * stretches, none near the real date.
 */
describe.each(TEST_DATABASES)('the times the server stores, on a clock of its own, on %s', (kind) => {
  const clock = new FakeClock(PHASES[0]!.start);
  let s: TestServer;
  let http: Api;

  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, clock: clock.now, env: { BATON_PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS), BATON_CUSTOMER_TOKEN_IDLE_HOURS: String(IDLE_HOURS) } });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const ok = async (r: Promise<{ status: number; text: string; body: unknown }>, status = 200) => {
    const res = await r;
    expect(res.status, res.text).toBe(status);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return res.body as any;
  };
  const upload = async (conv: StartedConversation) => {
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/attachments?name=receipt.png`, headers: { authorization: `Bearer ${conv.token}`, 'content-type': 'image/png' }, payload: PNG_1X1 });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { attachment: { id: string } }).attachment.id;
  };
  const handoffStatus = async (conv: StartedConversation) => (await ok(http.get(`/api/v1/conversations/${conv.id}`, conv.token))).conversation.status as string;

  /** One customer's whole case: the AI, a file, a handoff, an agent who drops off, a transfer, a callback, a resolution, a rating, a second device. */
  async function wholeCase(): Promise<void> {
    const alex = await s.login('alex');
    const jordan = await s.login('jordan');
    const priya = await s.login('priya');
    const alexId = (await ok(http.get('/api/v1/agents/me', alex))).agent.id as string;

    const conv = await http.start({ customer: { name: 'Robin Clockwise', email: 'robin@example.test' } });
    const customer = await openStream(s.url!, conv.token);
    const agentStream = await openStream(s.url!, alex);
    await ok(http.say(conv, 'how do I track my order'), 201);
    clock.advance(60_000);
    await ok(http.post(`/api/v1/conversations/${conv.id}/messages`, conv.token, { text: 'here is my receipt', attachmentIds: [await upload(conv)] }), 201);
    clock.advance(60_000);
    await ok(http.say(conv, ASK_FOR_HUMAN), 201);
    const handoffId = (await http.handoffOf(conv.id, alex, 'waiting'))!.id;

    // Alex takes it and answers; the customer asks again, and Alex's workspace closes.
    clock.advance(60_000);
    await ok(http.post(`/api/v1/handoffs/${handoffId}/accept`, alex));
    await ok(http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'Hello, I am looking at it now.' }), 201);
    await ok(http.say(conv, 'are you still there?'), 201);
    const presenceChecks = async () => (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'presence-check' and data->>'agentId' = ${alexId}`.execute(s.ctx.db)).rows[0]!.n;
    const checks = await presenceChecks();
    await agentStream.close();
    // The server heard the stream close: a presence check is booked for when the grace runs out.
    await expect.poll(presenceChecks).toBe(checks + 1);
    clock.advance((GRACE_SECONDS + 1) * 1000);
    await presenceCheckJob(s.ctx, { agentId: alexId });
    expect(await handoffStatus(conv)).toBe('waiting');

    // A supervisor takes it and moves it to Billing, where the customer books a callback.
    await ok(http.post(`/api/v1/handoffs/${handoffId}/accept`, jordan));
    await ok(http.post(`/api/v1/handoffs/${handoffId}/transfer`, jordan, { teamId: 'Billing', note: 'a refund question' }));
    const options = await ok(http.get(`/api/v1/conversations/${conv.id}/callback-options`, conv.token));
    const booked = await ok(http.post(`/api/v1/conversations/${conv.id}/callback`, conv.token, { kind: 'callback', at: options.slots[0].at, phone: '+44 20 7946 0000' }), 201);
    expect(await handoffStatus(conv)).toBe('callback');
    clock.set(options.slots[0].at);
    await callbackDueJob(s.ctx, { callbackId: booked.callback.id, phase: 'due' });

    // Billing calls back, resolves, and the customer rates the help.
    await ok(http.post(`/api/v1/handoffs/${handoffId}/accept`, priya));
    await ok(http.post(`/api/v1/conversations/${conv.id}/messages`, priya, { text: 'The refund is on its way.' }), 201);
    clock.advance(5 * 60_000);
    await ok(http.post(`/api/v1/handoffs/${handoffId}/resolve`, priya, { category: 'billing', outcome: 'solved', verdict: 'needed' }));
    await ok(http.post(`/api/v1/conversations/${conv.id}/csat`, conv.token, { score: 5, comment: 'quick' }), 201);
    await customer.close();

    // The emailed continue link opens the case on a phone, which gets a token of its own and uses it later.
    const link = new URL(newContinueLink(s.ctx, (await getConversation(s.ctx.db, conv.id))!));
    const phone = await ok(http.post(`/api/v1/conversations/${conv.id}/resume`, undefined, { resume: link.searchParams.get('resume') }));
    clock.advance(10 * 60_000);
    await http.messages(conv.id, phone.token);
    const phoneStream = await openStream(s.url!, phone.token);
    await phoneStream.close();
  }

  it('keeps every timestamp of a whole case on the app clock, in 2019 and in 2031 alike', async () => {
    for (const phase of PHASES) {
      clock.set(phase.start);
      await wholeCase();
    }
    const windows = PHASES.map((p) => windowOf(p.start));
    const times = await storedTimes(s);
    const elsewhere = times
      .filter((t) => !windows.some((w) => t.at.getTime() >= w.from && t.at.getTime() <= w.to))
      .map((t) => `${t.column} = ${t.at.toISOString()}`);
    expect(elsewhere).toEqual([]);

    // The check saw what the case wrote, in both stretches.
    const columns = new Set(times.map((t) => t.column));
    const written = ['agents.created_at', 'agents.session_seen_at', 'attachment_blobs.created_at', 'attachments.created_at', 'callbacks.created_at', 'callbacks.scheduled_for', 'continue_link_uses.used_at', 'conversations.created_at', 'conversations.customer_seen_at', 'conversations.token_used_at', 'conversations.updated_at', 'csat.created_at', 'customer_device_tokens.created_at', 'customer_device_tokens.used_at', 'customers.created_at', 'decisions.created_at', 'events.created_at', 'handoffs.accepted_at', 'handoffs.created_at', 'handoffs.first_human_reply_at', 'handoffs.queued_at', 'handoffs.resolved_at', 'listener_cursors.updated_at', 'messages.created_at', 'schema_migrations.applied_at', 'sessions.created_at', 'teams.created_at'];
    expect([...columns].filter((c) => written.includes(c)).sort()).toEqual(written);
    for (const w of windows) {
      const inside = times.filter((t) => t.column === 'messages.created_at' && t.at.getTime() >= w.from && t.at.getTime() <= w.to);
      expect(inside.length).toBeGreaterThan(5);
    }
  });

  it('lets a customer token never used lapse once idle on the app clock, counted from when it was given', async () => {
    for (const phase of PHASES) {
      clock.set(phase.start + 7 * DAY);
      // Conversations started now, their tokens never used; and a token a continue link gave a phone, never used either.
      const [soon, late] = [await http.start(), await http.start()];
      const link = new URL(newContinueLink(s.ctx, (await getConversation(s.ctx.db, late.id))!));
      const phone = await ok(http.post(`/api/v1/conversations/${late.id}/resume`, undefined, { resume: link.searchParams.get('resume') }));
      const asks = (conv: StartedConversation, token: string) => http.get(`/api/v1/conversations/${conv.id}`, token);

      clock.advance(IDLE_HOURS * HOUR - 60_000);
      expect((await asks(soon, soon.token)).status, `${phase.name}: a token a minute short of the idle time`).toBe(200);
      clock.advance(2 * 60_000);
      for (const token of [late.token, phone.token]) {
        const r = await asks(late, token);
        expect({ phase: phase.name, status: r.status, code: r.body.error?.code }).toEqual({ phase: phase.name, status: 401, code: 'AUTH_ERR_INVALID_TOKEN' });
      }
    }
  });
});
