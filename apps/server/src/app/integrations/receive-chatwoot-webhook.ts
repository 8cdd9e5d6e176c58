import { createHash } from 'node:crypto';
import type { TChatwootWebhook } from '@baton/contracts';
import { insertIntegrationDelivery } from '../../adapters/db/repositories/integrations.repository.js';
import type { AppContext } from '../context.js';

export const CHATWOOT = 'chatwoot';

/**
 * What makes two deliveries the same: a message's id (Chatwoot posts `message_created` once per
 * message, and a retry carries the same id), else Chatwoot's delivery id, else the body itself.
 */
export function chatwootDeliveryKey(payload: TChatwootWebhook, deliveryHeader: string | null, rawBody: string): string {
  if (payload.event === 'message_created' && payload.id !== undefined) return `message_created:${payload.account?.id ?? payload.conversation?.account_id ?? 0}:${payload.id}`;
  if (deliveryHeader) return `delivery:${deliveryHeader}`;
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/**
 * Chatwoot's agent-bot webhook, received: stored once, before it is acknowledged, and handed to a
 * durable job (`chatwoot-delivery`), so the answer goes back well inside Chatwoot's 5-second
 * budget and a customer's message survives a slow reply or a killed process. A replayed delivery
 * changes nothing.
 */
export async function receiveChatwootWebhook(ctx: AppContext, payload: TChatwootWebhook, o: { deliveryHeader: string | null; rawBody: string }): Promise<'accepted' | 'duplicate'> {
  const deliveryKey = chatwootDeliveryKey(payload, o.deliveryHeader, o.rawBody);
  const stored = await insertIntegrationDelivery(ctx.db, { provider: CHATWOOT, deliveryKey, event: payload.event, payload, receivedAt: ctx.clock() });
  if (!stored) return 'duplicate';
  try {
    await ctx.jobs.schedule('chatwoot-delivery', { key: deliveryKey }, ctx.clock(), `chatwoot-delivery:${deliveryKey}`);
  } catch (err) {
    // Stored is what matters: the next start queues every delivery not yet processed.
    ctx.log('error', `a Chatwoot delivery is stored but could not be queued; it will be processed at the next start`, { deliveryKey, error: (err as Error).message });
  }
  return 'accepted';
}
