import { createHash } from 'node:crypto';
import type { TChatwootWebhook } from '@baton/contracts';
import type { AppContext } from '../context.js';
import type { InboundIntegration } from './store-integration-delivery.js';
import { storeIntegrationDelivery } from './store-integration-delivery.js';

export const CHATWOOT = 'chatwoot';

/** Chatwoot's deliveries and the job that processes them. */
export const CHATWOOT_INBOUND: InboundIntegration = { provider: CHATWOOT, job: 'chatwoot-delivery' };

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
  return storeIntegrationDelivery(ctx, CHATWOOT_INBOUND, { key: chatwootDeliveryKey(payload, o.deliveryHeader, o.rawBody), event: payload.event, payload });
}
