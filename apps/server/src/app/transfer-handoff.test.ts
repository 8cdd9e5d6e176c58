import { describe, expect, it } from 'vitest';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeHandoff, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { acceptHandoff } from './accept-handoff.js';
import { transferHandoff } from './transfer-handoff.js';

describe.each(TEST_DATABASES)('transferHandoff on %s', (kind) => {
  const m = useMediumContext(kind);

  it('to a team: back in that team\'s queue with its SLA clock unchanged, a private note, and fresh timers', async () => {
    const { ctx } = m;
    const [desk, billing] = [await makeTeam(ctx, { name: 'Desk' }), await makeTeam(ctx, { name: 'Refunds' })];
    const agent = await makeAgent(ctx, { teams: [desk] });
    const { handoff, conversation } = await makeHandoff(ctx, { team: desk, status: 'assigned', agent });
    m.clock.advance(5 * 60_000);

    const moved = await transferHandoff(ctx, agent, handoff.id, { teamId: billing.id, note: 'refund over the limit' });
    expect(moved).toMatchObject({ status: 'waiting', teamId: billing.id, agentId: null });
    expect(moved.slaDueAt).toEqual(handoff.slaDueAt);
    expect(await getConversation(ctx.db, conversation.id)).toMatchObject({ status: 'waiting', teamId: billing.id, assignedAgentId: null });
    const note = (await listMessages(ctx.db, conversation.id, { includePrivate: true })).find((x) => x.action === 'transfer_note')!;
    expect(note).toMatchObject({ private: true, text: 'Transferred to Refunds: refund over the limit' });
    // The customer's view leaves it out.
    expect((await listMessages(ctx.db, conversation.id)).some((x) => x.id === note.id)).toBe(false);
    const event = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).find((e) => e.type === 'handoff.transferred');
    expect(event?.payload).toMatchObject({ toTeamId: billing.id, note: 'refund over the limit', handoff: { team: 'Refunds' } });
    // The SLA alert keeps its deadline: now 5 minutes nearer on the app's clock.
    const breach = (await m.jobs('sla-breach')).filter((j) => j.data.handoffId === handoff.id).at(-1)!;
    expect(breach.delaySeconds).toBe(Math.ceil((handoff.slaDueAt.getTime() - m.clock.now().getTime()) / 1000));
  });

  it('tells the customer: passed to the new team, then who they are with now once someone accepts', async () => {
    const { ctx } = m;
    const [desk, refunds] = [await makeTeam(ctx, { name: 'Front Desk' }), await makeTeam(ctx, { name: 'Returns' })];
    const [first, next] = [await makeAgent(ctx, { teams: [desk] }), await makeAgent(ctx, { name: 'Sam Ortiz', teams: [refunds] })];
    const { handoff, conversation } = await makeHandoff(ctx, { team: desk, status: 'waiting' });
    await acceptHandoff(ctx, first, handoff.id);
    await transferHandoff(ctx, first, handoff.id, { teamId: refunds.id, note: 'refund over the limit' });
    await acceptHandoff(ctx, next, handoff.id);

    const seen = (await listMessages(ctx.db, conversation.id)).filter((x) => x.authorKind === 'system').map((x) => x.text);
    expect(seen.slice(-2)).toEqual(["I'm passing you to our Returns team. They'll see everything we've discussed, so you won't need to repeat anything.", "You're now with Sam from Returns."]);
    expect(seen[0]).toMatch(/has joined the conversation\.$/);
  });

  it('to an agent: offered to that agent in their team, with an accept timeout', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx);
    const [from, to] = [await makeAgent(ctx), await makeAgent(ctx, { name: 'Lee Chan', teams: [team] })];
    const { handoff, conversation } = await makeHandoff(ctx, { status: 'assigned', agent: from });

    const moved = await transferHandoff(ctx, from, handoff.id, { agentId: to.id, note: 'you know this customer' });
    expect(moved).toMatchObject({ status: 'waiting', teamId: team.id, offeredAgentId: to.id });
    expect((await listMessages(ctx.db, conversation.id, { includePrivate: true })).find((x) => x.action === 'transfer_note')?.text).toBe('Transferred to Lee Chan: you know this customer');
    expect((await m.jobs('accept-timeout')).some((j) => j.data.handoffId === handoff.id && j.data.agentId === to.id)).toBe(true);
  });

  it("to a team: offered at once to the team's best online agent, who is told; never to one who is away", async () => {
    const { ctx } = m;
    const [desk, claims] = [await makeTeam(ctx, { name: 'Intake' }), await makeTeam(ctx, { name: 'Claims' })];
    const from = await makeAgent(ctx, { teams: [desk] });
    const online = await makeAgent(ctx, { name: 'Ana Ruiz', teams: [claims] });
    await makeAgent(ctx, { teams: [claims], presence: 'online', live: false });
    const { handoff, conversation } = await makeHandoff(ctx, { team: desk, status: 'assigned', agent: from });

    const moved = await transferHandoff(ctx, from, handoff.id, { teamId: claims.id, note: 'a claim for a broken lamp' });
    expect(moved).toMatchObject({ status: 'waiting', teamId: claims.id, agentId: null, offeredAgentId: online.id });
    const offered = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).filter((e) => e.type === 'handoff.offered');
    expect(offered.map((e) => [e.agentId, e.payload.reason, e.payload.previousAgentId])).toEqual([[online.id, 'transferred', from.id]]);
    expect((await m.jobs('accept-timeout')).some((j) => j.data.handoffId === handoff.id && j.data.agentId === online.id)).toBe(true);
  });

  it('to a team or agent that does not exist: a clear error naming the field, and the handoff stays with its agent', async () => {
    const { ctx } = m;
    const agent = await makeAgent(ctx);
    const { handoff } = await makeHandoff(ctx, { status: 'assigned', agent });
    await expect(transferHandoff(ctx, agent, handoff.id, { teamId: 'no-such-team', note: 'x' })).rejects.toMatchObject({ code: 'TEAM_ERR_NOT_FOUND', field: 'teamId' });
    await expect(transferHandoff(ctx, agent, handoff.id, { agentId: ctx.newId(), note: 'x' })).rejects.toMatchObject({ code: 'AGENT_ERR_NOT_FOUND', field: 'agentId' });
    expect(await getHandoff(ctx.db, handoff.id)).toMatchObject({ status: 'assigned', agentId: agent.id });
  });
});
