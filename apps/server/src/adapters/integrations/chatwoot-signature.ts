import { createHmac, timingSafeEqual } from 'node:crypto';

/** Chatwoot's webhook headers, lowercase as Node delivers them. */
export const CHATWOOT_HEADERS = {
  signature: 'x-chatwoot-signature',
  timestamp: 'x-chatwoot-timestamp',
  delivery: 'x-chatwoot-delivery',
} as const;

/** `sha256=` and the hex HMAC-SHA256 of `"{timestamp}.{body}"`, keyed with the webhook's secret: what Chatwoot sends. */
export function signChatwootWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

/** Why a Chatwoot webhook was refused, or null when it is genuine and fresh. */
export function chatwootSignatureProblem(secret: string, o: { signature: string | null; timestamp: string | null; rawBody: string; now: Date; toleranceSeconds?: number }): { kind: 'missing' | 'invalid' | 'stale'; message: string } | null {
  if (!o.signature || !o.timestamp) return { kind: 'missing', message: 'X-Chatwoot-Signature and X-Chatwoot-Timestamp are required: set the same secret in Chatwoot and in BATON_CHATWOOT_WEBHOOK_SECRET' };
  if (!/^\d{1,12}$/.test(o.timestamp)) return { kind: 'invalid', message: 'X-Chatwoot-Timestamp must be unix seconds' };
  const expected = Buffer.from(signChatwootWebhook(secret, o.timestamp, o.rawBody));
  const given = Buffer.from(o.signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid', message: 'X-Chatwoot-Signature does not match the body and timestamp: is BATON_CHATWOOT_WEBHOOK_SECRET the secret Chatwoot shows?' };
  const tolerance = o.toleranceSeconds ?? 300;
  const age = Math.floor(o.now.getTime() / 1000) - Number(o.timestamp);
  if (Math.abs(age) > tolerance) return { kind: 'stale', message: `X-Chatwoot-Timestamp is ${age} s away from now (tolerance ${tolerance} s): a replayed request, or a clock that is wrong` };
  return null;
}
