import { describe, expect, it } from 'vitest';
import type { Engine } from '@baton/core';
import { listMessages, listReplies } from '../adapters/db/repositories/conversations.repository.js';
import { loadKb } from '../adapters/files/load-kb.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeConversation } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { DEMO_KB } from '../test/test-server.js';
import { answerUnanswered } from './answer-unanswered.js';
import { ANSWER_GRACE_MS, postCustomerMessage } from './post-customer-message.js';

/** The engine of a node that dies after storing a message and before answering it. */
function dyingEngine(engine: Engine): Engine {
  return new Proxy(engine, {
    get: (target, key) =>
      key === 'decide'
        ? () => {
            throw new Error('the node stopped here');
          }
        : Reflect.get(target, key),
  });
}

describe.each(TEST_DATABASES)('answering messages a stopped node left unanswered, on %s', (kind) => {
  const m = useMediumContext(kind, { articles: loadKb(DEMO_KB) });

  /** A message stored and acknowledged, then the node dies before the AI answers it. */
  async function strandedMessage(text: string) {
    const { ctx } = m;
    const conv = await makeConversation(ctx);
    const engine = ctx.engine();
    ctx.setEngine(dyingEngine(engine), ctx.policyVersion());
    await expect(postCustomerMessage(ctx, conv.id, { text, clientMessageId: 'c-1' })).rejects.toThrow('the node stopped here');
    ctx.setEngine(engine, ctx.policyVersion());
    const [stored] = await listMessages(ctx.db, conv.id);
    expect(stored).toMatchObject({ text, authorKind: 'customer' });
    return { conv, message: stored! };
  }

  it('answers it once its grace has passed, once, however many sweeps run', async () => {
    const { ctx, clock } = m;
    const { message } = await strandedMessage('what are your opening hours');
    // Within the grace a live node may still be answering it: the sweep leaves it.
    clock.advance(ANSWER_GRACE_MS / 2);
    expect(await answerUnanswered(ctx)).toBe(0);
    clock.advance(ANSWER_GRACE_MS);
    expect(await answerUnanswered(ctx)).toBe(1);
    const replies = await listReplies(ctx.db, message.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ authorKind: 'ai', replyTo: message.id });
    // Two more sweeps (another node, the next minute), and the client's retry: no second answer.
    expect(await answerUnanswered(ctx)).toBe(0);
    expect(await answerUnanswered(ctx)).toBe(0);
    const retried = await postCustomerMessage(ctx, message.conversationId, { text: message.text, clientMessageId: 'c-1' });
    expect(retried.duplicate).toBe(true);
    expect(retried.replies.map((r) => r.id)).toEqual(replies.map((r) => r.id));
    expect(await listReplies(ctx.db, message.id)).toHaveLength(1);
  });

  it('leaves a message the customer has written past since: the answer to the later one covers it', async () => {
    const { ctx, clock } = m;
    const { conv, message } = await strandedMessage('where is my parcel');
    const later = await postCustomerMessage(ctx, conv.id, { text: 'how long does delivery take' });
    expect(later.replies).toHaveLength(1);
    clock.advance(ANSWER_GRACE_MS * 2);
    expect(await answerUnanswered(ctx)).toBe(0);
    expect(await listReplies(ctx.db, message.id)).toEqual([]);
  });
});
