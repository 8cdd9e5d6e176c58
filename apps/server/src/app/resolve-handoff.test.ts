import { describe, expect, it } from 'vitest';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeHandoff } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { resolveHandoff } from './resolve-handoff.js';

describe.each(TEST_DATABASES)('resolveHandoff on %s', (kind) => {
  const m = useMediumContext(kind);

  const resolution = { category: 'billing', outcome: 'refunded', verdict: 'needed' } as const;

  it('closes both rows with the resolution at the app clock, and asks the customer for a rating', async () => {
    const { ctx } = m;
    const agent = await makeAgent(ctx);
    const { handoff, conversation } = await makeHandoff(ctx, { status: 'assigned', agent });
    m.clock.advance(12 * 60_000);

    const done = await resolveHandoff(ctx, agent, handoff.id, resolution);
    expect(done).toMatchObject({ status: 'resolved', resolution });
    expect(done.resolvedAt).toEqual(m.clock.now());
    expect((await getConversation(ctx.db, conversation.id))!.status).toBe('resolved');
    const last = (await listMessages(ctx.db, conversation.id)).at(-1)!;
    expect(last).toMatchObject({ authorKind: 'system', action: 'csat_prompt' });
    expect(last.text).toContain(conversation.caseNumber);
    const resolved = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).find((e) => e.type === 'handoff.resolved');
    expect(resolved?.payload).toEqual({ resolution, resolvedAt: m.clock.now().toISOString() });
  });

  it('another agent cannot resolve it, a waiting one cannot be resolved, and neither changes anything', async () => {
    const { ctx } = m;
    const [owner, other] = [await makeAgent(ctx), await makeAgent(ctx)];
    const { handoff } = await makeHandoff(ctx, { status: 'assigned', agent: owner });
    await expect(resolveHandoff(ctx, other, handoff.id, resolution)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_NOT_YOURS' });
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('assigned');

    const waiting = await makeHandoff(ctx);
    await expect(resolveHandoff(ctx, owner, waiting.handoff.id, resolution)).rejects.toMatchObject({ code: 'HANDOFF_ERR_NOT_ASSIGNED' });
    expect((await getHandoff(ctx.db, waiting.handoff.id))!.status).toBe('waiting');
  });

  it('a supervisor may resolve a handoff another agent holds', async () => {
    const { ctx } = m;
    const [owner, supervisor] = [await makeAgent(ctx), await makeAgent(ctx, { role: 'supervisor' })];
    const { handoff } = await makeHandoff(ctx, { status: 'assigned', agent: owner });
    expect((await resolveHandoff(ctx, supervisor, handoff.id, resolution)).status).toBe('resolved');
  });
});
