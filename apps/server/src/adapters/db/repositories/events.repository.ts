import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { EventTable } from '../schema.js';
import type { TEventName, TEventPayload } from '@baton/contracts';
import { jsonColumn } from '../json-column.js';
import { runsOneTransaction } from '../pglite-dialect.js';

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
 * How many events one transaction may append: an event's number is `base + xid * PER_TRANSACTION
 * + rank`, so each transaction owns a block of numbers of its own.
 */
export const EVENTS_PER_TRANSACTION = 4096;
const PER_TX = sql.lit(EVENTS_PER_TRANSACTION);

/** `base + xid * 4096` for a transaction id (an `xid8` expression): the first number of its block. */
const blockStart = (xid: ReturnType<typeof sql>) => sql<number>`(select base from event_numbering where id = 1) + (${xid})::text::bigint * ${PER_TX}`;

/**
 * The common table expressions `block` and `next` that number an event (`next.start + next.rank`,
 * see `appendEvent`), for a statement that appends one after `with`.
 */
export const nextEventNumber = sql`block as materialized (select ${blockStart(sql`pg_current_xact_id()`)} as start),
    next as (select block.start, coalesce((select max(seq) from events where seq >= block.start and seq < block.start + ${PER_TX}) - block.start + 1, 0) as rank from block)`;

/**
 * Appends an event inside the caller's transaction, without a lock any other writer waits on.
 *
 * Its number is `base + xid * 4096 + rank`: `xid` is the transaction's id, which PostgreSQL hands
 * out in increasing order, and `rank` counts the events this transaction appended before (read
 * from its own block, which no other transaction writes). Numbers therefore grow with the
 * transaction id, not with the commit order, so a transaction that started earlier may commit a
 * smaller number after a later one committed a larger. Readers handle that with the horizon
 * (`readableEnd`): they read only below the block of the oldest transaction still running, where
 * every transaction has ended and nothing new can appear. A reader resuming after its last number
 * thus never misses an event, and writers share no row. `at` is its time on the app's clock.
 */
export async function appendEvent<N extends TEventName>(tx: Sql, e: NewEvent<N>, at: Date): Promise<EventRecord<N>> {
  const { rows } = await sql<EventRow & { rank: number }>`
    with ${nextEventNumber}
    insert into events (seq, type, conversation_id, handoff_id, agent_id, payload, created_at)
    select next.start + next.rank, ${e.type}, ${e.conversationId ?? null}, ${e.handoffId ?? null}, ${e.agentId ?? null}, ${jsonColumn(e.payload)}::jsonb, ${at}::timestamptz from next
    returning *, seq - (select start from next) as rank`.execute(tx);
  const row = rows[0]!;
  // The block is full: the next number would be another transaction's. Nothing is kept.
  if (row.rank >= EVENTS_PER_TRANSACTION) throw new Error(`one transaction may append at most ${EVENTS_PER_TRANSACTION} events`);
  const { rank: _rank, ...event } = row;
  return typed<N>(event);
}

/**
 * The oldest transaction that may still add events here: among those running in this statement's
 * snapshot (`pg_snapshot_xip`), the oldest not known to belong to another database of the cluster
 * (one that `pg_stat_activity` shows in another database; an unknown one counts, which only
 * delays), and this transaction itself; with none, the snapshot's `xmax` (every transaction
 * below it has ended). Transaction ids are cluster-wide, so without the filter a long
 * transaction in a neighbouring database would hold Baton's events back.
 */
const oldestWriter = sql`least(
  pg_current_xact_id_if_assigned(),
  (select min(x) from pg_snapshot_xip(pg_current_snapshot()) x
    where not exists (select 1 from pg_stat_activity a
      where a.datname is distinct from current_database() and a.backend_xid is not null
        and a.backend_xid::text::bigint = x::text::bigint % 4294967296)),
  pg_snapshot_xmax(pg_current_snapshot()))`;

/**
 * `oldestWriter` on PGlite, which runs one transaction at a time: a reader's statement runs either
 * alone or in the one open transaction, so no other transaction can be running and the answer is
 * this transaction or the snapshot's `xmax`. Same result, but PGlite spends more planning the
 * activity view's join in `oldestWriter` than on the rest of a read of the log.
 */
const oldestWriterAlone = sql`least(pg_current_xact_id_if_assigned(), pg_snapshot_xmax(pg_current_snapshot()))`;

/**
 * The first number no reader may read past yet: the block of the oldest transaction that may
 * still add events (`oldestWriter`). Every event below it was written by a transaction that has
 * ended, so it is visible now if it was committed, and none will appear later.
 */
const readableEnd = (db: Sql) => blockStart(runsOneTransaction(db) ? oldestWriterAlone : oldestWriter);

/** Events after `after` that are final (below the horizon), oldest first; `conversationId` limits them to one conversation (a customer's view). */
export async function listEventsAfter(db: Sql, after: number, opts: { conversationId?: string; limit?: number } = {}): Promise<EventRecord[]> {
  let q = db.selectFrom('events').selectAll().where('seq', '>', after).where('seq', '<', readableEnd(db));
  if (opts.conversationId) q = q.where('conversationId', '=', opts.conversationId);
  return (await q.orderBy('seq').limit(Math.min(opts.limit ?? 500, 1000)).execute()).map((r) => typed(r));
}

/**
 * A page of the log after `after`, for the streams' fan-out, oldest first: the final events (one
 * conversation's when `conversationId` is given), whether later ones are committed but held back
 * behind a transaction still running (read again soon), and `end`, the position reached: every
 * final event up to it has been returned, so the next page starts there.
 */
export async function readEventLog(db: Sql, after: number, limit: number, opts: { conversationId?: string } = {}): Promise<{ events: EventRecord[]; heldBack: boolean; end: number }> {
  const { rows } = await sql<(EventRow & { horizon: number }) | { horizon: number; seq: null }>`
    select h.horizon, e.* from (select ${readableEnd(db)} as horizon) h
    left join lateral (
      select * from events where seq > ${after} ${opts.conversationId ? sql`and conversation_id = ${opts.conversationId}` : sql``} order by seq limit ${limit}
    ) e on true
    order by e.seq`.execute(db);
  const horizon = Number(rows[0]!.horizon);
  const found = rows.filter((r): r is EventRow & { horizon: number } => r.seq !== null);
  const events = found.filter((r) => r.seq < horizon).map(({ horizon: _h, ...r }) => typed(r));
  const heldBack = events.length < found.length;
  const end = heldBack || found.length === limit ? (events.at(-1)?.seq ?? after) : Math.max(after, horizon - 1);
  return { events, heldBack, end };
}

/** The last final event's number (0 for none): a stream that starts "now" starts after it. */
export async function lastEventSeq(db: Sql): Promise<number> {
  const row = await db.selectFrom('events').select('seq').where('seq', '<', readableEnd(db)).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.seq ?? 0;
}

/**
 * Keeps new numbers above every stored one. Only a database restored into a new PostgreSQL
 * cluster (whose transaction ids start again from small numbers) needs it; run at start.
 */
export async function keepEventNumbersAhead(db: Sql): Promise<void> {
  await sql`update event_numbering set base = (select max(seq) + 1 from events)
    where id = 1 and (select max(seq) from events) >= ${blockStart(sql`pg_current_xact_id()`)}`.execute(db);
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
