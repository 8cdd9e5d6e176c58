import { z } from 'zod';
import type { TCustomerEventName, TEventName } from './event-names.js';
import { EVENT_NAMES } from './event-names.js';
import { ZHandoffSchema, ZMessageSchema } from './http.schema.js';
import { ZPrioritySchema } from './reason-codes.js';

const ZCallbackKindSchema = z.enum(['callback', 'email']);

/** A handoff as events carry it: the HTTP shape, brief included. */
const ZEventHandoffSchema = ZHandoffSchema;

/**
 * Every event's payload, by name (DESIGN §10). The server's `emit` takes `TEventPayload<N>` for
 * its `N`, so a wrong payload or an unknown name is a compile error; listeners, the stream and the
 * web apps read the same types. Objects are not strict: a payload may gain a field without
 * breaking an older reader.
 */
export const EventMap = {
  'conversation.created': z.object({ caseNumber: z.string(), channel: z.string() }),
  'conversation.status_changed': z.object({ from: z.string(), to: z.string(), cause: z.string() }),
  'message.created': z.object({ message: ZMessageSchema }),
  /**
   * A reply the model is still writing (LLM mode): `text` is the whole reply so far, `delta` what
   * was added. The stored reply follows as `message.created` with the same `replyTo`, and replaces
   * the draft; a draft with no stored reply after it was not sent (the policy or a failure stopped it).
   */
  'message.delta': z.object({ replyTo: z.string(), text: z.string(), delta: z.string() }),
  'handoff.requested': z.object({
    handoff: ZEventHandoffSchema,
    /** The place in the queue when the handoff was raised (absent when it re-enters from a callback). */
    position: z.number().int().optional(),
    /** Set when a booked callback came due and the handoff re-entered the queue. */
    callback: z.object({ id: z.string(), kind: ZCallbackKindSchema, contact: z.string().nullable() }).optional(),
  }),
  // `transferred`: an agent transferred it; offered to the agent they named, or to the best available agent of the team.
  // `agent_offline`: the agent it was with or offered to has had no live workspace for the presence grace period.
  // `agent_available`: an agent came online or freed a slot, and was offered the best waiting handoff (no previous agent, or one gone offline).
  'handoff.offered': z.object({ handoff: ZEventHandoffSchema, previousAgentId: z.string().nullable(), reason: z.enum(['accept_timeout', 'answer_timeout', 'agent_available', 'agent_offline', 'transferred']) }),
  'handoff.accepted': z.object({ handoff: ZEventHandoffSchema, agent: z.object({ id: z.string(), name: z.string() }) }),
  'handoff.transferred': z.object({ handoff: ZEventHandoffSchema, from: z.string(), toTeamId: z.string().nullable(), toAgentId: z.string().nullable(), note: z.string() }),
  'handoff.handed_back': z.object({ note: z.string().nullable() }),
  'handoff.resolved': z.object({
    resolution: z.object({ category: z.string(), outcome: z.string(), verdict: z.string(), note: z.string().optional() }),
    resolvedAt: z.string(),
  }),
  'handoff.sla_breached': z.object({ slaDueAt: z.string(), priority: ZPrioritySchema, status: z.string() }),
  'handoff.brief_opened': z.object({}),
  'queue.position_updated': z.object({ position: z.number().int(), waitMinutes: z.number() }),
  'agent.presence_changed': z.object({ presence: z.string(), capacity: z.number().int() }),
  /** An agent's sessions changed: a logout, a new role, a password reset, disabled or enabled. Open streams of that agent check their session again. */
  'agent.access_changed': z.object({ reason: z.enum(['logout', 'role_changed', 'password_reset', 'disabled', 'enabled']) }),
  'csat.submitted': z.object({ score: z.number().int(), afterHandoff: z.boolean() }),
  'policy.updated': z.object({ version: z.number().int(), by: z.string() }),
  'callback.scheduled': z.object({ callbackId: z.string(), kind: ZCallbackKindSchema, scheduledFor: z.string().nullable(), timeZone: z.string().nullable() }),
  'callback.due': z.object({ callbackId: z.string(), kind: ZCallbackKindSchema, contact: z.string().nullable() }),
  'callback.missed': z.object({ callbackId: z.string(), kind: ZCallbackKindSchema, scheduledFor: z.string().nullable(), priority: ZPrioritySchema }),
} as const satisfies Record<TEventName, z.ZodType>;

// The map and the name list are one catalogue: a name without a schema, or a schema without a name, fails here.
type MissingSchema = Exclude<TEventName, keyof typeof EventMap>;
type UnknownName = Exclude<keyof typeof EventMap, TEventName>;
const catalogueIsComplete: [MissingSchema, UnknownName] extends [never, never] ? true : never = true;
void catalogueIsComplete;

/** The payload of event `N`. */
export type TEventPayload<N extends TEventName> = z.infer<(typeof EventMap)[N]>;

/** An event as the stream and the event log carry it, its payload typed by its name. */
export type TEvent<N extends TEventName = TEventName> = {
  [K in N]: {
    seq: number;
    type: K;
    conversationId: string | null;
    handoffId: string | null;
    agentId: string | null;
    payload: TEventPayload<K>;
    createdAt: string;
  };
}[N];

export const ZEventNameSchema = z.enum(EVENT_NAMES);

/** The payload schema of one event name: for validating what came off the wire or out of the log. */
export function eventPayloadSchema<N extends TEventName>(name: N): (typeof EventMap)[N] {
  return EventMap[name];
}

/** An event a customer's stream carries (`CUSTOMER_EVENT_NAMES`). */
export type TCustomerEvent = TEvent<TCustomerEventName>;

/**
 * What the stream passes on as it happens and never stores (DESIGN: in-memory effects are
 * cosmetic): someone is typing in a conversation, to the other side (the customer's typing to
 * agents, an agent's to the customer); and how far the customer has read, to agents.
 */
export type TStreamSignal =
  | { type: 'typing'; conversationId: string; who: { kind: 'customer' } | { kind: 'agent'; name: string } }
  | { type: 'seen'; conversationId: string; seq: number };

/**
 * Frames a client sends on the stream: a keep-alive ping; "I am typing" (an agent names the
 * conversation, a customer's is their own), at most every few seconds; and, from the customer,
 * the last message `seq` they have seen.
 */
export const ZClientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('ack'), seq: z.number().int() }),
  z.object({ type: z.literal('typing'), conversationId: z.string().min(1).max(100).optional() }),
  z.object({ type: z.literal('seen'), seq: z.number().int().min(0) }),
]);
export type TClientFrame = z.infer<typeof ZClientFrameSchema>;

/**
 * The frames of `GET /api/v1/stream` (a WebSocket), server to client. `E` is the event union the
 * reader expects: every event for an agent, `TCustomerEvent` for a customer.
 */
export type TStreamFrame<E extends TEvent = TEvent> =
  | { type: 'ready'; seq: number; principal: { kind: 'agent'; id: string } | { kind: 'customer'; conversationId: string } }
  | { type: 'event'; event: E }
  | TStreamSignal
  | { type: 'pong'; seq: number }
  | { type: 'error'; error: { code: string; message: string } };
