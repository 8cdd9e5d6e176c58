import type { TDeliveryStatus } from '@baton/contracts';
import type { Sql } from '../db/database.js';

/** A row of `deliveries`: one per (endpoint, event), with the rendered payload and its attempts. */
export interface DeliveryRecord {
  id: string;
  endpointId: string;
  eventSeq: number;
  eventType: string;
  status: TDeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  deliveredAt: Date | null;
}

/**
 * Stores a pending delivery unless this endpoint already has one for this event (the unique
 * (endpoint_id, event_seq)), so a listener that runs an event twice queues it once. Returns the
 * new row, or null when it existed.
 */
export async function insertDelivery(
  tx: Sql,
  d: { id: string; endpointId: string; eventSeq: number; eventType: string; payload: Record<string, unknown>; at: Date },
): Promise<DeliveryRecord | null> {
  const rows = await tx.query(
    `insert into deliveries (id, endpoint_id, event_seq, event_type, status, attempts, next_attempt_at, payload, created_at)
     values ($1, $2, $3, $4, 'pending', 0, $5, $6, $5)
     on conflict (endpoint_id, event_seq) do nothing returning *`,
    [d.id, d.endpointId, d.eventSeq, d.eventType, d.at, JSON.stringify(d.payload)],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

export async function getDelivery(db: Sql, id: string): Promise<DeliveryRecord | null> {
  const rows = await db.query('select * from deliveries where id = $1', [id]);
  return rows[0] ? toDelivery(rows[0]) : null;
}

/** The log, newest first. */
export async function listDeliveries(db: Sql, filter: { status?: TDeliveryStatus; endpointId?: string; limit?: number } = {}): Promise<DeliveryRecord[]> {
  const rows = await db.query(
    `select * from deliveries where ($1::text is null or status = $1) and ($2::text is null or endpoint_id = $2)
     order by created_at desc, event_seq desc limit $3`,
    [filter.status ?? null, filter.endpointId ?? null, Math.min(filter.limit ?? 100, 500)],
  );
  return rows.map(toDelivery);
}

/** Deliveries still waiting for their first attempt, for the given events. */
export async function newDeliveriesFor(db: Sql, eventSeqs: number[]): Promise<DeliveryRecord[]> {
  if (!eventSeqs.length) return [];
  const rows = await db.query(`select * from deliveries where event_seq = any($1::bigint[]) and status = 'pending' and attempts = 0 order by event_seq`, [eventSeqs]);
  return rows.map(toDelivery);
}

/** Pending or failed deliveries whose next attempt is older than `before`: their job was lost (a crash between commit and scheduling). */
export async function overdueDeliveries(db: Sql, before: Date, limit = 500): Promise<DeliveryRecord[]> {
  const rows = await db.query(`select * from deliveries where status in ('pending', 'failed') and next_attempt_at < $1 order by next_attempt_at limit $2`, [before, limit]);
  return rows.map(toDelivery);
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
  const rows = await tx.query(
    `update deliveries set attempts = attempts + 1, status = $3, last_status = $4, last_error = $5, next_attempt_at = $6, delivered_at = coalesce($7, delivered_at)
     where id = $1 and attempts = $2 and status in ('pending', 'failed') returning *`,
    [id, expectedAttempts, r.status, r.lastStatus, r.lastError, r.nextAttemptAt, r.deliveredAt],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

/** Puts a dead (or delivered) delivery back in the queue for a fresh series of attempts. */
export async function requeueDelivery(tx: Sql, id: string, at: Date): Promise<DeliveryRecord | null> {
  const rows = await tx.query(
    `update deliveries set status = 'pending', attempts = 0, next_attempt_at = $2, delivered_at = null where id = $1 and status in ('dead', 'delivered') returning *`,
    [id, at],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

function toDelivery(r: Record<string, unknown>): DeliveryRecord {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));
  return {
    id: r.id as string,
    endpointId: r.endpoint_id as string,
    eventSeq: Number(r.event_seq),
    eventType: r.event_type as string,
    status: r.status as TDeliveryStatus,
    attempts: Number(r.attempts),
    lastStatus: r.last_status === null || r.last_status === undefined ? null : Number(r.last_status),
    lastError: (r.last_error as string | null) ?? null,
    nextAttemptAt: date(r.next_attempt_at),
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    createdAt: new Date(r.created_at as string | Date),
    deliveredAt: date(r.delivered_at),
  };
}
