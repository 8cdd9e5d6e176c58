import { z } from 'zod';
import { ZHandoffSchema } from './http.schema.js';

/** `POST /handoffs/:id/callback-outcome`: what the agent did with a booked callback or email reply. */
export const ZCallbackOutcomeSchema = z.strictObject({
  /** `call_now` takes it (and starts the call), `done` closes the callback, `no_answer` tries again later or gives up after the last try. */
  outcome: z.enum(['call_now', 'done', 'no_answer']),
});
export type TCallbackOutcome = z.infer<typeof ZCallbackOutcomeSchema>;

/** `GET /callbacks`: the callbacks and email replies still to be worked, soonest first, each handoff with its `callback`. */
export const ZCallbacksResponseSchema = z.object({ handoffs: z.array(ZHandoffSchema), maxAttempts: z.number().int() });
export type TCallbacksResponse = z.infer<typeof ZCallbacksResponseSchema>;

const shortcut = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'letters, digits, "-" and "_", without spaces (it is typed after "/")');

/** `POST /canned-replies`: a reply agents insert by its shortcut; `teamId` null (or absent) is for every team. */
export const ZCannedReplyInputSchema = z.strictObject({
  shortcut,
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(4000),
  teamId: z.string().min(1).nullable().optional(),
});
/** `PATCH /canned-replies/:id`: any of the fields. */
export const ZCannedReplyPatchSchema = ZCannedReplyInputSchema.partial();
export type TCannedReplyInput = z.infer<typeof ZCannedReplyInputSchema>;

export const ZCannedReplySchema = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  /** The text with its variables, e.g. `Hi {{customer.name}}, your case {{case}}…`; the workspace fills them in. */
  body: z.string(),
  teamId: z.string().nullable(),
  updatedAt: z.string(),
});
export type TCannedReply = z.infer<typeof ZCannedReplySchema>;
export const ZCannedReplyResponseSchema = z.object({ cannedReply: ZCannedReplySchema });
export const ZCannedRepliesResponseSchema = z.object({ cannedReplies: z.array(ZCannedReplySchema) });
export const ZCannedRepliesQuerySchema = z.strictObject({ q: z.string().max(100).optional() });

/** The variables a canned reply may use, and what each stands for. */
export const CANNED_REPLY_VARIABLES = {
  'customer.name': "the customer's first name (or \"there\" when unknown)",
  case: 'the case number, e.g. C-10482',
  'agent.name': "the agent's first name",
} as const;

/** `GET /search?q=`: conversations and customers, a page at a time. */
export const ZSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'type at least 2 characters').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** One earlier or found conversation: the case, the customer, and its last handoff's outcome. */
export const ZConversationSummarySchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(['ai', 'waiting', 'assigned', 'resolved', 'callback']),
  channel: z.string(),
  customer: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  teamId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  handoffId: z.string().nullable(),
  handoffStatus: z.enum(['waiting', 'assigned', 'resolved', 'abandoned', 'callback']).nullable(),
  resolution: z.object({ category: z.string(), outcome: z.string() }).nullable(),
  /** A line of text: the newest message that matched, or (in a history) the customer's first message. */
  snippet: z.string().nullable(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummarySchema>;

export const ZSearchResponseSchema = z.object({
  conversations: z.array(ZConversationSummarySchema),
  customers: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable(), tier: z.string(), conversations: z.number().int() })),
  /** The offset of the next page of conversations; null on the last. */
  nextOffset: z.number().int().nullable(),
});
export type TSearchResponse = z.infer<typeof ZSearchResponseSchema>;

/** `GET /handoffs/:id/history`: the same customer's earlier conversations, and their cases on record. */
export const ZHistoryResponseSchema = z.object({
  conversations: z.array(ZConversationSummarySchema),
});
export type THistoryResponse = z.infer<typeof ZHistoryResponseSchema>;
