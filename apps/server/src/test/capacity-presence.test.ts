import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from './databases.js';
import { usePresenceServer } from './presence-server.js';
import { openStream } from './ws-client.js';

const SECOND = 1000;

/**
 * Capacity and presence over the API (DESIGN §5): an accept beyond capacity is refused unless a
 * supervisor overrides it, and an agent is online for routing only while their workspace's stream
 * is open (plus the grace period): the seeded demo agents, who never signed in, get no offers.
 */
describe.each(TEST_DATABASES)('capacity and presence on %s', (kind) => {
  const p = usePresenceServer(kind, { BATON_PRESENCE_GRACE_SECONDS: '60' });

  it('refuses an accept beyond capacity with a clear error, unless a supervisor overrides it', async () => {
    const { http, alex, jordan } = p;
    expect((await http.call('PATCH', '/api/v1/agents/me', { token: alex, body: { capacity: 1 } })).status).toBe(200);
    const one = await http.escalated(alex);
    const two = await http.escalated(alex);
    expect((await http.post(`/api/v1/handoffs/${one.handoffId}/accept`, alex)).status).toBe(200);

    const refused = await http.post(`/api/v1/handoffs/${two.handoffId}/accept`, alex);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HANDOFF_ERR_AGENT_AT_CAPACITY');
    expect(refused.body.error.message).toMatch(/capacity is 1/);
    expect((await p.handoff(two.handoffId)).status).toBe('waiting');
    // An agent cannot override their own capacity.
    const forbidden = await http.post(`/api/v1/handoffs/${two.handoffId}/accept`, alex, { override: true });
    expect([forbidden.status, forbidden.body.error.code, forbidden.body.error.field]).toEqual([403, 'HANDOFF_ERR_OVERRIDE_FORBIDDEN', 'override']);
    expect((await http.post(`/api/v1/handoffs/${two.handoffId}/accept`, alex, { override: 'yes' })).status).toBe(400);

    // Jordan, a supervisor with no free slot, is refused too, and overrides on purpose.
    expect((await http.call('PATCH', '/api/v1/agents/me', { token: jordan, body: { capacity: 0 } })).status).toBe(200);
    expect((await http.post(`/api/v1/handoffs/${two.handoffId}/accept`, jordan, {})).body.error.code).toBe('HANDOFF_ERR_AGENT_AT_CAPACITY');
    const overridden = await http.post(`/api/v1/handoffs/${two.handoffId}/accept`, jordan, { override: true });
    expect(overridden.status).toBe(200);
    expect(overridden.body.handoff).toMatchObject({ status: 'assigned', agentId: (await http.get('/api/v1/agents/me', jordan)).body.agent.id });

    // Alex resolves: the slot is free again.
    expect((await http.post(`/api/v1/handoffs/${one.handoffId}/resolve`, alex, { category: 'orders', outcome: 'solved', verdict: 'needed' })).status).toBe(200);
    expect((await http.call('PATCH', '/api/v1/agents/me', { token: alex, body: { capacity: 3 } })).status).toBe(200);
  }, 60_000);

  it('offers work only to agents with the workspace open, at once when they connect, and not after the grace period', async () => {
    const { s, http, clock, alex, jordan, alexId, offeredTo } = p;
    // Nobody has the workspace open: the handoff is offered to no one, not to a seeded agent.
    const waiting = await http.escalated(alex);
    expect(await offeredTo(waiting.handoffId)).toBeNull();

    // Alex opens the workspace: the waiting handoff is offered to Alex at once.
    const stream = await openStream(s.url!, alex);
    const offer = await stream.waitFor((e) => e.type === 'handoff.offered' && e.handoffId === waiting.handoffId, 5000);
    expect(offer.payload).toMatchObject({ reason: 'agent_available', previousAgentId: null });
    expect(await offeredTo(waiting.handoffId)).toBe(alexId);
    // A new handoff is offered to Alex on arrival.
    const next = await http.escalated(alex);
    expect(await offeredTo(next.handoffId)).toBe(alexId);

    // The workspace closes; within the grace period Alex still counts, after it no longer.
    await stream.close();
    clock.advance(30 * SECOND);
    expect(await offeredTo((await http.escalated(alex)).handoffId)).toBe(alexId);
    clock.advance(61 * SECOND);
    expect(await offeredTo((await http.escalated(alex)).handoffId)).toBeNull();

    // Back, then signed out: no grace period after a logout.
    const again = await p.live(alex, alexId);
    expect(await offeredTo((await http.escalated(jordan)).handoffId)).toBe(alexId);
    expect((await http.post('/api/v1/auth/logout', alex)).status).toBeLessThan(300);
    await new Promise<void>((resolve) => (again.ws.readyState === again.ws.CLOSED ? resolve() : again.ws.once('close', () => resolve())));
    expect(await offeredTo((await http.escalated(jordan)).handoffId)).toBeNull();
  }, 60_000);
});
