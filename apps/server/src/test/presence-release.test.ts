import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { listQueuedJobs } from '../adapters/jobs/queued-jobs.js';
import { noteAgentStream } from '../app/note-agent-stream.js';
import { bookPresenceSweep } from '../app/sweep-absent-agents.js';
import { presenceCheckJob } from '../jobs/presence-check.job.js';
import { presenceSweepJob } from '../jobs/presence-sweep.job.js';
import { TEST_DATABASES } from './databases.js';
import { usePresenceServer } from './presence-server.js';
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
  // Streams are pinged every second, so a connection that stops answering is found within the test.
  const p = usePresenceServer(kind, { BATON_PRESENCE_GRACE_SECONDS: String(GRACE), BATON_WS_PING_SECONDS: '1' });
  const presenceChecks = async () =>
    (await sql<{ delay: number }>`select extract(epoch from start_after - created_on)::float as delay from pgboss.job where name = 'presence-check' and data->>'agentId' = ${p.alexId} order by created_on`.execute(p.s.ctx.db)).rows;
  /** Accept timeouts booked for Jordan on a handoff (each offer books one). */
  const acceptTimeouts = async (handoffId: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'accept-timeout' and data->>'handoffId' = ${handoffId} and data->>'agentId' = ${p.jordanId}`.execute(p.s.ctx.db)).rows[0]!.n;
  /** Alex's stream is open and noted at the test clock's now. */
  const alexLive = () => p.live(p.alex, p.alexId);
  const accept = async (handoffId: string, token = p.alex) => expect((await p.http.post(`/api/v1/handoffs/${handoffId}/accept`, token)).status).toBe(200);

  it('puts back in the queue what waits on their reply once the grace runs out, tells the customer, and offers it to an online agent', async () => {
    const { s, http, clock, alex, jordan, alexId, jordanId, handoff } = p;
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
    const { s, http, clock, jordan, alexId, handoff } = p;
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
    const { s, http, clock, jordan, alexId, handoff } = p;
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

  it('closes a connection that stops answering pings (a network cut with no close), and books the presence check as a close would', async () => {
    const { s, http, clock, jordan, alexId, jordanId } = p;
    const jordanStream = await p.live(jordan, jordanId);
    const c = await http.escalated(jordan);
    const booked = (await presenceChecks()).length;
    // Alex's laptop lid closes and the customer's Wi-Fi goes: neither socket answers pings any more, neither is closed.
    const alexStream = await p.live(p.alex, alexId, { autoPong: false });
    const customerStream = await openStream(s.url!, c.token, undefined, { autoPong: false });
    const cut = (ws: typeof alexStream.ws) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const [alexCut, customerCut] = [cut(alexStream.ws), cut(customerStream.ws)];
    // Past the 30 s within which a customer's last sight is not written again.
    clock.advance(40 * SECOND);
    // Terminated by the server without a close frame, within two rounds of a second.
    expect(await alexCut).toBe(1006);
    expect(await customerCut).toBe(1006);
    // Jordan's socket answers, and stays.
    expect(jordanStream.ws.readyState).toBe(jordanStream.ws.OPEN);
    await expect.poll(async () => (await presenceChecks()).length).toBe(booked + 1);
    expect((await presenceChecks()).at(-1)!.delay).toBeGreaterThanOrEqual(GRACE);
    // The customer's close path ran: they were last seen when their stream was closed.
    await expect.poll(async () => (await getConversation(s.ctx.db, c.id))!.customerSeenAt?.getTime()).toBe(clock.now().getTime());
    await jordanStream.close();
  }, 60_000);

  it('releases an agent whose node was killed (no stream closed, no check booked) through the sweep, once, even when a presence check runs too', async () => {
    const { s, http, clock, alex, jordan, alexId, jordanId, handoff } = p;
    const jordanStream = await p.live(jordan, jordanId);
    // Alex's only stream was on a node that was killed: heard from, then never again, and never closed.
    await noteAgentStream(s.ctx, alexId);
    const waits = await http.escalated(jordan);
    const answered = await http.escalated(jordan);
    const jordans = await http.escalated(jordan);
    for (const c of [waits, answered]) await accept(c.handoffId);
    await accept(jordans.handoffId, jordan);
    expect((await http.post(`/api/v1/conversations/${answered.id}/messages`, alex, { text: 'Done, refunded.' })).status).toBe(201);
    const booked = (await presenceChecks()).length;
    const sweeps = () => listQueuedJobs(s.ctx.db, 'presence-sweep');
    const sweepsBefore = (await sweeps()).length;

    // Within the grace the sweep changes nothing, and books its next run for a grace period later.
    clock.advance(30 * SECOND);
    await noteAgentStream(s.ctx, jordanId);
    await presenceSweepJob(s.ctx);
    expect(await handoff(waits.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    const queued = await sweeps();
    expect(queued).toHaveLength(sweepsBefore + 1);
    expect([queued.at(-1)!.key, queued.at(-1)!.delaySeconds]).toEqual(['presence-sweep', GRACE]);
    // Another node starting books it too: the installation keeps one.
    await bookPresenceSweep(s.ctx);
    expect(await sweeps()).toHaveLength(sweepsBefore + 1);

    clock.advance((GRACE - 30 + 1) * SECOND);
    await noteAgentStream(s.ctx, jordanId);
    // No close ran on the killed node: nothing was booked for Alex.
    expect((await presenceChecks()).length).toBe(booked);
    await presenceSweepJob(s.ctx);

    const h = await handoff(waits.handoffId);
    expect([h.status, h.agentId, h.offeredAgentId]).toEqual(['waiting', null, jordanId]);
    const offered = await jordanStream.waitFor((e) => e.type === 'handoff.offered' && e.handoffId === waits.handoffId && e.payload.reason === 'agent_offline', 5000);
    expect(offered.payload.previousAgentId).toBe(alexId);
    expect((await http.messages(waits.id, waits.token)).filter((m) => m.action === 'agent_away')).toHaveLength(1);
    expect((await http.messages(waits.id, jordan)).filter((m) => m.action === 'agent_offline')).toHaveLength(1);
    // Nobody waits on Alex in the conversation where Alex spoke last; Jordan, heard from, keeps his.
    expect(await handoff(answered.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    expect(await handoff(jordans.handoffId)).toMatchObject({ status: 'assigned', agentId: jordanId });

    // A presence check (booked by an earlier close) and the next sweep, at the same time, do nothing more.
    await Promise.all([presenceSweepJob(s.ctx), presenceCheckJob(s.ctx, { agentId: alexId })]);
    expect((await http.messages(waits.id, jordan)).filter((m) => m.action === 'agent_offline')).toHaveLength(1);
    expect((await http.messages(waits.id, waits.token)).filter((m) => m.action === 'agent_away')).toHaveLength(1);
    expect(await handoff(answered.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    // Alex accepts one more through the API, with no stream: an accept is a sign of life, so it stays.
    const late = await http.escalated(jordan);
    await accept(late.handoffId);
    // Once that customer writes again, they wait on Alex, and the next sweep releases them too.
    expect((await http.say(answered, 'It has not arrived yet')).status).toBe(201);
    await presenceSweepJob(s.ctx);
    expect(await handoff(answered.handoffId)).toMatchObject({ status: 'waiting', agentId: null });
    expect(await handoff(late.handoffId)).toMatchObject({ status: 'assigned', agentId: alexId });
    expect((await http.messages(answered.id, answered.token)).filter((m) => m.action === 'agent_away')).toHaveLength(1);
    await jordanStream.close();
  }, 60_000);
});
