import { z } from 'zod';
import { NOTIFICATION_EVENTS } from './event-names.js';
import { ZPrioritySchema } from './reason-codes.js';

/** How an endpoint is reached (DESIGN §7): a signed JSON webhook, a Slack incoming webhook, SMS through an HTTP provider, or email. */
export const ZNotificationKindSchema = z.enum(['webhook', 'slack', 'sms', 'email']);
export type TNotificationKind = z.infer<typeof ZNotificationKindSchema>;

export const ZNotificationEventSchema = z.enum(NOTIFICATION_EVENTS);

/** The delivery log's states: pending (queued), failed (will retry), delivered, dead (gave up). */
export const ZDeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed', 'dead']);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatusSchema>;

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** A URL split into its parts (contracts has no `URL`: it imports only zod). */
function parseUrl(s: string): { scheme: string; host: string; path: string; query: Map<string, string> } | null {
  const m = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#\s]*))?([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(s);
  if (!m) return null;
  const query = new Map<string, string>();
  for (const pair of (m[4] ?? '').split('&')) {
    if (!pair) continue;
    const [k = '', v = ''] = pair.split('=');
    try {
      query.set(decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' ')));
    } catch {
      return null;
    }
  }
  return { scheme: (m[1] ?? '').toLowerCase(), host: m[2] ?? '', path: m[3] ?? '', query };
}

/**
 * Why `target` is not valid for `kind`, or null when it is. The shapes (docs/webhooks.md):
 * - webhook, slack: an `http(s)://` URL;
 * - sms: the provider's `http(s)://` URL with `To` and `From` numbers (E.164) as query parameters;
 * - email: `mailto:a@x[,b@y]` (the server's SMTP, BATON_SMTP_URL) or
 *   `smtp(s)://[user@]host[:port]/?to=a@x[,b@y][&from=baton@x]` (the password goes in `secret`).
 */
export function notificationTargetProblem(kind: TNotificationKind, target: string): string | null {
  const u = parseUrl(target);
  if (!u) return 'must be a URL';
  const web = (u.scheme === 'http' || u.scheme === 'https') && /^[^@]*[a-z0-9\]]/i.test(u.host);
  if (kind === 'webhook' || kind === 'slack') return web ? null : 'must be an http:// or https:// URL';
  if (kind === 'sms') {
    if (!web) return "must be the provider's http:// or https:// URL";
    const to = u.query.get('To');
    const from = u.query.get('From');
    if (!to || !E164.test(to)) return 'needs a To=+E164 query parameter (URL-encode the +: %2B)';
    if (!from || !(E164.test(from) || /^[A-Za-z0-9 ]{1,11}$/.test(from))) return 'needs a From= query parameter: an E.164 number or a sender id';
    return null;
  }
  let to: string | null = null;
  if (u.scheme === 'mailto') {
    try {
      to = decodeURIComponent(u.path);
    } catch {
      to = null;
    }
  } else if ((u.scheme === 'smtp' || u.scheme === 'smtps') && u.host) to = u.query.get('to') ?? '';
  if (to === null) return 'must be mailto:ADDRESS or smtp(s)://host:port/?to=ADDRESS';
  const addresses = to.split(',').map((a: string) => a.trim());
  if (!addresses.length || addresses.some((a: string) => !EMAIL.test(a))) return 'needs one or more recipient email addresses';
  const from = u.scheme === 'mailto' ? undefined : u.query.get('from');
  if (from !== undefined && !EMAIL.test(from)) return 'from= must be an email address';
  return null;
}

const ZName = z.string().trim().min(1).max(200);
const ZEvents = z.array(ZNotificationEventSchema).max(NOTIFICATION_EVENTS.length);

/**
 * `POST /notifications/endpoints`. `events` empty or absent means the default set for the kind;
 * `minPriority` absent means the kind's default (sms: critical, email: high, others: none).
 * `secret`: a webhook's signing key is generated (shown once) unless given (16+ characters); for
 * sms it is the provider's `user:password` (HTTP Basic), for an smtp:// target the SMTP password.
 */
export const ZCreateEndpointSchema = z
  .strictObject({
    kind: ZNotificationKindSchema,
    name: ZName,
    target: z.string().trim().min(1).max(2000),
    secret: z.string().min(1).max(500).optional(),
    events: ZEvents.optional(),
    minPriority: ZPrioritySchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    const problem = notificationTargetProblem(b.kind, b.target);
    if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
    if (b.kind === 'webhook' && b.secret !== undefined && b.secret.length < 16) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a webhook secret needs at least 16 characters' });
    if (b.kind === 'slack' && b.secret !== undefined) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a Slack endpoint has no secret: its URL is the credential' });
  });
export type TCreateEndpoint = z.infer<typeof ZCreateEndpointSchema>;

/** `PATCH /notifications/endpoints/:id`: any field but the kind; `rotateSecret` issues a new webhook secret (returned once). */
export const ZUpdateEndpointSchema = z.strictObject({
  name: ZName.optional(),
  target: z.string().trim().min(1).max(2000).optional(),
  secret: z.string().min(1).max(500).nullable().optional(),
  rotateSecret: z.literal(true).optional(),
  events: ZEvents.optional(),
  minPriority: ZPrioritySchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type TUpdateEndpoint = z.infer<typeof ZUpdateEndpointSchema>;

/** An endpoint as admins see it: never its secret, except `secret` once, on creation or rotation. */
export const ZEndpointSchema = z.object({
  id: z.string(),
  kind: ZNotificationKindSchema,
  name: z.string(),
  target: z.string(),
  hasSecret: z.boolean(),
  events: z.array(ZNotificationEventSchema),
  effectiveEvents: z.array(ZNotificationEventSchema),
  minPriority: ZPrioritySchema.nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  secret: z.string().optional(),
});
export type TEndpoint = z.infer<typeof ZEndpointSchema>;

/** `GET /notifications/deliveries?status=&endpoint=&limit=`. */
export const ZDeliveriesQuerySchema = z.strictObject({
  status: ZDeliveryStatusSchema.optional(),
  endpoint: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TDeliveriesQuery = z.infer<typeof ZDeliveriesQuerySchema>;

/** One row of the delivery log. */
export const ZDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventSeq: z.number().int(),
  eventType: z.string(),
  status: ZDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: z.unknown(),
});
export type TDelivery = z.infer<typeof ZDeliverySchema>;

/**
 * The body of a signed webhook (docs/webhooks.md). `id` is stable for the event across retries
 * and endpoints (dedupe on it); `seq` is the event's global sequence number; `data` has the
 * conversation, the handoff with its brief (PII masked) and the event's own fields.
 */
export const ZWebhookEnvelopeSchema = z.object({
  id: z.string(),
  type: ZNotificationEventSchema,
  seq: z.number().int().positive(),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TWebhookEnvelope = z.infer<typeof ZWebhookEnvelopeSchema>;
