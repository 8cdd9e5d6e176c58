import type { Sql } from '../database.js';

export type CallbackStatus = 'scheduled' | 'queued' | 'done' | 'missed' | 'cancelled';

export interface CallbackRecord {
  id: string;
  conversationId: string;
  handoffId: string | null;
  kind: 'callback' | 'email';
  scheduledFor: Date | null;
  timeZone: string | null;
  contact: string | null;
  status: CallbackStatus;
  createdAt: Date;
}

export async function insertCallback(tx: Sql, c: Omit<CallbackRecord, 'createdAt' | 'status'>): Promise<CallbackRecord> {
  const rows = await tx.query(
    `insert into callbacks (id, conversation_id, handoff_id, kind, scheduled_for, time_zone, contact, status) values ($1, $2, $3, $4, $5, $6, $7, 'scheduled') returning *`,
    [c.id, c.conversationId, c.handoffId, c.kind, c.scheduledFor, c.timeZone, c.contact],
  );
  return toCallback(rows[0]!);
}

export async function getCallback(db: Sql, id: string): Promise<CallbackRecord | null> {
  const rows = await db.query('select * from callbacks where id = $1', [id]);
  return rows[0] ? toCallback(rows[0]) : null;
}

export async function setCallbackStatus(tx: Sql, id: string, status: CallbackStatus, from: CallbackStatus): Promise<boolean> {
  const rows = await tx.query('update callbacks set status = $2 where id = $1 and status = $3 returning id', [id, status, from]);
  return rows.length > 0;
}

export async function callbacksFor(db: Sql, conversationId: string): Promise<CallbackRecord[]> {
  return (await db.query('select * from callbacks where conversation_id = $1 order by created_at', [conversationId])).map(toCallback);
}

function toCallback(r: Record<string, unknown>): CallbackRecord {
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    handoffId: (r.handoff_id as string | null) ?? null,
    kind: r.kind as CallbackRecord['kind'],
    scheduledFor: r.scheduled_for ? new Date(r.scheduled_for as string) : null,
    timeZone: (r.time_zone as string | null) ?? null,
    contact: (r.contact as string | null) ?? null,
    status: r.status as CallbackStatus,
    createdAt: new Date(r.created_at as string),
  };
}
