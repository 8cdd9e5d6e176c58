import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { raiseSlaBreach } from '../app/raise-sla-breach.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/** The SLA deadline of a handoff (see `raiseSlaBreach`). */
export async function slaBreachJob(ctx: AppContext, raw: unknown): Promise<void> {
  await raiseSlaBreach(ctx, ZData.parse(raw).handoffId);
}
