import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { createZendeskTicket } from '../app/integrations/create-zendesk-ticket.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/** The Zendesk ticket of one handoff; created once. */
export async function zendeskHandoffJob(ctx: AppContext, raw: unknown): Promise<void> {
  await createZendeskTicket(ctx, ZData.parse(raw).handoffId);
}
