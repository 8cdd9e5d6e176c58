import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { noteAgentStream } from '../app/note-agent-stream.js';
import { presenceCheckJob } from '../jobs/presence-check.job.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { FakeClock } from './fakes.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

const SECOND = 1000;
const GRACE = 60;

/**
 * An agent whose workspace stays closed past BATON_PRESENCE_GRACE_SECONDS leaves no customer
 * waiting on them: what waits on their reply goes back to the queue, told to the customer in
 * their language, and is offered to an online agent at once; a reload within the grace changes
 * nothing. The job queue and the app run on the test clock; the presence check is run by hand
 * when the test clock says it is due, as a worker would.
 */
describe.each(TEST_DATABASES)('an agent who goes offline with conversations waiting on them, on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  let jordan: string;
  let alexId: string;
  let jordanId: string;
  const clock = new FakeClock('2026-03-02T10:00:00Z');
  const handoff = async (id: string) => (await getHandoff(s.ctx.db, id))!;
  const presenceChecks = async () =>
    (await sql<{ delay: number }>`select extract(epoch from start_after - created_on)::float as delay from pgboss.job where name = 'presence-check' and data->>'agentId' = ${alexId} order by created_on`.execute(s.ctx.db)).rows;
  /** Accept timeouts booked for Jordan on a handoff (each offer books one). */
  const acceptTimeouts = async (handoffId: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'accept-timeout' and data->>'handoffId' = ${handoffId} and data->>'agentId' = ${jordanId}`.execute(s.ctx.db)).rows[0]!.n;
  /** Alex's stream is open and noted at the test clock's now. */
  const alexLive = async () => {
    const stream = await openStream(s.url!, alex);
    await expect.poll(async () => (await getAgent(s.ctx.db, alexId))!.sessionSeenAt?.getTime()).toBe(clock.now().getTime());
    return stream;
  };
  const accept = async (handoffId: string, token = alex) => expect((await http.post(`/api/v1/handoffs/${handoffId}/accept`, token)).status).toBe(200);

  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true, workers: false, clock: clock.now, env: { BATON_PRESENCE_GRACE_SECONDS: String(GRACE) } });
    http = api(s);
    alex = await s.login('alex');
    jordan = await s.login('jordan');
    alexId = (await http.get('/api/v1/agents/me', alex)).body.agent.id;
    jordanId = (await http.get('/api/v1/agents/me', jordan)).body.agent.id;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('puts back in the queue what waits on their reply once the grace runs out, tells the customer, and offers it to an online agent', async () => {
    const jordanStream = await openStream(s.url!, jordan);
    const alexStream = await alexLive();
    // Not answered yet; answered, then the customer wrote again (in Spanish); answered, and the customer is quiet.
    const unanswered = await http.escalated(jordan);
    const askedAgain = await http.escalated(jordan, { language: 'es' });
    const answered = await http.escalated(jordan);
    for (const c of [unanswered, askedAgain, answered]) await accept(c.handoffId);
    for (const c of [askedAgain, answered]) expect((await http.post(`/api/v1/conversations/${c.id}/messages`, alex, { text: 'Hola, lo miro ahora mismo.' })).status).toBe(201);
    expect((await http.say(askedAgain, '¿Sigue ahí?')).status).toBe(201);
    const briefBefore = (await handoff(unanswered.handoffId)).brief;
    const customerSaw = (await http.messages(answered.id, answered.token)).length;

    // The workspace closes: a check is booked for when the grace has passed, on the app's clock.
    const booked = (await presenceChecks()).length;
    await alexStream.close();
    await expect.poll(async () => (await presenceChecks()).length).toBe(booked + 1);
    expect((await presenceChecks()).at(-1)!.delay).toBeGreaterThanOrEqual(GRACE);
    expect((await presenceChecks()).at(-1)!.delay).toBeLessThanOrEqual(GRACE + 2);

    // Within the grace the check changes nothing.
    clock.advance(30 * SECOND);
    await noteAgentStream(s.ctx, jordanId); // Jordan's open stream, heard from at the new time
    await presenceCheckJob(s.ctx, { agentId: alexId });
    expect((await handoff(unanswered.handoffId)).status).toBe('assigned');

    const timeoutsBefore = new Map<string, number>();
    for (const c of [unanswered, askedAgain]) timeoutsBefore.set(c.handoffId, await acceptTimeouts(c.handoffId));
    clock.advance((GRACE - 30 + 1) * SECOND);
    await noteAgentStream(s.ctx, jordanId);
    await presenceCheckJob(s.ctx, { agentId: alexId });

    for (const c of [unanswered, askedAgain]) {
      const h = await handoff(c.handoffId);
      expect([h.status, h.agentId, h.offeredAgentId]).toEqual(['waiting', null, jordanId]);
      const offered = await jordanStream.waitFor((e) => e.type === 'handoff.offered' && e.handoffId === c.handoffId && e.payload.reason === 'agent_offline', 5000);
      expect(offered.payload.previousAgentId).toBe(alexId);
      await jordanStream.waitFor((e) => e.type === 'conversation.status_changed' && e.conversationId === c.id && e.payload.cause === 'agent_offline', 5000);
      const asAgent = await http.messages(c.id, jordan);
      expect(asAgent.filter((m) => m.private && m.action === 'agent_offline').map((m) => m.text)).toEqual([`Back in the queue: Alex Morgan went offline (no open workspace for ${GRACE} seconds) while the customer was waiting for a reply. Offered to Jordan Reyes.`]);
      const asCustomer = await http.messages(c.id, c.token);
      expect(asCustomer.some((m) => m.action === 'agent_offline' || m.text.includes('went offline'))).toBe(false);
      expect(asCustomer.filter((m) => m.action === 'agent_away')).toHaveLength(1);
      expect(await acceptTimeouts(c.handoffId)).toBe(timeoutsBefore.get(c.handoffId)! + 1);
    }
    expect((await handoff(unanswered.handoffId)).brief).toEqual(briefBefore);
    expect((await http.messages(unanswered.id, unanswered.token)).find((m) => m.action === 'agent_away')!.text).toMatch(/^Alex had to step away, so I've put you back in the queue for the next person from our Support team\./);
    expect((await http.messages(askedAgain.id, askedAgain.token)).find((m) => m.action === 'agent_away')!.text).toMatch(/^Alex ha tenido que ausentarse/);
    // The agent spoke last: that customer waits on nobody, and stays with Alex.
    expect(await handoff(answered.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    expect(await http.messages(answered.id, answered.token)).toHaveLength(customerSaw);

    // A late or repeated check does nothing more.
    await presenceCheckJob(s.ctx, { agentId: alexId });
    expect((await http.messages(unanswered.id, unanswered.token)).filter((m) => m.action === 'agent_away')).toHaveLength(1);

    // Jordan takes it; the customer hears who they are with now.
    await accept(unanswered.handoffId, jordan);
    expect((await http.messages(unanswered.id, unanswered.token)).at(-1)!.text).toBe("You're now with Jordan from Support.");
    await jordanStream.close();
  }, 60_000);

  it('changes nothing when the agent reloads within the grace', async () => {
    const first = await alexLive();
    const c = await http.escalated(jordan);
    await accept(c.handoffId);
    await first.close();
    clock.advance(20 * SECOND);
    const again = await alexLive(); // the reload
    clock.advance((GRACE - 20 + 5) * SECOND); // past the grace of the first stream, not of the second
    await presenceCheckJob(s.ctx, { agentId: alexId });
    expect(await handoff(c.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    expect((await http.messages(c.id, c.token)).some((m) => m.action === 'agent_away')).toBe(false);
    await again.close();
  }, 60_000);

  it('releases at the end of a shift too: signing out books the same check, with no stream open', async () => {
    const token = await s.login('alex');
    const c = await http.escalated(jordan);
    await accept(c.handoffId, token);
    const booked = (await presenceChecks()).length;
    expect((await http.post('/api/v1/auth/logout', token)).status).toBeLessThan(300);
    expect((await presenceChecks()).length).toBe(booked + 1);
    clock.advance((GRACE + 1) * SECOND);
    await presenceCheckJob(s.ctx, { agentId: alexId });
    expect(await handoff(c.handoffId)).toMatchObject({ status: 'waiting', agentId: null });
    expect((await http.messages(c.id, c.token)).filter((m) => m.action === 'agent_away')).toHaveLength(1);
  }, 60_000);
});
