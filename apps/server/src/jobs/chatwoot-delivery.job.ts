import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { handleChatwootDelivery } from '../app/integrations/handle-chatwoot-delivery.js';

const ZData = z.object({ key: z.string().min(1) });

/** One stored Chatwoot webhook, processed; a delivery already processed is a no-op. */
export async function chatwootDeliveryJob(ctx: AppContext, raw: unknown): Promise<void> {
  await handleChatwootDelivery(ctx, ZData.parse(raw).key);
}
