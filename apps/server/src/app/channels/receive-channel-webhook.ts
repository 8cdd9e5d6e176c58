import { createHash } from 'node:crypto';
import { getChannelDelivery, insertChannelDelivery, listPendingChannelDeliveries } from '../../adapters/db/repositories/channels.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { checkMetaSignature } from './meta-signature.js';

/**
 * A webhook delivery from Meta, acknowledged fast (Meta retries anything slower than a few
 * seconds, and turns a webhook off after repeated failures): the signature is checked on the raw
 * bytes, the body stored as received, and the `channel-inbound` job does the rest. A wrong or
 * missing signature is refused before anything is stored; the same bytes delivered again are
 * stored once.
 */
export async function receiveChannelWebhook(ctx: AppContext, channel: 'whatsapp' | 'messenger', raw: Buffer, signature: string | undefined, appSecret: string): Promise<{ received: true; duplicate: boolean }> {
  const check = checkMetaSignature(raw, signature, appSecret);
  if (check === 'missing') throw new DomainError('CHANNEL_ERR_SIGNATURE_MISSING', 'this webhook needs the X-Hub-Signature-256 header (sha256=<hex HMAC of the raw body with the app secret>)');
  if (check === 'invalid') throw new DomainError('CHANNEL_ERR_SIGNATURE_INVALID', `the X-Hub-Signature-256 header does not match the body: check the ${channel === 'whatsapp' ? 'BATON_WHATSAPP_APP_SECRET' : 'BATON_MESSENGER_APP_SECRET'}`);
  const body = raw.toString('utf8');
  try {
    if (typeof JSON.parse(body) !== 'object') throw new Error('not an object');
  } catch {
    throw new DomainError('CHANNEL_ERR_BAD_PAYLOAD', 'the body is not a JSON object');
  }
  const stored = await insertChannelDelivery(ctx.db, { id: ctx.newId(), channel, body, bodyHash: createHash('sha256').update(raw).digest('hex'), receivedAt: ctx.clock() });
  const row = stored.duplicate ? await getChannelDelivery(ctx.db, stored.id) : null;
  // A replay of a delivery not yet processed gets its job again (the key keeps one); one processed is done.
  if (!row || row.status === 'pending') await ctx.jobs.schedule('channel-inbound', { deliveryId: stored.id }, ctx.clock(), `channel-inbound:${stored.id}`);
  return { received: true, duplicate: stored.duplicate };
}

/** Deliveries stored but whose job was lost (a crash right after the commit): scheduled again at start. */
export async function requeuePendingChannelDeliveries(ctx: AppContext): Promise<number> {
  const pending = await listPendingChannelDeliveries(ctx.db, 500);
  for (const d of pending) await ctx.jobs.schedule('channel-inbound', { deliveryId: d.id }, ctx.clock(), `channel-inbound:${d.id}`);
  return pending.length;
}

/** Meta's subscription handshake: the challenge echoed when the mode is `subscribe` and the token matches. */
export function verifySubscription(q: { 'hub.mode'?: string | undefined; 'hub.verify_token'?: string | undefined; 'hub.challenge'?: string | undefined }, verifyToken: string): string {
  const digest = (s: string) => createHash('sha256').update(s).digest('hex');
  if (q['hub.mode'] !== 'subscribe' || !q['hub.verify_token'] || digest(q['hub.verify_token']) !== digest(verifyToken)) {
    throw new DomainError('CHANNEL_ERR_VERIFY_TOKEN', 'hub.mode must be subscribe and hub.verify_token must match the configured verify token', 'hub.verify_token');
  }
  return q['hub.challenge'] ?? '';
}
