import { z } from 'zod';
import { finishChannelDelivery, getChannelDelivery, recordChannelDeliveryFailure } from '../adapters/db/repositories/channels.repository.js';
import type { AppContext } from '../app/context.js';
import { applyChannelStatus, applyWatermark } from '../app/channels/apply-channel-status.js';
import type { ChannelRuntime } from '../app/channels/channel-runtime.js';
import { ingestChannelMessage, noteThreadOwner, recordPageReply } from '../app/channels/ingest-channel-message.js';
import { parseMessengerWebhook, parseWhatsAppWebhook } from '../app/channels/parse-meta-webhook.js';

const ZData = z.object({ deliveryId: z.string().min(1) });

/**
 * The `channel-inbound` job: one stored webhook delivery, item by item. Every step is idempotent
 * (messages on their provider id, statuses only forward), so a job run again after a crash, or a
 * delivery Meta sent twice, acts once. A failure is counted and thrown for the queue to retry;
 * after `maxAttempts` the delivery is marked failed and kept for an admin to look at.
 */
export function channelInboundJob(channels: ChannelRuntime, o: { maxAttempts?: number } = {}) {
  const maxAttempts = o.maxAttempts ?? 5;
  return async (ctx: AppContext, raw: unknown): Promise<void> => {
    const { deliveryId } = ZData.parse(raw);
    const delivery = await getChannelDelivery(ctx.db, deliveryId);
    if (!delivery || delivery.status !== 'pending') return;
    try {
      await processDelivery(ctx, channels, delivery.channel, JSON.parse(delivery.body) as unknown);
    } catch (err) {
      const final = delivery.attempts + 1 >= maxAttempts;
      await recordChannelDeliveryFailure(ctx.db, deliveryId, (err as Error).message, final);
      ctx.log(final ? 'error' : 'warn', final ? `a ${delivery.channel} webhook delivery could not be processed; giving up` : `a ${delivery.channel} webhook delivery could not be processed; it will be retried`, { deliveryId, error: (err as Error).message });
      if (final) return;
      throw err;
    }
    await finishChannelDelivery(ctx.db, deliveryId, ctx.clock());
  };
}

async function processDelivery(ctx: AppContext, channels: ChannelRuntime, channel: string, body: unknown): Promise<void> {
  const now = ctx.clock();
  const events = channel === 'whatsapp' && channels.whatsapp ? parseWhatsAppWebhook(body, channels.whatsapp.config.phoneNumberId, now) : channel === 'messenger' && channels.messenger ? parseMessengerWebhook(body, channels.messenger.config, now) : null;
  if (!events) {
    ctx.log('warn', `a ${channel} webhook delivery is not one Baton reads, or the channel is off; it is set aside`, { channel });
    return;
  }
  const batonAppId = channels.messenger?.config.appId ?? null;
  for (const e of events) {
    if (e.type === 'message') await ingestChannelMessage(ctx, e.message, { standby: e.standby });
    else if (e.type === 'status') await applyChannelStatus(ctx, e.update);
    else if (e.type === 'watermark') await applyWatermark(ctx, e);
    else if (e.type === 'echo') {
      // Baton's own messages come back as echoes too: by its app id, or by a mid it recorded.
      const ours = (batonAppId !== null && e.appId === batonAppId) || (await applyChannelStatus(ctx, { channel: e.channel, providerMessageId: e.providerMessageId, status: 'sent', at: e.at })) > 0;
      if (!ours) await recordPageReply(ctx, e);
    } else if (e.type === 'thread_owner') await noteThreadOwner(ctx, e, batonAppId);
    else ctx.log('info', `${channel} webhook: skipped ${e.reason}`);
  }
}
