import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { lastEventSeq, listEventsAfter, readEventLog } from '../adapters/db/repositories/events.repository.js';
import { explainPlan, seedHistory } from '../adapters/db/query-plans.js';
import { loadKb } from '../adapters/files/load-kb.js';
import { authenticateCustomer } from '../app/agent-auth.js';
import { answerUnanswered } from '../app/answer-unanswered.js';
import { postCustomerMessage } from '../app/post-customer-message.js';
import { TEST_DATABASES } from './databases.js';
import { makeAgent, makeConversation, makeTeam } from './factories.js';
import type { MediumContext } from './medium-context.js';
import { createMediumContext } from './medium-context.js';
import { DEMO_KB } from './test-server.js';

/**
 * Tables that grow with every conversation: a sequential scan of one makes each message cost more
 * as history piles up. (`pending_answers` does not: the sweep empties it every minute.)
 */
const GROWING = new Set(['messages', 'events', 'decisions', 'conversations', 'handoffs', 'quality_flags', 'email_threads', 'email_outbox', 'deliveries', 'csat', 'callbacks', 'dead_letters', 'verification_codes', 'sessions']);
const CONTROL = /^(begin|commit|rollback|savepoint|release|analyze|select 1$)/i;

// The message path, run on a database holding a history, with every statement it sends explained:
// none may read a growing table from end to end. (Speed itself is measured by `npm run bench`.)
describe.each(TEST_DATABASES)('the message path on a database with history, on %s', (kind) => {
  const statements = new Map<string, readonly unknown[]>();
  let recording = false;
  let m: MediumContext;
  beforeAll(async () => {
    m = await createMediumContext(kind, {
      articles: loadKb(DEMO_KB),
      onQuery: (text, parameters) => {
        if (recording && !CONTROL.test(text.trim())) statements.set(text, parameters);
      },
    });
    await seedHistory(m.ctx.db, { conversations: 3000, messagesEach: 10, tag: 'plans', now: m.ctx.clock() });
  }, 120_000);
  afterAll(async () => {
    await m?.close();
  });

  it('uses an index for every lookup on a growing table: ingest, answer, retry, handoff, stream, history, sweep', async () => {
    const { ctx, clock } = m;
    const team = await makeTeam(ctx, { name: 'Support', isDefault: true });
    await makeAgent(ctx, { teams: [team] });
    const conv = await makeConversation(ctx);
    recording = true;
    await authenticateCustomer(ctx, 'a-token-nobody-has');
    const first = await postCustomerMessage(ctx, conv.id, { text: 'how do I cancel my order', clientMessageId: 'm-1' });
    expect(first.replies).toHaveLength(1);
    expect((await postCustomerMessage(ctx, conv.id, { text: 'how do I cancel my order', clientMessageId: 'm-1' })).duplicate).toBe(true);
    const handoff = await postCustomerMessage(ctx, conv.id, { text: 'This is useless, I want to speak to a real person now' });
    expect(handoff.replies.length).toBeGreaterThan(0);
    const after = await lastEventSeq(ctx.db);
    await readEventLog(ctx.db, after - 1, 500);
    await readEventLog(ctx.db, 0, 200, { conversationId: conv.id });
    await listEventsAfter(ctx.db, 0, { conversationId: conv.id });
    await listMessages(ctx.db, conv.id, { after: 1 });
    clock.advance(60_000);
    await answerUnanswered(ctx);
    recording = false;

    expect(statements.size).toBeGreaterThan(15);
    const scans: string[] = [];
    for (const [text, parameters] of statements) {
      const plan = await explainPlan(ctx.db, text, parameters);
      for (const step of plan) if (step.nodeType === 'Seq Scan' && step.relation && GROWING.has(step.relation)) scans.push(`${step.relation}: ${text}`);
    }
    expect(scans).toEqual([]);
  }, 120_000);
});
