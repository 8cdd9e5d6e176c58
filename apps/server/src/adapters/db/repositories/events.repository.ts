import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { EventTable } from '../schema.js';

/** Event names, one catalogue: realtime, webhooks and analytics all read these. */
export const EVENT_TYPES = [
  'conversation.created',
  'conversation.status_changed',
  'message.created',
  'handoff.requested',
  'handoff.offered',
  'handoff.accepted',
  'handoff.transferred',
  'handoff.handed_back',
  'handoff.resolved',
  'handoff.sla_breached',
  'handoff.brief_opened',
  'queue.position_updated',
  'agent.presence_changed',
  'csat.submitted',
  'policy.updated',
  'callback.scheduled',
  'callback.due',
  'callback.missed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A row of `events`: the log every listener, stream and webhook reads. */
export type EventRecord = Selectable<EventTable>;

export interface NewEvent {
  type: EventType;
  conversationId?: string | null;
  handoffId?: string | null;
  agentId?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends an event inside the caller's transaction. The sequence number comes from a one-row
 * counter, whose row lock holds other writers until this transaction commits: events therefore
 * become visible in sequence order, and a reader resuming "after N" never skips one.
 */
export async function appendEvent(tx: Sql, e: NewEvent): Promise<EventRecord> {
  const { seq } = await tx
    .updateTable('eventCounter')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return tx
    .insertInto('events')
    .values({ seq, type: e.type, conversationId: e.conversationId ?? null, handoffId: e.handoffId ?? null, agentId: e.agentId ?? null, payload: JSON.stringify(e.payload) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Events after `after`, oldest first; `conversationId` limits them to one conversation (a customer's view). */
export async function listEventsAfter(db: Sql, after: number, opts: { conversationId?: string; limit?: number } = {}): Promise<EventRecord[]> {
  let q = db.selectFrom('events').selectAll().where('seq', '>', after);
  if (opts.conversationId) q = q.where('conversationId', '=', opts.conversationId);
  return q.orderBy('seq').limit(Math.min(opts.limit ?? 500, 1000)).execute();
}

export async function lastEventSeq(db: Sql): Promise<number> {
  const row = await db.selectFrom('eventCounter').select('seq').where('id', '=', 1).executeTakeFirst();
  return row?.seq ?? 0;
}

export async function listEvents(db: Sql, filter: { from?: Date; to?: Date; types?: EventType[] }): Promise<EventRecord[]> {
  if (filter.types && !filter.types.length) return [];
  let q = db.selectFrom('events').selectAll();
  if (filter.from) q = q.where('createdAt', '>=', filter.from);
  if (filter.to) q = q.where('createdAt', '<', filter.to);
  if (filter.types) q = q.where('type', 'in', filter.types);
  return q.orderBy('seq').execute();
}

/** Whether an event of this type was already recorded for the handoff (a job that raises it once). */
export async function hasHandoffEvent(db: Sql, type: EventType, handoffId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('events').select('seq').where('type', '=', type).where('handoffId', '=', handoffId).executeTakeFirst());
}
