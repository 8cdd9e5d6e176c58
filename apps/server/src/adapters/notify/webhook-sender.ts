import { signStandardWebhook, signWebhook } from '../../webhook-signature.js';
import { httpPost } from './http-post.js';
import type { SendOptions, SendResult } from './send-result.js';

/** One signed webhook POST (docs/webhooks.md). */
export interface WebhookMessage {
  url: string;
  secret: string;
  /** The delivery's id, stable across retries (`webhook-id`): receivers dedupe on it. */
  deliveryId: string;
  eventType: string;
  /** The exact bytes that are signed and sent. */
  body: string;
  /** Unix seconds, taken at each attempt so that a retry is not refused as a replay. */
  timestamp: number;
}

/**
 * POSTs the JSON body signed by Standard Webhooks (`webhook-*`), with the deprecated `Baton-*`
 * headers alongside for one release.
 */
export function sendWebhook(m: WebhookMessage, opts: SendOptions = {}): Promise<SendResult> {
  return httpPost(m.url, { headers: webhookHeaders(m), body: m.body }, opts);
}

/** The headers of a signed POST: Standard Webhooks' `webhook-*`, and the deprecated `Baton-*` alongside. */
export function webhookHeaders(m: Omit<WebhookMessage, 'url'>, userAgent = 'Baton-Webhooks/1'): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': userAgent,
    'webhook-id': m.deliveryId,
    'webhook-timestamp': String(m.timestamp),
    'webhook-signature': signStandardWebhook(m.secret, m.deliveryId, m.timestamp, m.body),
    'baton-event': m.eventType,
    'baton-delivery': m.deliveryId,
    'baton-timestamp': String(m.timestamp),
    'baton-signature': signWebhook(m.secret, m.timestamp, m.body),
  };
}
