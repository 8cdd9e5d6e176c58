import { listUnprocessedIntegrationDeliveries } from '../../adapters/db/repositories/integrations.repository.js';
import type { AppContext } from '../context.js';
import { CHATWOOT } from './receive-chatwoot-webhook.js';

/**
 * At start, queues again every Chatwoot delivery stored but not processed: its job was lost with
 * a killed process, and the customer's message must still be answered. Processing is keyed, so a
 * delivery whose job still exists is processed once.
 */
export async function requeueChatwootDeliveries(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const d of await listUnprocessedIntegrationDeliveries(ctx.db, CHATWOOT, 1000)) {
    await ctx.jobs.schedule('chatwoot-delivery', { key: d.deliveryKey }, ctx.clock(), `chatwoot-delivery:${d.deliveryKey}`);
    n += 1;
  }
  if (n) ctx.log('info', `Chatwoot: ${n} stored deliveries queued again for processing`);
  return n;
}
