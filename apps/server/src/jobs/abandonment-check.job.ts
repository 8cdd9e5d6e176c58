import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { detectAbandonment } from '../app/detect-abandonment.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/** Has the customer of a waiting handoff left? (see `detectAbandonment`) */
export async function abandonmentCheckJob(ctx: AppContext, raw: unknown): Promise<void> {
  await detectAbandonment(ctx, ZData.parse(raw).handoffId);
}
