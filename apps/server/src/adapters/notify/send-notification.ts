import type { TNotificationKind } from '@baton/contracts';
import { sendEmail } from './email-sender.js';
import type { SendOptions, SendResult } from './send-result.js';
import { sendSlack } from './slack-sender.js';
import { sendSms } from './sms-sender.js';
import { sendWebhook } from './webhook-sender.js';

/** One stored delivery, ready to go: the endpoint's address and credential and the rendered payload. */
export interface OutboundNotification {
  kind: TNotificationKind;
  target: string;
  secret: string | null;
  deliveryId: string;
  eventType: string;
  /** As the listener rendered it: the webhook envelope, the Slack message, `{body}` for SMS, `{subject, text}` for email. */
  payload: Record<string, unknown>;
}

export interface SendNotificationOptions extends SendOptions {
  /** The sending time, for the webhook timestamp. */
  now: Date;
  /** BATON_SMTP_URL, for mailto: endpoints. */
  smtpUrl?: string | null;
}

/** Sends one notification through the sender for its kind. */
export function sendNotification(n: OutboundNotification, opts: SendNotificationOptions): Promise<SendResult> {
  const send = { ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.outboundAllow ? { outboundAllow: opts.outboundAllow } : {}) };
  switch (n.kind) {
    case 'webhook':
      if (!n.secret) return Promise.resolve({ ok: false, status: null, error: 'the webhook endpoint has no secret' });
      return sendWebhook({ url: n.target, secret: n.secret, deliveryId: n.deliveryId, eventType: n.eventType, body: JSON.stringify(n.payload), timestamp: Math.floor(opts.now.getTime() / 1000) }, send);
    case 'slack':
      return sendSlack(n.target, n.payload, send);
    case 'sms':
      return sendSms(n.target, n.secret, String(n.payload.body ?? ''), send);
    case 'email':
      return sendEmail({ target: n.target, secret: n.secret, smtpUrl: opts.smtpUrl ?? null }, { subject: String(n.payload.subject ?? ''), text: String(n.payload.text ?? '') }, send);
  }
}
