import { z } from 'zod';

/** `Name <address>` or a bare address. */
const ZMailbox = z
  .string()
  .trim()
  .max(400)
  .regex(/^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/, 'an address, optionally with a name: "Ana <ana@example.com>"');

/** A Message-ID, with or without its angle brackets. */
const ZMessageId = z
  .string()
  .trim()
  .min(3)
  .max(998)
  .regex(/^<?[^\s<>]+>?$/, 'a Message-ID such as <abc123@mail.example.com>');

/**
 * `POST /api/v1/channels/email/inbound`: one inbound mail, already parsed by the provider
 * (SendGrid Inbound Parse, Mailgun routes, Postmark, a script). Authenticated with the
 * `x-baton-email-secret` header. `messageId` makes a re-sent webhook harmless.
 */
export const ZInboundEmailSchema = z
  .strictObject({
    from: ZMailbox,
    to: z.union([ZMailbox, z.array(ZMailbox).max(50)]),
    subject: z.string().max(998),
    text: z.string().max(200_000),
    html: z.string().max(1_000_000).optional(),
    messageId: ZMessageId,
    inReplyTo: ZMessageId.optional(),
    /** The References header as one string, or its ids as a list. */
    references: z.union([z.string().max(20_000), z.array(ZMessageId).max(200)]).optional(),
    /** The mail's files, base64; pictures and PDFs are kept with the message, anything else is left out. */
    attachments: z
      .array(z.strictObject({ filename: z.string().max(1000).optional(), content: z.string().max(150_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'base64') }))
      .max(20)
      .optional(),
  })
  .refine((m) => m.text.trim().length > 0 || (m.html ?? '').trim().length > 0, { message: 'text or html must hold the message', path: ['text'] });
export type TInboundEmail = z.infer<typeof ZInboundEmailSchema>;

export const ZInboundEmailResponseSchema = z.object({
  status: z.enum(['posted', 'duplicate', 'ignored']),
  conversationId: z.string().optional(),
  caseNumber: z.string().optional(),
  reason: z.string().optional(),
});
export type TInboundEmailResponse = z.infer<typeof ZInboundEmailResponseSchema>;
