import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { EventTable } from '../schema.js';
import type { TEventName, TEventPayload } from '@baton/contracts';
import { jsonColumn } from '../json-column.js';

/** An event name: one of `EVENT_NAMES`, the catalogue in `@baton/contracts`. */
export type EventType = TEventName;

type EventRow = Selectable<EventTable>;

/**
 * A row of `events`, the log every listener, stream and webhook reads, its payload typed by its
 * name (`EventMap` in `@baton/contracts`): narrowing `type` narrows `payload`.
 */
export type EventRecord<N extends TEventName = TEventName> = {
  [K in N]: Omit<EventRow, 'type' | 'payload'> & { type: K; payload: TEventPayload<K> };
}[N];

/** An event to append; `emit` infers `N` from `type`, so a payload of the wrong shape does not compile. */
export interface NewEvent<N extends TEventName = TEventName> {
  type: N;
  conversationId?: string | null;
  handoffId?: string | null;
  agentId?: string | null;
  payload: TEventPayload<N>;
}

/**
 * The one place a stored row becomes a typed event. Every row was written by `appendEvent`, which
 * only takes a `NewEvent` typed by the same map, so the payload matches its name.
 */
function typed<N extends TEventName = TEventName>(row: EventRow): EventRecord<N> {
  return row as unknown as EventRecord<N>;
}

/**
 * Appends an event inside the caller's transaction. The sequence number comes from a one-row
 * counter, whose row lock holds other writers until this transaction commits: events therefore
 * become visible in sequence order, and a reader resuming "after N" never skips one.
 */
export async function appendEvent<N extends TEventName>(tx: Sql, e: NewEvent<N>): Promise<EventRecord<N>> {
  const { seq } = await tx
    .updateTable('eventCounter')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('events')
    .values({ seq, type: e.type, conversationId: e.conversationId ?? null, handoffId: e.handoffId ?? null, agentId: e.agentId ?? null, payload: jsonColumn(e.payload) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return typed<N>(row);
}

/** Events after `after`, oldest first; `conversationId` limits them to one conversation (a customer's view). */
export async function listEventsAfter(db: Sql, after: number, opts: { conversationId?: string; limit?: number } = {}): Promise<EventRecord[]> {
  let q = db.selectFrom('events').selectAll().where('seq', '>', after);
  if (opts.conversationId) q = q.where('conversationId', '=', opts.conversationId);
  return (await q.orderBy('seq').limit(Math.min(opts.limit ?? 500, 1000)).execute()).map((r) => typed(r));
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
  return (await q.orderBy('seq').execute()).map((r) => typed(r));
}

/** Whether an event of this type was already recorded for the handoff (a job that raises it once). */
export async function hasHandoffEvent(db: Sql, type: EventType, handoffId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('events').select('seq').where('type', '=', type).where('handoffId', '=', handoffId).executeTakeFirst());
}
