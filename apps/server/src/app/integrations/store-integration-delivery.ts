import type { z } from 'zod';
import { getIntegrationDelivery, insertIntegrationDelivery, listUnprocessedIntegrationDeliveries, markIntegrationDeliveryProcessed } from '../../adapters/db/repositories/integrations.repository.js';
import type { JobName } from '../../adapters/jobs/job-queue.js';
import type { AppContext } from '../context.js';

/** An inbound integration: its name in the deliveries table and the job that processes its deliveries. */
export interface InboundIntegration {
  provider: string;
  job: Extract<JobName, 'chatwoot-delivery' | 'zendesk-delivery'>;
}

/**
 * A provider's webhook, received: stored once, before it is acknowledged, and handed to the
 * provider's durable job, so the answer goes back at once and a customer's message survives a
 * slow reply or a killed process. A replayed delivery (same key) changes nothing: 'duplicate'.
 */
export async function storeIntegrationDelivery(ctx: AppContext, to: InboundIntegration, d: { key: string; event: string; payload: Record<string, unknown> }): Promise<'accepted' | 'duplicate'> {
  const stored = await insertIntegrationDelivery(ctx.db, { provider: to.provider, deliveryKey: d.key, event: d.event, payload: d.payload, receivedAt: ctx.clock() });
  if (!stored) return 'duplicate';
  try {
    await ctx.jobs.schedule(to.job, { key: d.key }, ctx.clock(), `${to.job}:${d.key}`);
  } catch (err) {
    // Stored is what matters: the next start queues every delivery not yet processed.
    ctx.log('error', `a ${to.provider} delivery is stored but could not be queued; it will be processed at the next start`, { deliveryKey: d.key, error: (err as Error).message });
  }
  return 'accepted';
}

/**
 * At start, queues again every delivery stored but not processed: its job was lost with a killed
 * process, and the customer's message must still be answered. Processing is keyed, so a delivery
 * whose job still exists is processed once.
 */
export async function requeueIntegrationDeliveries(ctx: AppContext, from: InboundIntegration): Promise<number> {
  let n = 0;
  for (const d of await listUnprocessedIntegrationDeliveries(ctx.db, from.provider, 1000)) {
    await ctx.jobs.schedule(from.job, { key: d.deliveryKey }, ctx.clock(), `${from.job}:${d.deliveryKey}`);
    n += 1;
  }
  if (n) ctx.log('info', `${from.provider}: ${n} stored deliveries queued again for processing`);
  return n;
}

/**
 * Processes one stored delivery (the provider's job): skipped once processed, so a retried job
 * or a requeued delivery acts once; `process` says what it did, which is stored as the outcome.
 */
export async function processIntegrationDelivery<S extends z.ZodType>(ctx: AppContext, provider: string, key: string, schema: S, process: (payload: z.infer<S>) => Promise<string>): Promise<void> {
  const delivery = await getIntegrationDelivery(ctx.db, provider, key);
  if (!delivery || delivery.processedAt) return;
  const parsed = schema.safeParse(delivery.payload);
  const outcome = parsed.success ? await process(parsed.data) : `not a ${provider} webhook: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  await markIntegrationDeliveryProcessed(ctx.db, provider, key, outcome, ctx.clock());
}
