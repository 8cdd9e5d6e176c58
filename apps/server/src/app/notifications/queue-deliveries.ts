import type { Sql } from '../../adapters/db/database.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import { insertDelivery, newDeliveriesFor, overdueDeliveries } from '../../adapters/db/repositories/deliveries.repository.js';
import { listEndpoints } from '../../adapters/db/repositories/endpoints.repository.js';
import type { AppContext } from '../context.js';
import { endpointWants, outboundType } from './notification-rules.js';
import { maskForChannel } from '../privacy/mask-for-channel.js';
import { loadNotificationSubject, renderNotification } from './render-notification.js';

/**
 * Stores one pending delivery per interested endpoint for an event, with its payload rendered
 * now: what the log shows is exactly what is sent, and every retry sends the same body. Runs in
 * the listener's transaction (database writes only); idempotent on (endpoint, event).
 */
export async function queueDeliveries(ctx: AppContext, tx: Sql, e: EventRecord): Promise<number> {
  const type = outboundType(e);
  if (!type) return 0;
  const endpoints = await activeEndpoints(tx);
  if (!endpoints.length) return 0;
  const subject = await loadNotificationSubject(tx, e, type);
  let queued = 0;
  for (const ep of endpoints) {
    if (!endpointWants(ep, type, subject.priority)) continue;
    const stored = await insertDelivery(tx, { id: ctx.newId(), endpointId: ep.id, eventSeq: e.seq, eventType: type, payload: renderNotification(ep.kind, maskForChannel(ctx.config, ep.kind, subject), ctx.config.publicUrl), at: ctx.clock() });
    if (stored) queued += 1;
  }
  return queued;
}

/** The active endpoints, read once per listener transaction (a batch of events) rather than once per event. */
const endpointsByTx = new WeakMap<Sql, ReturnType<typeof listEndpoints>>();
function activeEndpoints(tx: Sql): ReturnType<typeof listEndpoints> {
  if (!tx.isTransaction) return listEndpoints(tx, { activeOnly: true });
  let endpoints = endpointsByTx.get(tx);
  if (!endpoints) endpointsByTx.set(tx, (endpoints = listEndpoints(tx, { activeOnly: true })));
  return endpoints;
}

/** The job key of one attempt: scheduling the same attempt twice keeps one job. */
export function deliveryJobKey(deliveryId: string, attempt: number): string {
  return `delivery:${deliveryId}:${attempt}`;
}

/** After the commit: a `deliver-notification` job for each delivery the events created. */
export async function scheduleNewDeliveries(ctx: AppContext, events: EventRecord[]): Promise<void> {
  const fresh = await newDeliveriesFor(ctx.db, events.map((e) => e.seq));
  for (const d of fresh) await ctx.jobs.schedule('deliver-notification', { deliveryId: d.id, attempt: 0 }, d.nextAttemptAt ?? ctx.clock(), deliveryJobKey(d.id, 0));
}

/**
 * Re-schedules deliveries whose job was lost: stored, then the node stopped before scheduling.
 * Run at start; a job that still exists is harmless, since an attempt is recorded once.
 */
export async function requeueOverdueDeliveries(ctx: AppContext, graceMs = 60_000): Promise<number> {
  const overdue = await overdueDeliveries(ctx.db, new Date(ctx.clock().getTime() - graceMs));
  for (const d of overdue) await ctx.jobs.schedule('deliver-notification', { deliveryId: d.id, attempt: d.attempts }, ctx.clock(), deliveryJobKey(d.id, d.attempts));
  return overdue.length;
}
