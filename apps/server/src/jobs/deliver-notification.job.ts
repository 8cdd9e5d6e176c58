import { z } from 'zod';
import type { DeliveryPolicy } from '../app/notifications/attempt-delivery.js';
import { attemptDelivery } from '../app/notifications/attempt-delivery.js';
import type { AppContext } from '../app/context.js';

const ZData = z.object({ deliveryId: z.string().min(1), attempt: z.number().int().min(0) });

/**
 * One attempt of one notification delivery. Retries are scheduled by the use case with their own
 * backoff (not pg-boss's), so the delivery log records each attempt; a duplicate job is a no-op.
 */
export async function deliverNotificationJob(ctx: AppContext, raw: unknown, policy: DeliveryPolicy = {}): Promise<void> {
  await attemptDelivery(ctx, ZData.parse(raw), policy);
}
