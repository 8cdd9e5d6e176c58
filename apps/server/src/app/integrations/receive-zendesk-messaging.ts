import type { TZendeskMessagingWebhook } from '@baton/contracts';
import type { AppContext } from '../context.js';
import type { InboundIntegration } from './store-integration-delivery.js';
import { storeIntegrationDelivery } from './store-integration-delivery.js';

export const ZENDESK_MESSAGING = 'zendesk_messaging';

/** Zendesk messaging's deliveries and the job that processes them. */
export const ZENDESK_INBOUND: InboundIntegration = { provider: ZENDESK_MESSAGING, job: 'zendesk-delivery' };

/**
 * A Zendesk messaging webhook, received: each event stored once by its id (a retried webhook
 * carries the same ids) before the batch is acknowledged, and processed by a durable job.
 */
export async function receiveZendeskMessaging(ctx: AppContext, body: TZendeskMessagingWebhook): Promise<{ accepted: number; duplicates: number }> {
  let accepted = 0;
  let duplicates = 0;
  for (const event of body.events) {
    const r = await storeIntegrationDelivery(ctx, ZENDESK_INBOUND, { key: `event:${event.id}`, event: event.type, payload: event });
    if (r === 'accepted') accepted += 1;
    else duplicates += 1;
  }
  return { accepted, duplicates };
}
