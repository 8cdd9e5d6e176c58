import { describe, expect, it } from 'vitest';
import { getCallback } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeHandoff, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { requeueCallback } from './requeue-callback.js';

const HOUR = 3_600_000;

describe.each(TEST_DATABASES)('requeueCallback on %s', (kind) => {
  const m = useMediumContext(kind);

  it('does nothing before the booked time; at it, the handoff re-enters its team\'s queue once, due within the miss window', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { name: 'Callbacks' });
    const { handoff, conversation, callback } = await makeHandoff(ctx, { team, status: 'callback', callback: { scheduledFor: new Date(m.clock.now().getTime() + HOUR) } });

    await requeueCallback(ctx, callback!.id);
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('callback');

    const at = m.clock.advance(HOUR);
    await requeueCallback(ctx, callback!.id);
    const queued = (await getHandoff(ctx.db, handoff.id))!;
    expect(queued.status).toBe('waiting');
    expect(queued.slaDueAt.getTime()).toBe(at.getTime() + ctx.config.callbackMissMinutes * 60_000);
    expect((await getConversation(ctx.db, conversation.id))!.status).toBe('waiting');
    expect((await getCallback(ctx.db, callback!.id))!.status).toBe('queued');
    const check = (await m.jobs('callback-due')).filter((j) => j.data.callbackId === callback!.id);
    expect(check).toEqual([{ name: 'callback-due', data: { callbackId: callback!.id, phase: 'check' }, key: `callback-check:${callback!.id}`, delaySeconds: ctx.config.callbackMissMinutes * 60 }]);

    // A retried job acts once.
    await requeueCallback(ctx, callback!.id);
    const types = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).map((e) => e.type);
    expect(types.filter((t) => t === 'callback.due')).toHaveLength(1);
    const requested = (await listEventsAfter(ctx.db, 0, { conversationId: conversation.id })).filter((e) => e.type === 'handoff.requested');
    expect(requested.at(-1)?.payload).toMatchObject({ handoff: { team: 'Callbacks' }, callback: { id: callback!.id, kind: 'callback' } });
  });

  it('an unknown callback is ignored', async () => {
    const { ctx } = m;
    const before = m.bus.published.length;
    await requeueCallback(ctx, ctx.newId());
    expect(m.bus.published.length).toBe(before);
  });
});
