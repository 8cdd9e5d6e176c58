import type { Brief, Priority } from '@baton/core';
import type { ExpressionBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { DB, HandoffReason, HandoffStatus, HandoffTable, Resolution } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export type { HandoffReason, HandoffStatus, Resolution } from '../schema.js';

/** A row of `handoffs`. */
export type HandoffRecord = Selectable<HandoffTable>;

const OPEN: HandoffStatus[] = ['waiting', 'assigned', 'callback'];

/** A handoff to store: it starts out waiting. */
export interface NewHandoff {
  id: string;
  conversationId: string;
  priority: Priority;
  reasons: HandoffReason[];
  teamId: string | null;
  offeredAgentId: string | null;
  brief: Brief;
  waitEstimateMinutes: number | null;
  slaDueAt: Date;
  /** When it is requested: its `createdAt` and the start of its time in the queue. */
  at: Date;
}

/**
 * Stores a new, waiting handoff: only the lifecycle (app/conversation-lifecycle.ts) calls this.
 * Its `createdAt` orders the conversation's handoffs (the latest is the one in force), so one
 * created in the same millisecond as the conversation's latest (or on a clock that stands
 * still) is put a millisecond after it.
 */
export async function insertHandoff(tx: Sql, h: NewHandoff): Promise<HandoffRecord> {
  return tx
    .insertInto('handoffs')
    .values({
      id: h.id,
      conversationId: h.conversationId,
      status: 'waiting',
      priority: h.priority,
      reasons: jsonColumn(h.reasons),
      teamId: h.teamId,
      offeredAgentId: h.offeredAgentId,
      brief: jsonColumn(h.brief),
      waitEstimateMinutes: h.waitEstimateMinutes,
      slaDueAt: h.slaDueAt,
      createdAt: sql<Date>`greatest(${h.at}::timestamptz, (select max(created_at) + interval '1 millisecond' from handoffs where conversation_id = ${h.conversationId}))`,
      queuedAt: h.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A handoff; `forUpdate` locks its row for the rest of the transaction. */
export async function getHandoff(db: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<HandoffRecord | null> {
  let q = db.selectFrom('handoffs').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export async function openHandoffFor(db: Sql, conversationId: string): Promise<HandoffRecord | null> {
  return (await db.selectFrom('handoffs').selectAll().where('conversationId', '=', conversationId).where('status', 'in', OPEN).executeTakeFirst()) ?? null;
}

export async function latestHandoffFor(db: Sql, conversationId: string): Promise<HandoffRecord | null> {
  return (await db.selectFrom('handoffs').selectAll().where('conversationId', '=', conversationId).orderBy('createdAt', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/** The handoff in force at `at` in a conversation: requested before it, not resolved by then. */
export async function handoffInForceAt(db: Sql, conversationId: string, at: Date): Promise<HandoffRecord | null> {
  return (
    (await db
      .selectFrom('handoffs')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .where('createdAt', '<', at)
      .where((eb) => eb.or([eb('resolvedAt', 'is', null), eb('resolvedAt', '>', at)]))
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Accepts a waiting handoff for one agent, atomically: the conditional update lets exactly one of
 * two simultaneous accepts through; the other gets null and reports the conflict.
 */
export async function claimHandoff(tx: Sql, id: string, agentId: string, at: Date, from: HandoffStatus[] = ['waiting']): Promise<HandoffRecord | null> {
  const row = await tx
    .updateTable('handoffs')
    .set((eb) => ({ status: 'assigned', agentId, acceptedAt: eb.fn.coalesce('acceptedAt', eb.val(at)) }))
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Writes what a handoff records besides its status (timestamps, the offer, the estimate). */
export async function updateHandoff(
  tx: Sql,
  id: string,
  patch: Partial<{
    offeredAgentId: string | null;
    firstHumanReplyAt: Date;
    briefOpenedAt: Date;
    waitEstimateMinutes: number | null;
    slaDueAt: Date;
    priority: Priority;
    queuedAt: Date;
    queuePosition: number | null;
    queueToldAt: Date | null;
    queueCheckedAt: Date | null;
    callbackOfferedAt: Date | null;
  }>,
): Promise<HandoffRecord> {
  // Keys left undefined are not written.
  return tx.updateTable('handoffs').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Withdraws every waiting offer made to an agent (their account was disabled): routing offers them to someone else. */
export async function withdrawOffersTo(tx: Sql, agentId: string): Promise<void> {
  await tx.updateTable('handoffs').set({ offeredAgentId: null }).where('offeredAgentId', '=', agentId).where('status', '=', 'waiting').execute();
}

/**
 * Writes a handoff's status, with what changes with it: only the lifecycle
 * (app/conversation-lifecycle.ts) calls this.
 */
export async function setHandoffStatus(
  tx: Sql,
  id: string,
  change: { status: HandoffStatus } & Partial<{ teamId: string | null; offeredAgentId: string | null; agentId: string | null; resolvedAt: Date; resolution: Resolution; slaDueAt: Date }>,
): Promise<HandoffRecord> {
  // Keys left undefined are not written.
  const { resolution, ...rest } = change;
  return tx
    .updateTable('handoffs')
    .set({ ...rest, ...(resolution !== undefined ? { resolution: jsonColumn(resolution) } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Several handoffs by id, in no particular order. */
export async function getHandoffs(db: Sql, ids: string[]): Promise<HandoffRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('handoffs').selectAll().where('id', 'in', ids).execute();
}

/** Queue order: priority, then SLA deadline, then age. */
const priorityRank = (eb: ExpressionBuilder<DB, 'handoffs'>) =>
  eb.case('priority').when('critical').then(0).when('high').then(1).when('medium').then(2).else(3).end();

/** Handoffs in queue order: priority, then SLA deadline, then age. */
export async function listHandoffs(db: Sql, filter: { status?: HandoffStatus; teamId?: string; agentId?: string; offeredAgentId?: string; limit?: number } = {}): Promise<HandoffRecord[]> {
  let q = db.selectFrom('handoffs').selectAll();
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.teamId !== undefined) q = q.where('teamId', '=', filter.teamId);
  if (filter.agentId !== undefined) q = q.where('agentId', '=', filter.agentId);
  if (filter.offeredAgentId !== undefined) q = q.where('offeredAgentId', '=', filter.offeredAgentId);
  return q
    .orderBy(priorityRank)
    .orderBy('slaDueAt')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(Math.min(filter.limit ?? 200, 1000))
    .execute();
}

/** Recent handle times (accept to resolve) in minutes, newest first, for wait estimates. */
export async function recentHandleMinutes(db: Sql, teamId: string | null, limit = 20): Promise<number[]> {
  let q = db
    .selectFrom('handoffs')
    // `extract` returns a numeric, which the drivers read as a string.
    .select((eb) => sql<string>`extract(epoch from (${eb.ref('resolvedAt')} - ${eb.ref('acceptedAt')})) / 60`.as('minutes'))
    .where('status', '=', 'resolved')
    .where('acceptedAt', 'is not', null)
    .where('resolvedAt', 'is not', null);
  if (teamId !== null) q = q.where('teamId', '=', teamId);
  const rows = await q.orderBy('resolvedAt', 'desc').limit(limit).execute();
  return rows.map((r) => Number(r.minutes)).filter((m) => Number.isFinite(m) && m >= 0);
}
