import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { NotificationEndpointTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

/** A row of `notification_endpoints`. `events` empty means the kind's default set. */
export type NotificationEndpointRecord = Selectable<NotificationEndpointTable>;

export async function insertEndpoint(tx: Sql, e: NotificationEndpointRecord): Promise<NotificationEndpointRecord> {
  return tx
    .insertInto('notificationEndpoints')
    .values({ ...e, events: jsonColumn(e.events) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getEndpoint(db: Sql, id: string): Promise<NotificationEndpointRecord | null> {
  return (await db.selectFrom('notificationEndpoints').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listEndpoints(db: Sql, opts: { activeOnly?: boolean } = {}): Promise<NotificationEndpointRecord[]> {
  let q = db.selectFrom('notificationEndpoints').selectAll();
  if (opts.activeOnly) q = q.where('active', '=', true);
  return q.orderBy('createdAt').orderBy('id').execute();
}

/** Writes the keys given (null clears `secret` or `minPriority`); null when there is no such endpoint. */
export async function updateEndpoint(
  tx: Sql,
  id: string,
  patch: Partial<Pick<NotificationEndpointRecord, 'name' | 'target' | 'secret' | 'events' | 'minPriority' | 'active'>>,
): Promise<NotificationEndpointRecord | null> {
  const { events, ...rest } = patch;
  const set = { ...rest, ...(events !== undefined ? { events: jsonColumn(events) } : {}) };
  // Keys left undefined are not written; with none at all, the row is read back unchanged.
  const row = Object.values(set).some((v) => v !== undefined)
    ? await tx.updateTable('notificationEndpoints').set(set).where('id', '=', id).returningAll().executeTakeFirst()
    : await getEndpoint(tx, id);
  return row ?? null;
}

/** Deletes an endpoint and, by cascade, its delivery log; false when there was none. */
export async function deleteEndpoint(tx: Sql, id: string): Promise<boolean> {
  const row = await tx.deleteFrom('notificationEndpoints').where('id', '=', id).returning('id').executeTakeFirst();
  return row !== undefined;
}
