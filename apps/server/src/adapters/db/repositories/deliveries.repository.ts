import type { TDeliveryStatus } from '@baton/contracts';
import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { DeliveryTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

/** A row of `deliveries`: one per (endpoint, event), with the rendered payload and its attempts. */
export type DeliveryRecord = Selectable<DeliveryTable>;

/**
 * Stores a pending delivery unless this endpoint already has one for this event (the unique
 * (endpoint_id, event_seq)), so a listener that runs an event twice queues it once. Returns the
 * new row, or null when it existed.
 */
export async function insertDelivery(
  tx: Sql,
  d: { id: string; endpointId: string; eventSeq: number; eventType: string; payload: Record<string, unknown>; at: Date },
): Promise<DeliveryRecord | null> {
  const row = await tx
    .insertInto('deliveries')
    .values({ id: d.id, endpointId: d.endpointId, eventSeq: d.eventSeq, eventType: d.eventType, status: 'pending', attempts: 0, nextAttemptAt: d.at, payload: jsonColumn(d.payload), createdAt: d.at })
    .onConflict((oc) => oc.columns(['endpointId', 'eventSeq']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function getDelivery(db: Sql, id: string): Promise<DeliveryRecord | null> {
  return (await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The log, newest first. */
export async function listDeliveries(db: Sql, filter: { status?: TDeliveryStatus; endpointId?: string; limit?: number } = {}): Promise<DeliveryRecord[]> {
  let q = db.selectFrom('deliveries').selectAll();
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.endpointId !== undefined) q = q.where('endpointId', '=', filter.endpointId);
  return q.orderBy('createdAt', 'desc').orderBy('eventSeq', 'desc').limit(Math.min(filter.limit ?? 100, 500)).execute();
}

/** Deliveries still waiting for their first attempt, for the given events. */
export async function newDeliveriesFor(db: Sql, eventSeqs: number[]): Promise<DeliveryRecord[]> {
  if (!eventSeqs.length) return [];
  return db.selectFrom('deliveries').selectAll().where('eventSeq', 'in', eventSeqs).where('status', '=', 'pending').where('attempts', '=', 0).orderBy('eventSeq').execute();
}

/** Pending or failed deliveries whose next attempt is older than `before`: their job was lost (a crash between commit and scheduling). */
export async function overdueDeliveries(db: Sql, before: Date, limit = 500): Promise<DeliveryRecord[]> {
  return db.selectFrom('deliveries').selectAll().where('status', 'in', ['pending', 'failed']).where('nextAttemptAt', '<', before).orderBy('nextAttemptAt').limit(limit).execute();
}

/**
 * Records the outcome of attempt number `attempts + 1`, only if no other worker recorded it
 * first (the conditional `attempts = $expected`). Returns the row, or null when it lost.
 */
export async function recordAttempt(
  tx: Sql,
  id: string,
  expectedAttempts: number,
  r: { status: TDeliveryStatus; lastStatus: number | null; lastError: string | null; nextAttemptAt: Date | null; deliveredAt: Date | null },
): Promise<DeliveryRecord | null> {
  const row = await tx
    .updateTable('deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: r.status,
      lastStatus: r.lastStatus,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      deliveredAt: eb.fn.coalesce(eb.val(r.deliveredAt), 'deliveredAt'),
    }))
    .where('id', '=', id)
    .where('attempts', '=', expectedAttempts)
    .where('status', 'in', ['pending', 'failed'])
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Puts a dead (or delivered) delivery back in the queue for a fresh series of attempts. */
export async function requeueDelivery(tx: Sql, id: string, at: Date): Promise<DeliveryRecord | null> {
  const row = await tx
    .updateTable('deliveries')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at, deliveredAt: null })
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'delivered'])
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
