import type { TNotificationKind } from '@baton/contracts';
import type { Priority } from '@baton/core';
import type { Sql } from '../db/database.js';

/** A row of `notification_endpoints`. `events` empty means the kind's default set. */
export interface NotificationEndpointRecord {
  id: string;
  kind: TNotificationKind;
  name: string;
  target: string;
  secret: string | null;
  events: string[];
  minPriority: Priority | null;
  active: boolean;
  createdAt: Date;
}

export async function insertEndpoint(tx: Sql, e: Omit<NotificationEndpointRecord, 'createdAt'>): Promise<NotificationEndpointRecord> {
  const rows = await tx.query(
    `insert into notification_endpoints (id, kind, name, target, secret, events, min_priority, active) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [e.id, e.kind, e.name, e.target, e.secret, JSON.stringify(e.events), e.minPriority, e.active],
  );
  return toEndpoint(rows[0]!);
}

export async function getEndpoint(db: Sql, id: string): Promise<NotificationEndpointRecord | null> {
  const rows = await db.query('select * from notification_endpoints where id = $1', [id]);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

export async function listEndpoints(db: Sql, opts: { activeOnly?: boolean } = {}): Promise<NotificationEndpointRecord[]> {
  const rows = await db.query(`select * from notification_endpoints ${opts.activeOnly ? 'where active' : ''} order by created_at, id`);
  return rows.map(toEndpoint);
}

export async function updateEndpoint(
  tx: Sql,
  id: string,
  patch: Partial<Pick<NotificationEndpointRecord, 'name' | 'target' | 'secret' | 'events' | 'minPriority' | 'active'>>,
): Promise<NotificationEndpointRecord | null> {
  const rows = await tx.query(
    `update notification_endpoints set
       name = case when $2 then $3 else name end,
       target = case when $4 then $5 else target end,
       secret = case when $6 then $7 else secret end,
       events = case when $8 then $9::jsonb else events end,
       min_priority = case when $10 then $11 else min_priority end,
       active = case when $12 then $13 else active end
     where id = $1 returning *`,
    [
      id,
      patch.name !== undefined,
      patch.name ?? null,
      patch.target !== undefined,
      patch.target ?? null,
      patch.secret !== undefined,
      patch.secret ?? null,
      patch.events !== undefined,
      JSON.stringify(patch.events ?? []),
      patch.minPriority !== undefined,
      patch.minPriority ?? null,
      patch.active !== undefined,
      patch.active ?? null,
    ],
  );
  return rows[0] ? toEndpoint(rows[0]) : null;
}

/** Deletes an endpoint and, by cascade, its delivery log; false when there was none. */
export async function deleteEndpoint(tx: Sql, id: string): Promise<boolean> {
  const rows = await tx.query('delete from notification_endpoints where id = $1 returning id', [id]);
  return rows.length > 0;
}

/** A team's display name, for payloads. */
export async function teamName(db: Sql, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const rows = await db.query<{ name: string }>('select name from teams where id = $1', [teamId]);
  return rows[0]?.name ?? null;
}

function toEndpoint(r: Record<string, unknown>): NotificationEndpointRecord {
  return {
    id: r.id as string,
    kind: r.kind as TNotificationKind,
    name: r.name as string,
    target: r.target as string,
    secret: (r.secret as string | null) ?? null,
    events: (typeof r.events === 'string' ? JSON.parse(r.events) : r.events) as string[],
    minPriority: (r.min_priority as Priority | null) ?? null,
    active: Boolean(r.active),
    createdAt: new Date(r.created_at as string | Date),
  };
}
