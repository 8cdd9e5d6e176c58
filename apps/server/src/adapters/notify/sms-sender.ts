import { httpPost } from './http-post.js';
import type { SendOptions, SendResult } from './send-result.js';

/**
 * SMS through a generic HTTP provider, Twilio-style: a form POST of `To`, `From` and `Body`.
 * The endpoint's target is the provider URL with `To` and `From` as query parameters (they are
 * moved into the form); its secret, when set, is `user:password` for HTTP Basic auth (Twilio:
 * `AccountSid:AuthToken`).
 */
export function sendSms(target: string, secret: string | null, body: string, opts: SendOptions = {}): Promise<SendResult> {
  const url = new URL(target);
  const form = new URLSearchParams({ To: url.searchParams.get('To') ?? '', From: url.searchParams.get('From') ?? '', Body: body });
  url.searchParams.delete('To');
  url.searchParams.delete('From');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Baton-Notifications/1' };
  if (secret) headers.authorization = `Basic ${Buffer.from(secret).toString('base64')}`;
  return httpPost(url.toString(), { headers, body: form.toString() }, opts);
}
