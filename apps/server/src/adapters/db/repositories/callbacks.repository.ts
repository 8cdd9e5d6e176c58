import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { CallbackStatus, CallbackTable } from '../schema.js';

export type { CallbackStatus } from '../schema.js';

/** A row of `callbacks`: a callback or email reply booked for a customer. */
export type CallbackRecord = Selectable<CallbackTable>;

export async function insertCallback(tx: Sql, c: Omit<CallbackRecord, 'status' | 'attempts' | 'agentId'>): Promise<CallbackRecord> {
  return tx
    .insertInto('callbacks')
    .values({ ...c, status: 'scheduled' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCallback(db: Sql, id: string): Promise<CallbackRecord | null> {
  return (await db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Moves a callback from one status to another; false when it was no longer in `from`. */
export async function setCallbackStatus(tx: Sql, id: string, status: CallbackStatus, from: CallbackStatus): Promise<boolean> {
  const row = await tx.updateTable('callbacks').set({ status }).where('id', '=', id).where('status', '=', from).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function callbacksFor(db: Sql, conversationId: string): Promise<CallbackRecord[]> {
  return db.selectFrom('callbacks').selectAll().where('conversationId', '=', conversationId).orderBy('createdAt').execute();
}

/** The states in which a callback is still work for someone. */
export const OPEN_CALLBACK_STATUSES: CallbackStatus[] = ['scheduled', 'queued', 'calling', 'missed'];

/** The latest callback of each handoff, by handoff id. */
export async function latestCallbacks(db: Sql, handoffIds: string[]): Promise<Map<string, CallbackRecord>> {
  if (handoffIds.length === 0) return new Map();
  const rows = await db.selectFrom('callbacks').selectAll().where('handoffId', 'in', handoffIds).orderBy('createdAt').orderBy('id').execute();
  return new Map(rows.map((r) => [r.handoffId!, r]));
}

/**
 * For each conversation, the latest time a booked callback or email reply is due: its slot, or
 * `now` for one still open without a slot (an email reply). Cancelled bookings do not count.
 */
export async function callbackDueTimes(db: Sql, conversationIds: readonly string[], now: Date): Promise<Map<string, Date>> {
  if (!conversationIds.length) return new Map();
  const rows = await db.selectFrom('callbacks').select(['conversationId', 'scheduledFor', 'status']).where('conversationId', 'in', conversationIds).where('status', '!=', 'cancelled').execute();
  const due = new Map<string, Date>();
  for (const r of rows) {
    const at = r.scheduledFor ?? (OPEN_CALLBACK_STATUSES.includes(r.status) ? now : null);
    if (at && at > (due.get(r.conversationId) ?? new Date(0))) due.set(r.conversationId, at);
  }
  return due;
}

/** The callbacks still to be worked, soonest first; `teamIds` keeps those of these teams' handoffs (and those without a team). */
export async function listOpenCallbacks(db: Sql, opts: { teamIds?: string[]; limit?: number } = {}): Promise<CallbackRecord[]> {
  let q = db
    .selectFrom('callbacks')
    .innerJoin('handoffs', 'handoffs.id', 'callbacks.handoffId')
    .selectAll('callbacks')
    .where('callbacks.status', 'in', OPEN_CALLBACK_STATUSES);
  const teams = opts.teamIds;
  if (teams) q = q.where((eb) => (teams.length > 0 ? eb.or([eb('handoffs.teamId', 'in', teams), eb('handoffs.teamId', 'is', null)]) : eb('handoffs.teamId', 'is', null)));
  return q.orderBy('callbacks.scheduledFor').orderBy('callbacks.id').limit(Math.min(opts.limit ?? 200, 500)).execute();
}

/** A handoff's callback still open, locked for the rest of the transaction; null when it has none. */
export async function lockOpenCallback(tx: Sql, handoffId: string): Promise<CallbackRecord | null> {
  const row = await tx
    .selectFrom('callbacks')
    .selectAll()
    .where('handoffId', '=', handoffId)
    .where('status', 'in', OPEN_CALLBACK_STATUSES)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** Records what an agent did with a callback: its new state, the agent, the tries, a new time. */
export async function updateCallback(tx: Sql, id: string, patch: { status: CallbackStatus; agentId?: string | null; attempts?: number; scheduledFor?: Date }): Promise<CallbackRecord> {
  return tx.updateTable('callbacks').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
