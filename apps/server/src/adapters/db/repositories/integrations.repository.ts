import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import { jsonColumn } from '../json-column.js';
import type { IntegrationDeliveryTable, IntegrationLinkTable } from '../schema.js';

/** A webhook received from an integration, as stored. */
export type IntegrationDeliveryRecord = Selectable<IntegrationDeliveryTable>;
/** An outside conversation linked to a Baton conversation. */
export type IntegrationLinkRecord = Selectable<IntegrationLinkTable>;

/**
 * Stores a received webhook once: a redelivery with the same key changes nothing. Returns whether
 * this call stored it (false: a replay).
 */
export async function insertIntegrationDelivery(db: Sql, d: { provider: string; deliveryKey: string; event: string; payload: Record<string, unknown>; receivedAt: Date }): Promise<boolean> {
  const rows = await db
    .insertInto('integrationDeliveries')
    .values({ provider: d.provider, deliveryKey: d.deliveryKey, event: d.event, payload: jsonColumn(d.payload), receivedAt: d.receivedAt })
    .onConflict((oc) => oc.columns(['provider', 'deliveryKey']).doNothing())
    .returning('deliveryKey')
    .execute();
  return rows.length > 0;
}

export async function getIntegrationDelivery(db: Sql, provider: string, deliveryKey: string, opts: { forUpdate?: boolean } = {}): Promise<IntegrationDeliveryRecord | null> {
  let q = db.selectFrom('integrationDeliveries').selectAll().where('provider', '=', provider).where('deliveryKey', '=', deliveryKey);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export async function markIntegrationDeliveryProcessed(db: Sql, provider: string, deliveryKey: string, outcome: string, at: Date): Promise<void> {
  await db.updateTable('integrationDeliveries').set({ processedAt: at, outcome }).where('provider', '=', provider).where('deliveryKey', '=', deliveryKey).execute();
}

/** Deliveries stored but not yet processed (their job was lost with a killed process), oldest first. */
export async function listUnprocessedIntegrationDeliveries(db: Sql, provider: string, limit: number): Promise<IntegrationDeliveryRecord[]> {
  return db.selectFrom('integrationDeliveries').selectAll().where('provider', '=', provider).where('processedAt', 'is', null).orderBy('receivedAt').limit(limit).execute();
}

export async function findIntegrationLink(db: Sql, provider: string, externalId: string): Promise<IntegrationLinkRecord | null> {
  return (await db.selectFrom('integrationLinks').selectAll().where('provider', '=', provider).where('externalId', '=', externalId).executeTakeFirst()) ?? null;
}

export async function findIntegrationLinkByConversation(db: Sql, provider: string, conversationId: string): Promise<IntegrationLinkRecord | null> {
  return (await db.selectFrom('integrationLinks').selectAll().where('provider', '=', provider).where('conversationId', '=', conversationId).executeTakeFirst()) ?? null;
}

/** Links an outside conversation; when another call linked it first, that link is returned. */
export async function insertIntegrationLink(db: Sql, link: { provider: string; externalId: string; conversationId: string; detail: Record<string, unknown>; createdAt: Date }): Promise<IntegrationLinkRecord> {
  await db.insertInto('integrationLinks').values({ ...link, detail: jsonColumn(link.detail) }).onConflict((oc) => oc.columns(['provider', 'externalId']).doNothing()).execute();
  return (await findIntegrationLink(db, link.provider, link.externalId))!;
}

/** The outbound step `key` if it was done: what the other side returned for it. */
export async function findIntegrationAction(db: Sql, key: string): Promise<{ externalRef: string | null } | null> {
  return (await db.selectFrom('integrationActions').select('externalRef').where('actionKey', '=', key).executeTakeFirst()) ?? null;
}

export async function recordIntegrationAction(db: Sql, key: string, externalRef: string | null, at: Date): Promise<void> {
  await db.insertInto('integrationActions').values({ actionKey: key, externalRef, doneAt: at }).onConflict((oc) => oc.column('actionKey').doNothing()).execute();
}
