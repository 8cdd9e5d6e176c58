import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { releaseAbsentAgent } from '../app/release-absent-agent.js';

const ZData = z.object({ agentId: z.string().min(1) });

/** Is the agent still away once the grace period ran out? (see `releaseAbsentAgent`) */
export async function presenceCheckJob(ctx: AppContext, raw: unknown): Promise<void> {
  await releaseAbsentAgent(ctx, ZData.parse(raw).agentId);
}
