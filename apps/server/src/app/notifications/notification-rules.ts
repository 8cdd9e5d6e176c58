import type { TNotificationEvent, TNotificationKind } from '@baton/contracts';
import { NOTIFICATION_EVENTS, NOTIFICATION_SOURCE_EVENTS } from '@baton/contracts';
import type { Priority } from '@baton/core';
import { PRIORITIES } from '@baton/core';
import type { NotificationEndpointRecord } from '../../adapters/db/repositories/endpoints.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';

/** Routine events (a transfer, a hand-back, every message): sent only to endpoints that list them. */
const ROUTINE = new Set<TNotificationEvent>(['handoff.transferred', 'handoff.handed_back', 'message.created']);
/** The events worth waking someone up for. */
const URGENT = new Set<TNotificationEvent>(['handoff.requested', 'handoff.sla_breached', 'callback.missed']);
const ALL_BUT_ROUTINE = NOTIFICATION_EVENTS.filter((n) => !ROUTINE.has(n));

/**
 * Which events an endpoint gets when its `events` list is empty, drawn from the contracts'
 * catalogue. SMS is for waking someone up, so it gets only new and late handoffs and missed
 * callbacks; `message.created` is never a default (it is chatty).
 */
export const DEFAULT_EVENTS: Record<TNotificationKind, readonly TNotificationEvent[]> = {
  webhook: ALL_BUT_ROUTINE,
  slack: ALL_BUT_ROUTINE,
  email: ALL_BUT_ROUTINE,
  sms: NOTIFICATION_EVENTS.filter((n) => URGENT.has(n)),
};

/**
 * "Chosen per priority" (DESIGN §7): each endpoint has a minimum priority, and when an admin does
 * not choose one the kind decides: SMS only for critical, email from high, webhooks and Slack
 * for everything. Critical meets every minimum, so it reaches every channel.
 */
export const DEFAULT_MIN_PRIORITY: Record<TNotificationKind, Priority | null> = { webhook: null, slack: null, email: 'high', sms: 'critical' };

/** The internal events the notifications listener reads: derived from the outbound names in contracts. */
export const SOURCE_EVENTS = NOTIFICATION_SOURCE_EVENTS;

/** The outbound name of an internal event, or null when it is not one we send. Private notes are never sent. */
export function outboundType(e: EventRecord): TNotificationEvent | null {
  if (e.type === 'conversation.status_changed') return e.payload.to === 'resolved' ? 'conversation.resolved' : null;
  if (e.type === 'message.created') {
    return e.payload.message.private ? null : 'message.created';
  }
  return NOTIFICATION_EVENTS.find((n) => n === e.type) ?? null;
}

/** The events an endpoint actually gets. */
export function effectiveEvents(ep: Pick<NotificationEndpointRecord, 'kind' | 'events'>): TNotificationEvent[] {
  return ep.events.length ? (ep.events as TNotificationEvent[]) : [...DEFAULT_EVENTS[ep.kind]];
}

/** True when `p` is at or above `min`; no minimum lets everything through. */
export function meetsPriority(p: Priority | null, min: Priority | null): boolean {
  if (min === null) return true;
  if (p === null) return false;
  return PRIORITIES.indexOf(p) >= PRIORITIES.indexOf(min);
}

/**
 * Whether an endpoint gets this event. Events with no handoff behind them (a message in a
 * conversation the AI is handling) have no priority, so an endpoint with a minimum skips them.
 */
export function endpointWants(ep: NotificationEndpointRecord, type: TNotificationEvent, priority: Priority | null): boolean {
  return ep.active && effectiveEvents(ep).includes(type) && meetsPriority(priority, ep.minPriority);
}
