import { z } from 'zod';

/**
 * The external bot's contract (docs/bots.md): what Baton posts to the business's bot for each
 * customer message, and what the bot answers. Baton's policy still runs on every message; the
 * bot only takes the place of the embedded engine's answer.
 */

/** One turn of the recent transcript, oldest first; private notes are never sent. */
export const ZBotTurnSchema = z.object({
  role: z.enum(['customer', 'ai', 'agent', 'system']),
  text: z.string(),
  at: z.string(),
});

/**
 * The customer, as far as they are proven: for an `unverified` customer only the state is sent,
 * never anything from an account.
 */
export const ZBotCustomerSchema = z.object({
  identity: z.enum(['signed', 'code', 'unverified']),
  name: z.string().optional(),
  email: z.string().optional(),
  accountId: z.string().optional(),
  tier: z.string().optional(),
});

/** The body of Baton's POST to a generic bot. */
export const ZBotRequestSchema = z.object({
  type: z.literal('message'),
  conversationId: z.string(),
  caseNumber: z.string(),
  channel: z.string(),
  /** ISO 639-1, or 'und' when it could not be told. */
  language: z.string(),
  message: z.object({ id: z.string(), text: z.string(), at: z.string() }),
  customer: ZBotCustomerSchema,
  /** The last turns before and including this message, oldest first. */
  transcript: z.array(ZBotTurnSchema),
});

const ZBotText = z
  .string()
  .max(4000, 'at most 4,000 characters')
  .refine((s) => s.trim().length > 0, 'must not be blank');

/** A bot's request for a person: the reason (a Baton reason code, or the bot's own words) and a note for the agent. */
export const ZBotHandoffSchema = z.object({
  reason: z.string().trim().min(1).max(200),
  note: z.string().max(2000).optional(),
});

/** What a generic bot answers: its messages, in order, and optionally a request for a person. */
export const ZBotReplySchema = z
  .object({
    messages: z.array(z.object({ text: ZBotText })).max(10).default([]),
    handoff: ZBotHandoffSchema.optional(),
  })
  .refine((r) => r.messages.length > 0 || r.handoff !== undefined, 'a reply needs at least one message or a handoff');

/** One message of Rasa's REST channel answer; `custom` carries Baton's handoff convention. */
export const ZRasaMessageSchema = z.looseObject({
  recipient_id: z.string().optional(),
  text: ZBotText.optional(),
  custom: z.looseObject({ handoff: ZBotHandoffSchema.optional() }).optional(),
});

/** Rasa's REST channel answer (`/webhooks/rest/webhook`): a list of messages, possibly empty. */
export const ZRasaReplySchema = z.array(ZRasaMessageSchema).max(20);

export type TBotTurn = z.infer<typeof ZBotTurnSchema>;
export type TBotCustomer = z.infer<typeof ZBotCustomerSchema>;
export type TBotRequest = z.infer<typeof ZBotRequestSchema>;
export type TBotHandoff = z.infer<typeof ZBotHandoffSchema>;
export type TBotReply = z.infer<typeof ZBotReplySchema>;
export type TRasaReply = z.infer<typeof ZRasaReplySchema>;
