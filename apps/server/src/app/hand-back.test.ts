import { describe, expect, it } from 'vitest';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeHandoff } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { handBack } from './hand-back.js';

describe.each(TEST_DATABASES)('handBack on %s', (kind) => {
  const m = useMediumContext(kind);

  it('the conversation returns to the AI and the handoff closes as handed back, with the note', async () => {
    const { ctx } = m;
    const agent = await makeAgent(ctx);
    const { handoff, conversation } = await makeHandoff(ctx, { status: 'assigned', agent });

    const done = await handBack(ctx, agent, handoff.id, 'answered: the refund is on its way');
    // No verdict is recorded for the agent: they did not give one.
    expect(done).toMatchObject({ status: 'resolved', resolution: { category: 'handed_back', outcome: 'handed_back', note: 'answered: the refund is on its way' } });
    expect(done.resolution).not.toHaveProperty('verdict');
    expect(done.resolvedAt).toEqual(m.clock.now());
    expect(await getConversation(ctx.db, conversation.id)).toMatchObject({ status: 'ai', assignedAgentId: null });
    expect((await listMessages(ctx.db, conversation.id)).at(-1)).toMatchObject({ authorKind: 'system', action: 'handed_back' });
    const event = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).find((e) => e.type === 'handoff.handed_back');
    expect(event?.payload).toEqual({ note: 'answered: the refund is on its way' });
  });

  it('records the verdict the agent chose', async () => {
    const { ctx } = m;
    const agent = await makeAgent(ctx);
    const { handoff } = await makeHandoff(ctx, { status: 'assigned', agent });
    expect((await handBack(ctx, agent, handoff.id, undefined, 'too_late')).resolution).toEqual({ category: 'handed_back', outcome: 'handed_back', verdict: 'too_late' });
  });

  it('only the agent who holds it may hand it back; a second hand-back changes nothing', async () => {
    const { ctx } = m;
    const [owner, other] = [await makeAgent(ctx), await makeAgent(ctx)];
    const { handoff, conversation } = await makeHandoff(ctx, { status: 'assigned', agent: owner });
    await expect(handBack(ctx, other, handoff.id)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_NOT_YOURS' });
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('assigned');

    await handBack(ctx, owner, handoff.id);
    await expect(handBack(ctx, owner, handoff.id)).rejects.toMatchObject({ code: 'HANDOFF_ERR_NOT_ASSIGNED' });
    expect((await listMessages(ctx.db, conversation.id)).filter((x) => x.action === 'handed_back')).toHaveLength(1);
  });
});
