import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { clipText } from '@baton/core';
import type { Sql } from '../database.js';
import { jsonColumn } from '../json-column.js';
import type { ChannelContactTable, ChannelDeliveryTable, ChannelOutboxTable, DeliveryStatus } from '../schema.js';

export type ChannelContactRecord = Selectable<ChannelContactTable>;
export type ChannelDeliveryRecord = Selectable<ChannelDeliveryTable>;
export type ChannelOutboxRecord = Selectable<ChannelOutboxTable>;

/** A customer on a channel, found by any of their ids there: the `wa_id` / page-scoped id, or the business-scoped user id. */
export async function findChannelContact(db: Sql, channel: string, ids: { contactId: string | null; userId: string | null }): Promise<ChannelContactRecord | null> {
  if (ids.contactId) {
    const byContact = await db.selectFrom('channelContacts').selectAll().where('channel', '=', channel).where('contactId', '=', ids.contactId).executeTakeFirst();
    if (byContact) return byContact;
  }
  if (ids.userId) return (await db.selectFrom('channelContacts').selectAll().where('channel', '=', channel).where('userId', '=', ids.userId).executeTakeFirst()) ?? null;
  return null;
}

export async function getChannelContactOf(db: Sql, conversationId: string): Promise<ChannelContactRecord | null> {
  return (await db.selectFrom('channelContacts').selectAll().where('conversationId', '=', conversationId).orderBy('createdAt', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/** Stores a new contact; null when one of its ids is already taken (two deliveries raced: the first stored wins). */
export async function insertChannelContact(tx: Sql, c: { id: string; channel: string; contactId: string | null; userId: string | null; conversationId: string; displayName: string | null; createdAt: Date }): Promise<ChannelContactRecord | null> {
  const row = await tx.insertInto('channelContacts').values(c).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  return row ?? null;
}

/** Records what the latest inbound message taught: when the customer wrote (the window opens again), a newly learnt id, their name. */
export async function noteChannelInbound(tx: Sql, id: string, o: { at: Date; contactId: string | null; userId: string | null; displayName: string | null }): Promise<void> {
  await tx
    .updateTable('channelContacts')
    .set((eb) => ({
      lastInboundAt: sql<Date>`greatest(${eb.ref('lastInboundAt')}, ${o.at})`,
      ...(o.contactId ? { contactId: eb.fn.coalesce('contactId', eb.val(o.contactId)) } : {}),
      ...(o.userId ? { userId: eb.fn.coalesce('userId', eb.val(o.userId)) } : {}),
      ...(o.displayName ? { displayName: o.displayName } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setThreadOwner(tx: Sql, id: string, owner: string): Promise<void> {
  await tx.updateTable('channelContacts').set({ threadOwner: owner }).where('id', '=', id).execute();
}

/** Stores a signed webhook delivery as received; `duplicate` when these very bytes were stored before (a replay). */
export async function insertChannelDelivery(db: Sql, d: { id: string; channel: string; body: string; bodyHash: string; receivedAt: Date }): Promise<{ id: string; duplicate: boolean }> {
  const row = await db.insertInto('channelDeliveries').values(d).onConflict((oc) => oc.columns(['channel', 'bodyHash']).doNothing()).returning('id').executeTakeFirst();
  if (row) return { id: row.id, duplicate: false };
  const prior = await db.selectFrom('channelDeliveries').select('id').where('channel', '=', d.channel).where('bodyHash', '=', d.bodyHash).executeTakeFirstOrThrow();
  return { id: prior.id, duplicate: true };
}

export async function getChannelDelivery(db: Sql, id: string): Promise<ChannelDeliveryRecord | null> {
  return (await db.selectFrom('channelDeliveries').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listPendingChannelDeliveries(db: Sql, limit: number): Promise<{ id: string }[]> {
  return db.selectFrom('channelDeliveries').select('id').where('status', '=', 'pending').orderBy('receivedAt').limit(limit).execute();
}

export async function finishChannelDelivery(db: Sql, id: string, at: Date): Promise<void> {
  await db.updateTable('channelDeliveries').set({ status: 'done', processedAt: at, lastError: null }).where('id', '=', id).execute();
}

export async function recordChannelDeliveryFailure(db: Sql, id: string, error: string, final: boolean): Promise<void> {
  await db
    .updateTable('channelDeliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: clipText(error, 1000), ...(final ? { status: 'failed' as const } : {}) }))
    .where('id', '=', id)
    .execute();
}

export type NewChannelOutbox = Pick<ChannelOutboxRecord, 'id' | 'conversationId' | 'channel' | 'sourceKey' | 'messageId' | 'authorKind' | 'kind' | 'createdAt'> & {
  request: Record<string, unknown>;
  status: 'pending' | 'held' | 'skipped';
  detail: string | null;
};

/** Stores a request to send; null when its source already has one (a listener re-run). */
export async function insertChannelOutbox(tx: Sql, o: NewChannelOutbox): Promise<ChannelOutboxRecord | null> {
  const row = await tx
    .insertInto('channelOutbox')
    .values({ ...o, request: jsonColumn(o.request), nextAttemptAt: o.status === 'pending' ? o.createdAt : null })
    .onConflict((oc) => oc.column('sourceKey').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function getChannelOutbox(db: Sql, id: string): Promise<ChannelOutboxRecord | null> {
  return (await db.selectFrom('channelOutbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Requests waiting to go, oldest first, with the time each may be tried. */
export async function listPendingChannelOutbox(db: Sql, limit: number): Promise<Pick<ChannelOutboxRecord, 'id' | 'nextAttemptAt'>[]> {
  return db.selectFrom('channelOutbox').select(['id', 'nextAttemptAt']).where('status', '=', 'pending').orderBy('createdAt').limit(limit).execute();
}

/** What the outbox holds for a conversation, in order (agent messages held for a closed window among them). */
export async function listChannelOutbox(db: Sql, conversationId: string, status?: DeliveryStatus): Promise<ChannelOutboxRecord[]> {
  let q = db.selectFrom('channelOutbox').selectAll().where('conversationId', '=', conversationId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('createdAt').orderBy('sourceKey').execute();
}

/** When a request of this kind of source (a queue update) last went, or was queued, to this conversation. */
export async function lastChannelOutboxAt(db: Sql, conversationId: string, sourcePrefix: string): Promise<Date | null> {
  const row = await db.selectFrom('channelOutbox').select('createdAt').where('conversationId', '=', conversationId).where('sourceKey', 'like', `${sourcePrefix}%`).where('status', '!=', 'skipped').orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  return row?.createdAt ?? null;
}

/** Moves a request on; a status never goes back (a late `delivered` after `read` changes nothing), except from pending or held. */
export async function updateChannelOutbox(db: Sql, id: string, patch: Partial<Pick<ChannelOutboxRecord, 'status' | 'detail' | 'providerMessageId' | 'nextAttemptAt' | 'sentAt' | 'deliveredAt' | 'readAt' | 'request' | 'kind'>> & { attempt?: boolean }): Promise<ChannelOutboxRecord | null> {
  const { attempt, request, ...rest } = patch;
  const row = await db
    .updateTable('channelOutbox')
    .set((eb) => ({ ...rest, ...(request ? { request: jsonColumn(request) } : {}), ...(attempt ? { attempts: eb('attempts', '+', 1) } : {}) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function findChannelOutboxByProviderId(db: Sql, channel: string, providerMessageIds: string[]): Promise<ChannelOutboxRecord[]> {
  if (!providerMessageIds.length) return [];
  return db.selectFrom('channelOutbox').selectAll().where('channel', '=', channel).where('providerMessageId', 'in', providerMessageIds).execute();
}

/** The requests sent to a conversation's customer at or before a time (Messenger's read and delivery watermarks). */
export async function listChannelOutboxSentBy(db: Sql, conversationId: string, at: Date): Promise<ChannelOutboxRecord[]> {
  return db.selectFrom('channelOutbox').selectAll().where('conversationId', '=', conversationId).where('sentAt', '<=', at).where('status', 'in', ['sent', 'delivered']).execute();
}

/** The message's own record of how far it got on its channel. */
export async function setMessageDelivery(db: Sql, messageId: string, status: DeliveryStatus, detail: string | null): Promise<void> {
  await db.updateTable('messages').set({ deliveryStatus: status, deliveryDetail: detail === null ? null : clipText(detail, 500) }).where('id', '=', messageId).execute();
}

/**
 * Claims a due request for one send: its next attempt moves `leaseMs` ahead, so a second job for
 * it (a replayed schedule, another node) finds it not due and leaves it. Null when not pending or not due.
 */
export async function claimChannelOutbox(db: Sql, id: string, now: Date, leaseMs: number): Promise<ChannelOutboxRecord | null> {
  const row = await db
    .updateTable('channelOutbox')
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('nextAttemptAt', 'is', null), eb('nextAttemptAt', '<=', now)]))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
