import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { sendToChatwoot } from '../app/integrations/send-to-chatwoot.js';

const ZData = z.object({ seq: z.number().int().min(1) });

/** One event of a Chatwoot conversation carried to Chatwoot; steps already done are skipped. */
export async function chatwootOutboundJob(ctx: AppContext, raw: unknown): Promise<void> {
  await sendToChatwoot(ctx, ZData.parse(raw).seq);
}
