import { z } from 'zod';

/**
 * The messaging channels of Meta's platform (docs/channels.md): the WhatsApp Cloud API and the
 * Messenger Platform (Messenger and Instagram). The webhook bodies are checked against the app
 * secret's signature on their raw bytes first, stored, and parsed here later by the job that
 * processes them; unknown fields are ignored, so a field Meta adds breaks nothing.
 */

/** The channels a conversation can live on. A customer stays on the channel they started on. */
export const CHANNEL_NAMES = ['web', 'email', 'whatsapp', 'messenger', 'instagram'] as const;
export type TChannelName = (typeof CHANNEL_NAMES)[number];

/** `GET …/webhook`: Meta's verification handshake (`hub.mode=subscribe`, the verify token, a challenge to echo). */
export const ZMetaVerifyQuerySchema = z.object({
  'hub.mode': z.string().max(100).optional(),
  'hub.verify_token': z.string().max(1000).optional(),
  'hub.challenge': z.string().max(1000).optional(),
});
export type TMetaVerifyQuery = z.infer<typeof ZMetaVerifyQuerySchema>;

/** What a webhook delivery gets back at once: stored (or already stored), to be processed by a job. */
export const ZChannelWebhookResponseSchema = z.object({ received: z.boolean(), duplicate: z.boolean() });

const ZWhatsAppError = z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional(), error_data: z.object({ details: z.string().optional() }).optional() });

export const ZWhatsAppInboundMessageSchema = z.object({
  from: z.string().optional(),
  /** The business-scoped user id, which may be the only identifier of a user with a username. */
  from_user_id: z.string().optional(),
  id: z.string().min(1).max(256),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  /** A quick-reply button of a template. */
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  image: z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional() }).optional(),
  document: z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() }).optional(),
  audio: z.object({ id: z.string(), mime_type: z.string().optional() }).optional(),
  video: z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional() }).optional(),
  sticker: z.object({ id: z.string(), mime_type: z.string().optional() }).optional(),
  errors: z.array(ZWhatsAppError).optional(),
});
export type TWhatsAppInboundMessage = z.infer<typeof ZWhatsAppInboundMessageSchema>;

export const ZWhatsAppStatusSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(ZWhatsAppError).optional(),
});
export type TWhatsAppStatus = z.infer<typeof ZWhatsAppStatusSchema>;

export const ZWhatsAppWebhookSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            messaging_product: z.string().optional(),
            metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).optional(),
            contacts: z.array(z.object({ profile: z.object({ name: z.string().optional() }).optional(), wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type TWhatsAppWebhook = z.infer<typeof ZWhatsAppWebhookSchema>;

const ZMessengerId = z.object({ id: z.string() });

/** One item of `messaging[]` or `standby[]`: a message, an echo, a postback, a delivery or read receipt, or a handover. */
export const ZMessengerEventSchema = z.object({
  sender: ZMessengerId,
  recipient: ZMessengerId,
  timestamp: z.number().optional(),
  message: z
    .object({
      mid: z.string().min(1).max(512),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      app_id: z.union([z.number(), z.string()]).optional(),
      quick_reply: z.object({ payload: z.string() }).optional(),
      attachments: z.array(z.object({ type: z.string(), payload: z.object({ url: z.string().optional() }).nullable().optional() })).optional(),
    })
    .optional(),
  postback: z.object({ mid: z.string().optional(), title: z.string().optional(), payload: z.string() }).optional(),
  delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number() }).optional(),
  read: z.object({ watermark: z.number() }).optional(),
  pass_thread_control: z.object({ new_owner_app_id: z.union([z.number(), z.string()]), metadata: z.string().optional() }).optional(),
  take_thread_control: z.object({ previous_owner_app_id: z.union([z.number(), z.string()]).optional(), new_owner_app_id: z.union([z.number(), z.string()]).optional(), metadata: z.string().optional() }).optional(),
  request_thread_control: z.object({ requested_owner_app_id: z.union([z.number(), z.string()]).optional() }).optional(),
});
export type TMessengerEvent = z.infer<typeof ZMessengerEventSchema>;

export const ZMessengerWebhookSchema = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), time: z.number().optional(), messaging: z.array(z.unknown()).optional(), standby: z.array(z.unknown()).optional() })),
});
export type TMessengerWebhook = z.infer<typeof ZMessengerWebhookSchema>;

/** `GET /channels/conversations/:id`: where a conversation lives, and what its channel lets agents send now. */
export const ZChannelStateSchema = z.object({
  channel: z.string(),
  /** The customer's id on the channel (a `wa_id`, a page-scoped id); null on the web and by email. */
  contactId: z.string().nullable(),
  /** Whether agents' replies go out as typed now (`free`), only as an approved template (`template`), with the HUMAN_AGENT tag (`human_agent`), or are held until the customer writes (`held`). */
  mode: z.enum(['free', 'template', 'human_agent', 'held']),
  /** When the 24-hour window closes (or closed); null on channels without one, or before the customer wrote. */
  windowClosesAt: z.string().nullable(),
  /** Messenger: the end of the 7 days in which a person may still answer with the HUMAN_AGENT tag. */
  humanAgentUntil: z.string().nullable(),
  /** For the agent: why the mode is what it is, in a sentence. */
  why: z.string(),
  /** Messenger: who owns the thread (`baton`, or another app such as the Page Inbox, where a person answers). */
  threadOwner: z.string().nullable(),
  limits: z.object({ textMax: z.number(), buttonsMax: z.number(), buttonTitleMax: z.number() }),
});
export type TChannelState = z.infer<typeof ZChannelStateSchema>;

/** The delivery of one message on its channel, as the provider reported it. */
export const ZDeliveryStateSchema = z.object({
  status: z.enum(['pending', 'held', 'sent', 'delivered', 'read', 'failed', 'skipped']),
  /** Why it failed, was held or skipped, for the agent. */
  detail: z.string().optional(),
});
