import { createEngine, resolvePolicy } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { getConversation, hasDecision, listMessages, setConversationStatus } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { storeAiReply } from '../adapters/db/repositories/message-statements.repository.js';
import { listOverdueAnswers } from '../adapters/db/repositories/pending-answers.repository.js';
import { loadKb } from '../adapters/files/load-kb.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeConversation, makeCustomer, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { DEMO_KB } from '../test/test-server.js';
import { ANSWER_GRACE_MS, postCustomerMessage } from './post-customer-message.js';
import { wireMessage } from './wire.js';

describe.each(TEST_DATABASES)('postCustomerMessage on %s', (kind) => {
  const articles = loadKb(DEMO_KB);
  const m = useMediumContext(kind, { articles });

  it('the offer of a choice quotes the wait of the team the handoff would go to, whatever the teams are called', async () => {
    const { ctx } = m;
    ctx.setEngine(createEngine({ policy: resolvePolicy({ customerRequest: { offerChoiceForSimple: true } }), articles }), 1);
    // The default team's one agent is busy; another team has a free agent, whose slot is not this customer's.
    const frontline = await makeTeam(ctx, { name: 'Frontline', isDefault: true });
    const billing = await makeTeam(ctx, { name: 'Billing', skills: [{ kind: 'category', value: 'billing', proficiency: 5 }] });
    await makeAgent(ctx, { teams: [frontline], capacity: 0 });
    await makeAgent(ctx, { teams: [billing] });
    const conv = await makeConversation(ctx);

    expect((await postCustomerMessage(ctx, conv.id, { text: 'how do I reset my password' })).replies[0]!.action).toBe('answer');
    const { replies } = await postCustomerMessage(ctx, conv.id, { text: 'can I talk to a person about it' });
    expect(replies[0]!.action).toBe('offer_choice');
    // First in Frontline's queue, no spare slot, one agent, no history: the default handle time.
    expect(replies[0]!.text).toContain(`expected reply: about ${ctx.config.defaultHandleMinutes} minutes`);
  });

  it('a message and its answer are stored with events that carry each as clients see it, the message owed an answer until decided', async () => {
    const { ctx, clock } = m;
    const conv = await makeConversation(ctx, { customer: await makeCustomer(ctx, { name: 'Ana Lima' }) });
    const { message, replies, duplicate } = await postCustomerMessage(ctx, conv.id, { text: 'how do I cancel my order', clientMessageId: 'c-1' });
    expect(duplicate).toBe(false);
    expect(message).toMatchObject({ seq: 1, authorKind: 'customer', authorName: 'Ana Lima', clientMessageId: 'c-1' });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ seq: 2, authorKind: 'ai', replyTo: message.id });
    const stored = await listMessages(ctx.db, conv.id);
    expect(stored).toEqual([message, ...replies]);
    const events = (await listEventsAfter(ctx.db, 0, { conversationId: conv.id })).filter((e) => e.type === 'message.created');
    expect(events.map((e) => e.payload)).toEqual(stored.map((s) => ({ message: wireMessage(s) })));
    expect(events[0]!.seq).toBeLessThan(events[1]!.seq);
    expect((await getConversation(ctx.db, conv.id))!.lastSeq).toBe(2);
    // Decided: the debt is settled, and the sweep finds nothing to answer.
    clock.advance(ANSWER_GRACE_MS + 1000);
    expect(await listOverdueAnswers(ctx.db, clock.now(), 10)).toEqual([]);
  });

  it('one message sent twice at once (a double click) is stored and answered once', async () => {
    const { ctx } = m;
    const conv = await makeConversation(ctx);
    const both = await Promise.all([1, 2].map(() => postCustomerMessage(ctx, conv.id, { text: 'where is my parcel', clientMessageId: 'twice' })));
    expect(both.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(both[0]!.message.id).toBe(both[1]!.message.id);
    const stored = await listMessages(ctx.db, conv.id);
    expect(stored.map((s) => s.authorKind)).toEqual(['customer', 'ai']);
    expect((await getConversation(ctx.db, conv.id))!.lastSeq).toBe(2);
  });

  it('an answer to a message decided already, or to a conversation a person took, writes nothing', async () => {
    const { ctx } = m;
    const conv = await makeConversation(ctx);
    const { message, replies } = await postCustomerMessage(ctx, conv.id, { text: 'how do I cancel my order' });
    const again = { id: ctx.newId(), conversationId: conv.id, replyTo: message.id, text: 'A second answer', articleId: null, action: 'answer', decision: { action: 'answer' }, at: ctx.clock(), wire: wireMessage };
    expect(await storeAiReply(ctx.db, again)).toEqual({ kind: 'answered' });
    const other = await postCustomerMessage(ctx, conv.id, { text: 'where is my parcel' }, { respond: false });
    await setConversationStatus(ctx.db, conv.id, { status: 'assigned' }, ctx.clock());
    expect(await storeAiReply(ctx.db, { ...again, replyTo: other.message.id })).toEqual({ kind: 'not-ai' });
    expect(await listMessages(ctx.db, conv.id)).toEqual([message, ...replies, other.message]);
    expect((await getConversation(ctx.db, conv.id))!.lastSeq).toBe(3);
    expect(await hasDecision(ctx.db, other.message.id)).toBe(false);
  });
});
