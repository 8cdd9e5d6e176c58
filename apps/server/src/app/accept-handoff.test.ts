import { describe, expect, it } from 'vitest';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeHandoff, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { acceptHandoff } from './accept-handoff.js';

describe.each(TEST_DATABASES)('acceptHandoff on %s', (kind) => {
  const m = useMediumContext(kind);

  it('the agent takes it: both rows assigned, the customer told who joined from which team, and the answer timeout on the app clock', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { name: 'Night Desk' });
    const robin = await makeAgent(ctx, { name: 'Robin Park', teams: [team] });
    const { handoff, conversation } = await makeHandoff(ctx, { team });

    const accepted = await acceptHandoff(ctx, robin, handoff.id);
    expect(accepted).toMatchObject({ status: 'assigned', agentId: robin.id });
    expect(await getConversation(ctx.db, conversation.id)).toMatchObject({ status: 'assigned', assignedAgentId: robin.id });
    const joined = (await listMessages(ctx.db, conversation.id)).find((x) => x.action === 'agent_joined')!;
    expect(joined.text).toBe('Robin from Night Desk has joined the conversation.');
    expect((await getAgent(ctx.db, robin.id))!.lastAssignedAt).toEqual(m.clock.now());
    const timeouts = (await m.jobs('accept-timeout')).filter((j) => j.data.handoffId === handoff.id);
    expect(timeouts).toEqual([{ name: 'accept-timeout', data: { handoffId: handoff.id, agentId: robin.id, phase: 'answer' }, key: `answer-timeout:${handoff.id}:${robin.id}`, delaySeconds: ctx.config.answerTimeoutSeconds }]);
  });

  it('two agents accept at the same moment: exactly one wins, the other is told it was taken, and one agent_joined is sent', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx);
    const [a, b] = [await makeAgent(ctx, { teams: [team] }), await makeAgent(ctx, { teams: [team] })];
    const { handoff, conversation } = await makeHandoff(ctx, { team });

    const results = await Promise.allSettled([acceptHandoff(ctx, a, handoff.id), acceptHandoff(ctx, b, handoff.id)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['HANDOFF_ERR_ALREADY_ACCEPTED']);
    expect((await listMessages(ctx.db, conversation.id)).filter((x) => x.action === 'agent_joined')).toHaveLength(1);
    expect((await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).filter((e) => e.type === 'handoff.accepted')).toHaveLength(1);
  });

  it('a resolved handoff cannot be taken, and nothing changes', async () => {
    const { ctx } = m;
    const agent = await makeAgent(ctx);
    await expect(acceptHandoff(ctx, agent, ctx.newId())).rejects.toMatchObject({ code: 'HANDOFF_ERR_NOT_FOUND' });
    const { handoff } = await makeHandoff(ctx, { status: 'callback' });
    await expect(acceptHandoff(ctx, agent, handoff.id)).rejects.toMatchObject({ code: 'HANDOFF_ERR_ALREADY_RESOLVED' });
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('callback');
  });

  it('a handoff without a team is presented as the default team\'s, whatever it is called', async () => {
    const { ctx } = m;
    await makeTeam(ctx, { name: 'Customer Care', isDefault: true });
    const agent = await makeAgent(ctx, { name: 'Kim Lo' });
    const { handoff, conversation } = await makeHandoff(ctx, { team: null });
    await acceptHandoff(ctx, agent, handoff.id);
    const joined = (await listMessages(ctx.db, conversation.id)).find((x) => x.action === 'agent_joined')!;
    expect(joined.text).toBe('Kim from Customer Care has joined the conversation.');
  });
});
