import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { handleZendeskMessaging } from '../app/integrations/handle-zendesk-messaging.js';

const ZData = z.object({ key: z.string().min(1) });

/** One stored Zendesk messaging event, processed; an event already processed is a no-op. */
export async function zendeskDeliveryJob(ctx: AppContext, raw: unknown): Promise<void> {
  await handleZendeskMessaging(ctx, ZData.parse(raw).key);
}
