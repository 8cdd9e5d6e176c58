import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { reassignHandoff } from '../app/reassign-handoff.js';

const ZData = z.object({ handoffId: z.string().min(1), agentId: z.string().min(1), phase: z.enum(['accept', 'answer']).default('accept') });

/** An offer or an accepted handoff timed out: reassign it (see `reassignHandoff`). */
export async function acceptTimeoutJob(ctx: AppContext, raw: unknown): Promise<void> {
  await reassignHandoff(ctx, ZData.parse(raw));
}
