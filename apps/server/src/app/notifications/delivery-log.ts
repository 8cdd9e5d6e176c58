import type { TDeliveriesQuery, TDelivery } from '@baton/contracts';
import type { DeliveryRecord } from '../../adapters/db/repositories/deliveries.repository.js';
import { getDelivery, listDeliveries, requeueDelivery } from '../../adapters/db/repositories/deliveries.repository.js';
import type { AppContext } from '../context.js';
import { notifyError } from './notify-errors.js';
import { deliveryJobKey } from './queue-deliveries.js';

/** A delivery log row as admins see it. */
export function wireDelivery(d: DeliveryRecord): TDelivery {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventSeq: d.eventSeq,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    payload: d.payload,
  };
}

/** The delivery log, newest first, filtered by status and endpoint. */
export async function listDeliveryLog(ctx: AppContext, q: TDeliveriesQuery): Promise<TDelivery[]> {
  const rows = await listDeliveries(ctx.db, { ...(q.status ? { status: q.status } : {}), ...(q.endpoint ? { endpointId: q.endpoint } : {}), limit: q.limit });
  return rows.map(wireDelivery);
}

/**
 * An admin's retry: a dead delivery (or a delivered one, to send it again) starts a fresh series
 * of attempts. A delivery already queued or retrying is left as it is and returned, so a double
 * click queues nothing twice.
 */
export async function retryDelivery(ctx: AppContext, id: string): Promise<TDelivery> {
  const requeued = await ctx.db.transaction().execute((tx) => requeueDelivery(tx, id, ctx.clock()));
  if (requeued) {
    await ctx.jobs.schedule('deliver-notification', { deliveryId: id, attempt: 0 }, ctx.clock(), `${deliveryJobKey(id, 0)}:${ctx.clock().getTime()}`);
    return wireDelivery(requeued);
  }
  const d = await getDelivery(ctx.db, id);
  if (!d) throw notifyError('NOTIFY_ERR_DELIVERY_NOT_FOUND', `no delivery ${id}`);
  return wireDelivery(d);
}
