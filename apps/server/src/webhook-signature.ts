import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signing and verifying Baton's outbound webhooks (docs/webhooks.md).
 *
 * Baton signs by the Standard Webhooks specification (standardwebhooks.com): `webhook-id`,
 * `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * keyed with the bytes of a `whsec_<base64>` secret, so receivers verify with the
 * `standardwebhooks` libraries. Signing the timestamp and the id with the body lets a receiver
 * refuse a captured request replayed later and deduplicate a retried one.
 *
 * Deprecated, sent alongside for one release: `Baton-Timestamp: <unix seconds>` and
 * `Baton-Signature: v1=<hex>`, the hex being HMAC-SHA256(secret as UTF-8, `${timestamp}.${rawBody}`).
 */

/** The deprecated `Baton-*` header names, lowercase as Node delivers them. */
export const WEBHOOK_HEADERS = {
  event: 'baton-event',
  delivery: 'baton-delivery',
  timestamp: 'baton-timestamp',
  signature: 'baton-signature',
} as const;

/** The Standard Webhooks header names. */
export const STANDARD_WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** `whsec_` and canonical, padded base64: the Standard Webhooks form of a secret. */
const STANDARD_SECRET = /^whsec_((?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?|(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=))$/;

/**
 * The HMAC key of an endpoint's secret under Standard Webhooks. A secret in the standard form
 * (`whsec_` and base64 of at least 16 bytes) is its decoded bytes. Any other secret (endpoints
 * created before, whose secrets were `whsec_` and base64url, or an admin's own string) is keyed
 * by its UTF-8 bytes, as the `Baton-Signature` always was: its standard form is then
 * {@link standardWebhookSecret}.
 */
export function standardWebhookKey(secret: string): Buffer {
  const m = STANDARD_SECRET.exec(secret);
  const decoded = m ? Buffer.from(m[1] ?? '', 'base64') : null;
  return decoded && decoded.length >= 16 ? decoded : Buffer.from(secret, 'utf8');
}

/** The secret to give a Standard Webhooks library for an endpoint's secret: itself when already standard. */
export function standardWebhookSecret(secret: string): string {
  return `whsec_${standardWebhookKey(secret).toString('base64')}`;
}

/** The `webhook-signature` value, `v1,<base64>`, for message `id` sent at `timestamp` (unix seconds). */
export function signStandardWebhook(secret: string, id: string, timestamp: number | string, body: string | Buffer): string {
  const mac = createHmac('sha256', standardWebhookKey(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** The deprecated `Baton-Signature` (`v1=` and hex) for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `v1=${mac.digest('hex')}`;
}

/** Why a webhook was refused. */
export type WebhookRejection = 'missing_headers' | 'malformed_timestamp' | 'stale_timestamp' | 'bad_signature';

/** The outcome of {@link verifyWebhook}: accepted with its headers, or refused with a reason. */
export type WebhookVerification =
  | { ok: true; timestamp: number; event: string | null; deliveryId: string | null }
  | { ok: false; reason: WebhookRejection; message: string };

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from `now`, either way (default 300 s). */
  toleranceSeconds?: number;
  /** The receiver's clock (default the current time). */
  now?: Date;
}

/** Headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const rec = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : rec[key];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/**
 * Checks a received webhook: the signature over the raw body, then the timestamp's age. Several
 * `v1=` values separated by commas are accepted (any may match), so a sender can sign with an old
 * and a new secret while a rotation rolls out. Never throws for a bad request: it returns why.
 */
export function verifyWebhook(secret: string, headers: WebhookHeaders, rawBody: string | Buffer, opts: VerifyWebhookOptions = {}): WebhookVerification {
  const ts = header(headers, WEBHOOK_HEADERS.timestamp);
  const sig = header(headers, WEBHOOK_HEADERS.signature);
  if (!ts || !sig) return { ok: false, reason: 'missing_headers', message: 'Baton-Timestamp and Baton-Signature are required' };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: 'malformed_timestamp', message: 'Baton-Timestamp must be unix seconds' };
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const matches = sig
    .split(',')
    .map((s) => Buffer.from(s.trim()))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  if (!matches) return { ok: false, reason: 'bad_signature', message: 'the signature does not match the body and timestamp' };
  const tolerance = opts.toleranceSeconds ?? 300;
  // For receivers of Baton's webhooks (a library export): their machine's time unless they pass `now`.
  // eslint-disable-next-line no-restricted-syntax
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const timestamp = Number(ts);
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'stale_timestamp', message: `the timestamp is ${now - timestamp} s away from now (tolerance ${tolerance} s): a replay?` };
  return { ok: true, timestamp, event: header(headers, WEBHOOK_HEADERS.event), deliveryId: header(headers, WEBHOOK_HEADERS.delivery) };
}
