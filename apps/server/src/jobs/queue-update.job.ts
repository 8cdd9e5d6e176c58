import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { postQueueUpdate } from '../app/post-queue-update.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/** The next queue-position update of a waiting handoff (see `postQueueUpdate`). */
export async function queueUpdateJob(ctx: AppContext, raw: unknown): Promise<void> {
  await postQueueUpdate(ctx, ZData.parse(raw).handoffId);
}
