import { IllegalTransitionError } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../adapters/db/database.js';
import { migrate } from '../adapters/db/migrations.js';
import { openPgliteDatabase } from '../adapters/db/pglite-database.js';
import { openPostgresDatabase } from '../adapters/db/postgres-database.js';
import { getConversation, insertConversation } from '../adapters/db/repositories/conversations.repository.js';
import { appendEvent, listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff, latestHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { freshPostgres, TEST_DATABASES } from '../test/databases.js';
import { FakeClock } from '../test/fakes.js';
import * as lifecycle from './conversation-lifecycle.js';
import type { InTransaction } from './conversation-lifecycle.js';

/** The lifecycle owner on its own: each edge writes both rows and announces itself; an illegal one writes nothing. */
describe.each(TEST_DATABASES)('the conversation lifecycle on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | null = null;
  let n = 0;
  const clock = new FakeClock('2026-03-02T10:00:00Z');
  const agent = { id: 'ag-1', email: 'a@example.com', name: 'Ada Agent', role: 'agent' as const, passwordHash: 'x', capacity: 3, presence: 'online' as const, skills: [], teamIds: [], lastAssignedAt: null, disabledAt: null, sessionSeenAt: null, createdAt: clock.now() };
  const inTx = <T>(fn: (t: InTransaction) => Promise<T>) => db.transaction().execute((tx) => fn({ tx, emit: (e) => appendEvent(tx, e, clock.now()) }));
  const newConversation = () => db.transaction().execute((tx) => insertConversation(tx, { id: `c-${(n += 1)}`, customerId: null, customerName: null, customerEmail: null, channel: 'web', language: 'en', tokenHash: `t-${n}`, at: clock.now() }));
  const newHandoff = (conversationId: string) => ({
    id: `h-${conversationId}`,
    conversationId,
    priority: 'medium' as const,
    reasons: [{ code: 'customer_request', detail: 'asked for a person' }],
    teamId: null,
    offeredAgentId: null,
    brief: { caseNumber: 'C-1' } as never,
    waitEstimateMinutes: null,
    slaDueAt: new Date(clock.now().getTime() + 3_600_000),
    at: clock.now(),
  });

  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await freshPostgres();
      drop = pg.drop;
      db = await openPostgresDatabase(pg.url);
    } else db = await openPgliteDatabase(null);
    await migrate(db, () => {}, { clock: clock.now });
    await db.insertInto('agents').values({ id: agent.id, email: agent.email, name: agent.name, role: 'agent', passwordHash: 'x', createdAt: clock.now() }).execute();
  });

  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('escalates, accepts and resolves: both rows move together and each edge is announced, handoff event first', async () => {
    const c = await newConversation();
    const after = (await listEventsAfter(db, 0, { limit: 1000 })).at(-1)?.seq ?? 0;
    const { handoff } = await inTx((t) => lifecycle.escalate(t, newHandoff(c.id)));
    expect([(await getConversation(db, c.id))!.status, handoff.status]).toEqual(['waiting', 'waiting']);
    await inTx((t) => lifecycle.accept(t, handoff.id, agent, clock.now(), 'Support'));
    expect((await getConversation(db, c.id))!).toMatchObject({ status: 'assigned', assignedAgentId: agent.id });
    const h = (await getHandoff(db, handoff.id))!;
    await inTx((t) => lifecycle.resolve(t, h, agent, { category: 'orders', outcome: 'solved', verdict: 'needed' }, clock.now()));
    expect([(await getConversation(db, c.id))!.status, (await getHandoff(db, handoff.id))!.status]).toEqual(['resolved', 'resolved']);
    const events = (await listEventsAfter(db, after, { conversationId: c.id })).map((e) => (e.type === 'conversation.status_changed' ? `${e.type}:${String(e.payload.cause)}` : e.type));
    expect(events).toEqual(['conversation.status_changed:escalated', 'handoff.accepted', 'conversation.status_changed:accepted', 'handoff.resolved', 'conversation.status_changed:resolved']);
  });

  it('refuses an edge that does not exist, and writes nothing', async () => {
    const c = await newConversation();
    // The table itself, not the log's readers: they read below a horizon that another database's
    // transaction on a shared server can hold back for a moment.
    const eventCount = async () => Number((await db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await eventCount();
    await expect(inTx((t) => lifecycle.reopen(t, c.id, clock.now()))).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await getConversation(db, c.id))!.status).toBe('ai');
    expect(await eventCount()).toBe(before);
  });

  it('lets one of two accepts through', async () => {
    const c = await newConversation();
    const { handoff } = await inTx((t) => lifecycle.escalate(t, newHandoff(c.id)));
    await inTx((t) => lifecycle.accept(t, handoff.id, agent, clock.now(), 'Support'));
    await expect(inTx((t) => lifecycle.accept(t, handoff.id, agent, clock.now(), 'Support'))).rejects.toMatchObject({ code: 'HANDOFF_ERR_ALREADY_ACCEPTED' });
  });

  it('keeps a conversation\'s handoffs in the order they came, on a clock that stands still', async () => {
    const c = await newConversation();
    const first = (await inTx((t) => lifecycle.escalate(t, newHandoff(c.id)))).handoff;
    await inTx((t) => lifecycle.accept(t, first.id, agent, clock.now(), 'Support'));
    await inTx(async (t) => lifecycle.resolve(t, (await getHandoff(t.tx, first.id))!, agent, { category: 'orders', outcome: 'solved', verdict: 'needed' }, clock.now()));
    await inTx((t) => lifecycle.reopen(t, c.id, clock.now()));
    const second = (await inTx((t) => lifecycle.escalate(t, { ...newHandoff(c.id), id: `h2-${c.id}` }))).handoff;
    expect(second.createdAt.getTime()).toBe(first.createdAt.getTime() + 1);
    expect((await latestHandoffFor(db, c.id))!.id).toBe(second.id);
  });
});
