import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { DeadLetterTable } from '../schema.js';

export type DeadLetterRecord = Selectable<DeadLetterTable>;
export type DeadLetterStatus = DeadLetterTable['status'];

/** The failures on record for one listener among events `from`..`to`, by event sequence number. */
export async function failuresBetween(tx: Sql, listener: string, from: number, to: number): Promise<Map<number, DeadLetterRecord>> {
  const rows = await tx.selectFrom('deadLetters').selectAll().where('listener', '=', listener).where('eventSeq', '>=', from).where('eventSeq', '<=', to).execute();
  return new Map(rows.map((r) => [Number(r.eventSeq), r]));
}

/** A dead letter by id, locked for the caller's transaction (a replay), or null. */
export async function lockDeadLetter(tx: Sql, id: string): Promise<DeadLetterRecord | null> {
  return (await tx.selectFrom('deadLetters').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function getDeadLetter(db: Sql, id: string): Promise<DeadLetterRecord | null> {
  return (await db.selectFrom('deadLetters').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * Records one more failed try of an event: the first creates the row, later ones count up. With
 * `dead`, the event is set aside; otherwise it is retried at `nextAttemptAt`.
 */
export async function recordListenerFailure(tx: Sql, f: { id: string; listener: string; eventSeq: number; eventType: string; error: string; at: Date; nextAttemptAt: Date | null; dead: boolean }): Promise<DeadLetterRecord> {
  const status: DeadLetterStatus = f.dead ? 'dead' : 'retrying';
  return tx
    .insertInto('deadLetters')
    .values({ id: f.id, listener: f.listener, eventSeq: f.eventSeq, eventType: f.eventType, status, attempts: 1, lastError: f.error, nextAttemptAt: f.nextAttemptAt, failedAt: f.at, deadAt: f.dead ? f.at : null, replayedAt: null })
    .onConflict((oc) =>
      oc.columns(['listener', 'eventSeq']).doUpdateSet((eb) => ({
        status,
        attempts: eb('deadLetters.attempts', '+', 1),
        lastError: f.error,
        nextAttemptAt: f.nextAttemptAt,
        deadAt: f.dead ? f.at : null,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Forgets a failure once a retry succeeded: only dead letters are kept for the record. */
export async function clearRetryingFailure(tx: Sql, listener: string, eventSeq: number): Promise<void> {
  await tx.deleteFrom('deadLetters').where('listener', '=', listener).where('eventSeq', '=', eventSeq).where('status', '=', 'retrying').execute();
}

/** A replay's outcome: `replayed`, or still dead with the new error and one more attempt. */
export async function markReplay(db: Sql, id: string, outcome: { ok: true; at: Date } | { ok: false; error: string }): Promise<DeadLetterRecord | null> {
  const q = db.updateTable('deadLetters').where('id', '=', id);
  const row = outcome.ok
    ? await q.set({ status: 'replayed', replayedAt: outcome.at }).returningAll().executeTakeFirst()
    : await q.set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: outcome.error })).returningAll().executeTakeFirst();
  return row ?? null;
}

/** Dead letters (and failures being retried) for the admin view, newest first. */
export async function listDeadLetters(db: Sql, opts: { status?: DeadLetterStatus; listener?: string; limit?: number } = {}): Promise<DeadLetterRecord[]> {
  let q = db.selectFrom('deadLetters').selectAll();
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.listener) q = q.where('listener', '=', opts.listener);
  return q.orderBy('failedAt', 'desc').orderBy('eventSeq', 'desc').limit(Math.min(opts.limit ?? 200, 1000)).execute();
}

/** Counts by listener and status, for Prometheus. */
export async function countDeadLetters(db: Sql): Promise<{ listener: string; status: DeadLetterStatus; n: number }[]> {
  const rows = await db.selectFrom('deadLetters').select(['listener', 'status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['listener', 'status']).execute();
  return rows.map((r) => ({ listener: r.listener, status: r.status, n: Number(r.n) }));
}
