import type { ChannelOutboxRecord } from '../../adapters/db/repositories/channels.repository.js';
import { findChannelContact, findChannelOutboxByProviderId, listChannelOutboxSentBy, setMessageDelivery, updateChannelOutbox } from '../../adapters/db/repositories/channels.repository.js';
import type { DeliveryStatus } from '../../adapters/db/schema.js';
import type { AppContext } from '../context.js';
import type { ChannelStatusUpdate } from './channel-port.js';

const RANK: Record<DeliveryStatus, number> = { pending: 0, held: 0, skipped: 0, sent: 1, delivered: 2, read: 3, failed: 1 };

/**
 * A status the provider sent for a message Baton sent: stored on the outbox row and on the
 * message, moving forward only (statuses can arrive out of order: a `delivered` after `read`
 * changes nothing, and a `failed` after `delivered` is kept as a failure only if nothing better came).
 */
export async function applyChannelStatus(ctx: AppContext, u: ChannelStatusUpdate): Promise<number> {
  const rows = await findChannelOutboxByProviderId(ctx.db, u.channel, [u.providerMessageId]);
  for (const row of rows) await advance(ctx, row, u.status, u.at, u.error ?? null);
  return rows.length;
}

/** Messenger's watermarks: everything sent to this customer up to the time was delivered (or read). */
export async function applyWatermark(ctx: AppContext, w: { channel: string; contactId: string; status: 'delivered' | 'read'; at: Date; mids: string[] }): Promise<number> {
  const contact = await findChannelContact(ctx.db, w.channel, { contactId: w.contactId, userId: null });
  if (!contact) return 0;
  const rows = [...(await findChannelOutboxByProviderId(ctx.db, w.channel, w.mids)), ...(await listChannelOutboxSentBy(ctx.db, contact.conversationId, w.at))];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id) || row.conversationId !== contact.conversationId) continue;
    seen.add(row.id);
    await advance(ctx, row, w.status, w.at, null);
  }
  return seen.size;
}

async function advance(ctx: AppContext, row: ChannelOutboxRecord, status: ChannelStatusUpdate['status'], at: Date, error: string | null): Promise<void> {
  // A failure after delivery changes nothing; after a failure, only proof that it arrived (delivered, read) does.
  if (status === 'failed' ? RANK[row.status] >= RANK.delivered : RANK[status] <= RANK[row.status]) return;
  const updated = await updateChannelOutbox(ctx.db, row.id, {
    status,
    detail: status === 'failed' ? (error ?? 'the provider reported a failure') : null,
    ...(status === 'delivered' ? { deliveredAt: at } : status === 'read' ? { readAt: at, ...(row.deliveredAt ? {} : { deliveredAt: at }) } : {}),
  });
  if (updated?.messageId) await setMessageDelivery(ctx.db, updated.messageId, status, updated.detail);
  if (status === 'failed') ctx.log('warn', `a ${row.channel} message was not delivered`, { conversationId: row.conversationId, outboxId: row.id, error });
}
