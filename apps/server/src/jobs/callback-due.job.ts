import { z } from 'zod';
import { checkCallback } from '../app/check-callback.js';
import type { AppContext } from '../app/context.js';
import { requeueCallback } from '../app/requeue-callback.js';

const ZData = z.object({ callbackId: z.string().min(1), phase: z.enum(['due', 'check']) });

/** A booked callback's time: back into the queue (`due`), then, minutes later, picked up or missed (`check`). */
export async function callbackDueJob(ctx: AppContext, raw: unknown): Promise<void> {
  const { callbackId, phase } = ZData.parse(raw);
  await (phase === 'due' ? requeueCallback : checkCallback)(ctx, callbackId);
}
