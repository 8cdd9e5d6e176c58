import { describe, expect, it } from 'vitest';
import { listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { acceptHandoff } from '../app/accept-handoff.js';
import { noteAgentStream } from '../app/note-agent-stream.js';
import { resolveHandoff } from '../app/resolve-handoff.js';
import { queueUpdateJob } from '../jobs/queue-update.job.js';
import { TEST_DATABASES } from './databases.js';
import { escalateWith } from './escalate.js';
import { makeAgent, makeConversation, makeCustomer, makeTeam } from './factories.js';
import { MEDIUM_NOW, useMediumContext } from './medium-context.js';

const MINUTE = 60_000;
const T0 = Date.parse(MEDIUM_NOW);

/**
 * The queue as three waiting customers live it (DESIGN §5, §6): nobody online at first, then two
 * agents coming online, taking work, one going away. Every message each customer receives is
 * listed and checked: what it says, in order, only when something changed, never the same line
 * twice, at most every BATON_QUEUE_UPDATE_SECONDS, estimates that grow while nobody accepts and
 * never promise an earlier arrival a longer wait than a later one, and one callback offer to each
 * customer whose estimate goes over the threshold. The queue-update job is run for every waiting
 * customer every simulated minute (more often than it is scheduled), so the rate limit is the
 * server's, not the test's.
 */
describe.each(TEST_DATABASES)('the queue, three customers and two agents, on %s', (kind) => {
  const m = useMediumContext(kind, { env: { BATON_QUEUE_UPDATE_SECONDS: '120', BATON_PRESENCE_GRACE_SECONDS: '60', BATON_CALLBACK_OFFER_MINUTES: '10', BATON_DEFAULT_HANDLE_MINUTES: '6' } });

  it('tells each customer what changed, once, in order', async () => {
    const { ctx, clock } = m;
    // Messages are dated by the app's clock: each by the test's minute in which it appeared.
    const customers: { name: string; conversationId: string; handoffId: string }[] = [];
    const at = (minute: number) => clock.set(T0 + minute * MINUTE);
    const care = await makeTeam(ctx, { name: 'Care', isDefault: true });
    // Ana and Ben have not opened the workspace yet; Dee is a seeded demo agent who never signs in.
    const ana = await makeAgent(ctx, { name: 'Ana Ruiz', teams: [care], capacity: 1, live: false });
    const ben = await makeAgent(ctx, { name: 'Ben Okafor', teams: [care], capacity: 1, live: false });
    const dee = await makeAgent(ctx, { name: 'Dee Demo', teams: [care], capacity: 5, live: false });
    const connected = new Set<string>();

    for (const [i, name] of ['First', 'Second', 'Third'].entries()) {
      at(i);
      const conv = await makeConversation(ctx, { customer: await makeCustomer(ctx, { name }) });
      const { result } = await escalateWith(ctx, conv.id, 'I want to talk to a human please');
      customers.push({ name, conversationId: conv.id, handoffId: result!.handoff.id });
      // Nobody can take it: it is offered to no one (not to Dee, who is not there).
      expect(result!.handoff.offeredAgentId).toBeNull();
    }
    const [first, second, third] = customers as [(typeof customers)[number], (typeof customers)[number], (typeof customers)[number]];

    // What each customer was last told, checked at every minute: an earlier arrival never hears a longer wait.
    const toldInOrder = async () => {
      const told = [];
      for (const c of customers) {
        const h = (await getHandoff(ctx.db, c.handoffId))!;
        if (h.status === 'waiting') told.push(h.waitEstimateMinutes!);
      }
      for (let i = 1; i < told.length; i++) expect(told[i]).toBeGreaterThanOrEqual(told[i - 1]!);
    };
    // One simulated minute: the open workspaces are heard from, the queue updates run.
    const minute = async (n: number) => {
      at(n);
      for (const id of connected) await noteAgentStream(ctx, id);
      for (const c of customers) await queueUpdateJob(ctx, { handoffId: c.handoffId });
      await toldInOrder();
    };
    const run = async (from: number, to: number) => {
      for (let n = from; n <= to; n++) await minute(n);
    };
    const online = async (agentId: string) => {
      connected.add(agentId);
      await noteAgentStream(ctx, agentId);
    };
    const offeredTo = async (handoffId: string) => (await getHandoff(ctx.db, handoffId))!.offeredAgentId;

    // Nobody online for 21 minutes: the estimates stand, then the first customer's grows with the wait.
    await run(3, 21);
    // Each run schedules the next on the app's clock, whether it said anything or not.
    const scheduled = (await m.jobs('queue-update')).map((j) => (j.data as { handoffId: string }).handoffId);
    for (const c of customers) expect(scheduled).toContain(c.handoffId);
    // Ana opens the workspace: the best waiting handoff is offered to her at once.
    at(22);
    await online(ana.id);
    expect(await offeredTo(first.handoffId)).toBe(ana.id);
    await minute(22);
    at(23);
    await acceptHandoff(ctx, ana, first.handoffId);
    // At capacity: a second accept is refused, and nothing changes.
    await expect(acceptHandoff(ctx, ana, second.handoffId)).rejects.toMatchObject({ code: 'HANDOFF_ERR_AGENT_AT_CAPACITY' });
    expect((await getHandoff(ctx.db, second.handoffId))!.status).toBe('waiting');
    await run(23, 24);
    at(25);
    await online(ben.id);
    expect(await offeredTo(second.handoffId)).toBe(ben.id);
    await minute(25);
    at(26);
    await acceptHandoff(ctx, ben, second.handoffId);
    await minute(26);
    // Ana closes the workspace: after the grace period she no longer counts.
    connected.delete(ana.id);
    await run(27, 29);
    at(30);
    await resolveHandoff(ctx, ben, second.handoffId, { category: 'general', outcome: 'solved', verdict: 'needed' });
    // Ben's slot is free: the third customer is offered to him at once.
    expect(await offeredTo(third.handoffId)).toBe(ben.id);
    await minute(30);
    at(31);
    await acceptHandoff(ctx, ben, third.handoffId);
    await run(31, 33);

    // What each customer heard, by minute: the queue lines in full, the rest by kind.
    const heard = async (c: (typeof customers)[number]) =>
      (await listMessages(ctx.db, c.conversationId)).filter((x) => !x.private && x.authorKind !== 'customer').map((x) => `${(x.createdAt.getTime() - T0) / MINUTE}m ${x.action === 'queue_update' ? x.text : x.action}`);
    const next = (minute: number, wait: number) => `${minute}m You're next in the queue. Expected reply: about ${wait} minutes.`;
    const number = (minute: number, position: number, wait: number) => `${minute}m You're number ${position} in the queue. Expected reply: about ${wait} minutes.`;
    // Nobody online: the first waits 6 minutes by the usual handle time, and from 13 minutes on the
    // wait it has had outgrows that; at 21 minutes it crosses the 10-minute threshold: the callback offer.
    expect(await heard(first)).toEqual(['0m escalate', next(13, 7), next(15, 8), next(17, 9), next(19, 10), next(21, 11), '21m offer_callback', '23m agent_joined']);
    expect(await heard(second)).toEqual([
      '1m escalate', // "very busy right now: the wait is about 12 minutes"
      '1m offer_callback',
      // The head of the queue stalls: the second's wait grows with it, one line per change, two minutes apart.
      number(13, 2, 13), number(15, 2, 14), number(17, 2, 15), number(19, 2, 16), number(21, 2, 17),
      // Ana came online at 22 and took the first at 23: next in line (told at once: two minutes since the last line).
      next(23, 11),
      // Ben came online at 25; the wait the customer has had (24 minutes) keeps the estimate honest.
      next(25, 12),
      '26m agent_joined',
      '30m csat_prompt',
    ]);
    expect(await heard(third)).toEqual([
      '2m escalate',
      '2m offer_callback',
      number(13, 3, 19), number(15, 3, 20), number(17, 3, 21), number(19, 3, 22), number(21, 3, 23),
      number(23, 2, 17),
      number(25, 2, 13),
      // Ben took the second at 26: told at 27, two minutes after the last line.
      next(27, 13),
      // Ana closed her workspace at 26; from 28 she no longer counts, and the wait so far (27 minutes) says 14.
      next(29, 14),
      '31m agent_joined',
    ]);
    for (const c of customers) {
      const lines = await heard(c);
      for (let i = 1; i < lines.length; i++) expect(lines[i]!.replace(/^\d+m /, '')).not.toBe(lines[i - 1]!.replace(/^\d+m /, ''));
    }
    // Dee never had a session: nothing was ever offered to her.
    const offers = (await listEventsAfter(ctx.db, 0, { limit: 1000 })).filter((e) => e.type === 'handoff.offered');
    expect(offers.map((e) => [e.handoffId, e.agentId])).toEqual([
      [first.handoffId, ana.id],
      [second.handoffId, ben.id],
      [third.handoffId, ben.id],
    ]);
    expect(offers.some((e) => e.agentId === dee.id)).toBe(false);
  }, 240_000);
});
