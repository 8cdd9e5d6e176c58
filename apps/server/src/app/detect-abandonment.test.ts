import { describe, expect, it } from 'vitest';
import { getConversation, listMessages, noteCustomerSeen } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeConversation, makeHandoff } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { detectAbandonment } from './detect-abandonment.js';

const MIN = 60_000;

describe.each(TEST_DATABASES)('detectAbandonment on %s', (kind) => {
  const m = useMediumContext(kind, { env: { BATON_ABANDON_MINUTES: '10' } });

  it('a customer still seen is checked again when their time would run out; one gone for 10 minutes is closed as abandoned', async () => {
    const { ctx } = m;
    const { handoff, conversation } = await makeHandoff(ctx, { conversation: await makeConversation(ctx, { channel: 'web' }) });
    await noteCustomerSeen(ctx.db, conversation.id, m.clock.now());
    const seen = m.clock.now().getTime();

    m.clock.advance(4 * MIN);
    await detectAbandonment(ctx, handoff.id);
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('waiting');
    const recheck = (await m.jobs('abandonment-check')).find((j) => j.key === `abandonment-check:${handoff.id}:${seen + 10 * MIN}`);
    expect(recheck?.delaySeconds).toBe(6 * 60);

    m.clock.advance(6 * MIN);
    await detectAbandonment(ctx, handoff.id);
    const closed = (await getHandoff(ctx.db, handoff.id))!;
    expect(closed).toMatchObject({ status: 'abandoned', offeredAgentId: null });
    expect(closed.resolvedAt).toEqual(m.clock.now());
    expect((await getConversation(ctx.db, conversation.id))!.status).toBe('resolved');
    const notes = (await listMessages(ctx.db, conversation.id, { includePrivate: true })).filter((x) => x.action === 'abandoned');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ private: true, text: 'Closed as abandoned: the customer left the queue (not seen for 10 minutes).' });

    // A retried check does nothing more.
    await detectAbandonment(ctx, handoff.id);
    expect((await listMessages(ctx.db, conversation.id, { includePrivate: true })).filter((x) => x.action === 'abandoned')).toHaveLength(1);
  });

  it('never abandons a customer who waits by email, or one with a booked callback', async () => {
    const { ctx } = m;
    const byEmail = await makeHandoff(ctx, { conversation: await makeConversation(ctx, { channel: 'email' }) });
    const booked = await makeHandoff(ctx, { status: 'callback' });
    await noteCustomerSeen(ctx.db, byEmail.conversation.id, m.clock.now());
    m.clock.advance(60 * MIN);
    await detectAbandonment(ctx, byEmail.handoff.id);
    await detectAbandonment(ctx, booked.handoff.id);
    expect((await getHandoff(ctx.db, byEmail.handoff.id))!.status).toBe('waiting');
    expect((await getHandoff(ctx.db, booked.handoff.id))!.status).toBe('callback');
  });
});
