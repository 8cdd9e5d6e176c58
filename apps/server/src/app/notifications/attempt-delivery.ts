import { createHash } from 'node:crypto';
import { getDelivery, recordAttempt } from '../../adapters/db/repositories/deliveries.repository.js';
import type { DeliveryRecord } from '../../adapters/db/repositories/deliveries.repository.js';
import { getEndpoint } from '../../adapters/db/repositories/endpoints.repository.js';
import { sendNotification } from '../../adapters/notify/send-notification.js';
import type { AppContext } from '../context.js';
import { deliveryJobKey } from './queue-deliveries.js';

/** The retry policy; the defaults are production's, tests shorten the delays. */
export interface DeliveryPolicy {
  /** Attempts before a delivery is dead (default 6). */
  maxAttempts?: number;
  /** The wait after the first failure (default 10 s); each next one is 3× longer: 10 s, 30 s, 90 s, 270 s, 810 s. */
  baseDelayMs?: number;
  /** A receiver slower than this failed (default 5000 ms). */
  timeoutMs?: number;
  /** BATON_SMTP_URL, for mailto: endpoints. */
  smtpUrl?: string | null;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_BASE_DELAY_MS = 10_000;

/**
 * The wait after failed attempt number `attempt` (1-based): base × 3^(attempt−1), ±20 %. The
 * jitter is derived from the delivery's id, so it is reproducible and yet spreads the retries of
 * many deliveries that failed together (a receiver coming back up is not hit all at once).
 */
export function backoffDelayMs(deliveryId: string, attempt: number, baseDelayMs = DEFAULT_BASE_DELAY_MS): number {
  const h = createHash('sha256').update(`${deliveryId}:${attempt}`).digest();
  const unit = h.readUInt32BE(0) / 0xffffffff;
  return Math.round(baseDelayMs * 3 ** Math.max(0, attempt - 1) * (0.8 + 0.4 * unit));
}

/**
 * One attempt of one delivery (the `deliver-notification` job). It sends only if the delivery is
 * still at attempt number `attempt` and not finished, so a duplicate or stale job does nothing;
 * then records the outcome with a conditional update, and on failure schedules the next attempt
 * or marks the delivery dead. Delivery is at least once: receivers dedupe on `Baton-Delivery`.
 */
export async function attemptDelivery(ctx: AppContext, job: { deliveryId: string; attempt: number }, policy: DeliveryPolicy = {}): Promise<DeliveryRecord | null> {
  const d = await getDelivery(ctx.db, job.deliveryId);
  if (!d || d.attempts !== job.attempt || (d.status !== 'pending' && d.status !== 'failed')) return null;
  const ep = await getEndpoint(ctx.db, d.endpointId);
  if (!ep) return null;
  const now = ctx.clock();
  const result = await sendNotification(
    { kind: ep.kind, target: ep.target, secret: ep.secret, deliveryId: d.id, eventType: d.eventType, payload: d.payload },
    { now, ...(policy.timeoutMs !== undefined ? { timeoutMs: policy.timeoutMs } : {}), smtpUrl: policy.smtpUrl ?? null, outboundAllow: ctx.config.outboundAllow },
  );
  const attempt = d.attempts + 1;
  const maxAttempts = policy.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const after = ctx.clock();
  const next = result.ok || attempt >= maxAttempts ? null : new Date(after.getTime() + backoffDelayMs(d.id, attempt, policy.baseDelayMs));
  const recorded = await recordAttempt(ctx.db, d.id, d.attempts, {
    status: result.ok ? 'delivered' : next ? 'failed' : 'dead',
    lastStatus: result.status,
    lastError: result.error,
    nextAttemptAt: next,
    deliveredAt: result.ok ? after : null,
  });
  if (!recorded) return null;
  if (next) await ctx.jobs.schedule('deliver-notification', { deliveryId: d.id, attempt }, next, deliveryJobKey(d.id, attempt));
  else if (!result.ok) ctx.log('warn', 'notification dead after its last attempt', { deliveryId: d.id, endpointId: ep.id, attempts: attempt, error: result.error });
  return recorded;
}
