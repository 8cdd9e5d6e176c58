import type { Sql } from '../database.js';

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

export interface EventRecord {
  seq: number;
  type: EventType;
  conversationId: string | null;
  handoffId: string | null;
  agentId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

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
  const [{ seq }] = (await tx.query<{ seq: number | string }>('update event_counter set seq = seq + 1 where id = 1 returning seq')) as [{ seq: number | string }];
  const rows = await tx.query<Record<string, unknown>>(
    `insert into events (seq, type, conversation_id, handoff_id, agent_id, payload) values ($1, $2, $3, $4, $5, $6)
     returning seq, type, conversation_id, handoff_id, agent_id, payload, created_at`,
    [Number(seq), e.type, e.conversationId ?? null, e.handoffId ?? null, e.agentId ?? null, JSON.stringify(e.payload)],
  );
  return toEvent(rows[0]!);
}

/** Events after `after`, oldest first; `conversationId` limits them to one conversation (a customer's view). */
export async function listEventsAfter(db: Sql, after: number, opts: { conversationId?: string; limit?: number } = {}): Promise<EventRecord[]> {
  const limit = Math.min(opts.limit ?? 500, 1000);
  const rows = opts.conversationId
    ? await db.query(`select * from events where seq > $1 and conversation_id = $2 order by seq limit $3`, [after, opts.conversationId, limit])
    : await db.query(`select * from events where seq > $1 order by seq limit $2`, [after, limit]);
  return rows.map(toEvent);
}

export async function lastEventSeq(db: Sql): Promise<number> {
  const rows = await db.query<{ seq: number | string }>('select seq from event_counter where id = 1');
  return Number(rows[0]?.seq ?? 0);
}

export async function listEvents(db: Sql, filter: { from?: Date; to?: Date; types?: EventType[] }): Promise<EventRecord[]> {
  const rows = await db.query(
    `select * from events where ($1::timestamptz is null or created_at >= $1) and ($2::timestamptz is null or created_at < $2)
     and ($3::text[] is null or type = any($3)) order by seq`,
    [filter.from ?? null, filter.to ?? null, filter.types ?? null],
  );
  return rows.map(toEvent);
}

function toEvent(r: Record<string, unknown>): EventRecord {
  return {
    seq: Number(r.seq),
    type: r.type as EventType,
    conversationId: (r.conversation_id as string | null) ?? null,
    handoffId: (r.handoff_id as string | null) ?? null,
    agentId: (r.agent_id as string | null) ?? null,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    createdAt: new Date(r.created_at as string | Date),
  };
}
