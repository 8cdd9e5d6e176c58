import { z } from 'zod';

/**
 * The integrations' wire shapes: the business's customer-data endpoint (docs/context.md), and
 * what Chatwoot posts to its agent bot (docs/chatwoot.md). Outside payloads are read loosely
 * (`looseObject`): a provider adds fields often, and Baton must keep working when it does.
 */

/** What Baton posts to `BATON_CONTEXT_URL`: the customer as far as they are proven. */
export const ZContextRequestSchema = z.object({
  type: z.literal('customer.context'),
  customer: z.object({
    /** Baton's id for the customer (the built-in table's), when it has one. */
    id: z.string().optional(),
    /** The address, only when it is verified (signed by the site or proved with a code). */
    email: z.string().optional(),
    /** The site's own id for the customer, when the site signed it. */
    externalId: z.string().optional(),
  }),
});

const iso = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO 8601 date');

/** One order as the endpoint returns it. */
export const ZContextOrderSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.string().min(1).max(100),
  placedAt: iso.optional(),
  dispatchedAt: iso.optional(),
  lastScanAt: iso.optional(),
  carrier: z.string().max(200).optional(),
  trackingNumber: z.string().max(200).optional(),
  total: z.object({ amount: z.number(), currency: z.string().length(3) }).optional(),
  items: z.array(z.string().max(500)).max(200).optional(),
});

/** One earlier support case as the endpoint returns it. */
export const ZContextTicketSchema = z.object({
  caseNumber: z.string().min(1).max(100),
  createdAt: iso,
  category: z.string().max(200).optional(),
  outcome: z.string().max(200).optional(),
  summary: z.string().max(1000).optional(),
});

/** The endpoint's answer for a customer it knows (404 for one it does not). */
export const ZContextReplySchema = z.object({
  customer: z.object({
    id: z.string().min(1).max(200),
    name: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    phone: z.string().max(50).optional(),
    tier: z.string().max(50).optional(),
    accountId: z.string().max(200).optional(),
    since: iso.optional(),
    status: z.string().max(50).optional(),
  }),
  orders: z.array(ZContextOrderSchema).max(1000).default([]),
  tickets: z.array(ZContextTicketSchema).max(1000).default([]),
  subscriptions: z.array(z.object({ plan: z.string().max(200), status: z.string().max(50) })).max(100).default([]),
});
export type TContextRequest = z.infer<typeof ZContextRequestSchema>;
export type TContextReply = z.infer<typeof ZContextReplySchema>;

/** The Chatwoot conversation inside a webhook: its id, status and inbox. */
export const ZChatwootConversationSchema = z.looseObject({
  id: z.number().int(),
  account_id: z.number().int().optional(),
  status: z.string().optional(),
  inbox_id: z.number().int().optional(),
  priority: z.string().nullable().optional(),
});

/**
 * One webhook Chatwoot posts to an agent bot's `outgoing_url`: `message_created` carries the
 * message at the top level with its conversation; the conversation events carry the conversation
 * at the top level.
 */
export const ZChatwootWebhookSchema = z.looseObject({
  event: z.string().min(1).max(100),
  id: z.union([z.number().int(), z.string()]).optional(),
  content: z.string().nullable().optional(),
  message_type: z.union([z.string(), z.number()]).optional(),
  private: z.boolean().optional(),
  status: z.string().optional(),
  account: z.looseObject({ id: z.number().int() }).optional(),
  /** Conversation events carry the account as `account_id` beside the conversation's own fields. */
  account_id: z.number().int().optional(),
  conversation: ZChatwootConversationSchema.optional(),
  sender: z.looseObject({ id: z.number().int().optional(), name: z.string().nullable().optional(), email: z.string().nullable().optional(), type: z.string().optional() }).nullable().optional(),
  meta: z.looseObject({ sender: z.looseObject({ name: z.string().nullable().optional(), email: z.string().nullable().optional() }).optional() }).optional(),
});
export type TChatwootWebhook = z.infer<typeof ZChatwootWebhookSchema>;

/** Baton's answer to a Chatwoot webhook: stored and queued, or a replay that changed nothing. */
export const ZChatwootWebhookResponseSchema = z.object({ status: z.enum(['accepted', 'duplicate']) });

/** One event of a Zendesk messaging (Sunshine Conversations v2) webhook. */
export const ZZendeskMessagingEventSchema = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  createdAt: z.string().optional(),
  payload: z.looseObject({
    conversation: z.looseObject({
      id: z.string().min(1).max(200),
      activeSwitchboardIntegration: z.looseObject({ name: z.string().optional(), integrationType: z.string().optional() }).nullable().optional(),
    }).optional(),
    message: z.looseObject({
      id: z.string().min(1).max(200),
      author: z.looseObject({ type: z.string(), displayName: z.string().nullable().optional() }),
      content: z.looseObject({ type: z.string(), text: z.string().nullable().optional() }),
    }).optional(),
  }).optional(),
});
export type TZendeskMessagingEvent = z.infer<typeof ZZendeskMessagingEventSchema>;

/** What Zendesk messaging posts to a webhook: its app, and a batch of events. */
export const ZZendeskMessagingWebhookSchema = z.looseObject({
  app: z.looseObject({ id: z.string().min(1).max(200) }),
  webhook: z.looseObject({ id: z.string().optional(), version: z.string().optional() }).optional(),
  events: z.array(ZZendeskMessagingEventSchema).max(1000),
});
export type TZendeskMessagingWebhook = z.infer<typeof ZZendeskMessagingWebhookSchema>;

/** Baton's answer to a Zendesk messaging webhook: how many events were new, and how many were replays. */
export const ZZendeskMessagingWebhookResponseSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int() });
