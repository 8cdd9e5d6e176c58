import type { AppContext } from '../app/context.js';
import { bookPresenceSweep, sweepAbsentAgents } from '../app/sweep-absent-agents.js';

/**
 * The recurring sweep for agents whose node died (see `sweepAbsentAgents`). The next run is booked
 * first, so a failure of this one (retried by the queue) never ends the chain.
 */
export async function presenceSweepJob(ctx: AppContext): Promise<void> {
  await bookPresenceSweep(ctx);
  await sweepAbsentAgents(ctx);
}
