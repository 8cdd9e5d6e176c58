import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { sendToZendeskMessaging } from '../app/integrations/send-to-zendesk-messaging.js';

const ZData = z.object({ seq: z.number().int().min(1) });

/** One event of a Zendesk messaging conversation carried to Zendesk; steps already done are skipped. */
export async function zendeskOutboundJob(ctx: AppContext, raw: unknown): Promise<void> {
  await sendToZendeskMessaging(ctx, ZData.parse(raw).seq);
}
