/**
 * The one catalogue of event names (DESIGN §10), with no imports so that the web apps can read it
 * through `@baton/contracts/event-names` without bundling zod. The payload of each is typed by
 * `EventMap` in `events.schema.ts`, which is checked to cover exactly these names.
 */
export const EVENT_NAMES = [
  'conversation.created',
  'conversation.status_changed',
  'message.created',
  'message.delta',
  'handoff.requested',
  'handoff.offered',
  'handoff.accepted',
  'handoff.transferred',
  'handoff.handed_back',
  'handoff.resolved',
  'handoff.sla_breached',
  'handoff.brief_opened',
  'queue.position_updated',
  'agent.presence_changed',
  'agent.access_changed',
  'csat.submitted',
  'policy.updated',
  'callback.scheduled',
  'callback.due',
  'callback.missed',
] as const;
export type TEventName = (typeof EVENT_NAMES)[number];

/** What a customer's stream carries: their conversation's public side, never briefs or notes. */
export const CUSTOMER_EVENT_NAMES = ['message.created', 'message.delta', 'conversation.status_changed', 'queue.position_updated'] as const satisfies readonly TEventName[];
export type TCustomerEventName = (typeof CUSTOMER_EVENT_NAMES)[number];

/**
 * The outbound event names (DESIGN §10): a stable contract, a subset of the catalogue plus
 * `conversation.resolved` (the internal `conversation.status_changed` to `resolved`).
 */
export const NOTIFICATION_EVENTS = [
  'handoff.requested',
  'handoff.accepted',
  'handoff.transferred',
  'handoff.handed_back',
  'handoff.sla_breached',
  'handoff.resolved',
  'conversation.resolved',
  'message.created',
  'callback.missed',
] as const satisfies readonly (TEventName | 'conversation.resolved')[];
export type TNotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The catalogue events a notification is derived from: the outbound names, with `conversation.resolved` read from `conversation.status_changed`. */
export const NOTIFICATION_SOURCE_EVENTS: readonly TEventName[] = NOTIFICATION_EVENTS.map((n) => (n === 'conversation.resolved' ? 'conversation.status_changed' : n));
