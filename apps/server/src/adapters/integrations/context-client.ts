import type { CustomerProfile } from '@baton/core';
import type { TContextReply, TContextRequest } from '@baton/contracts';
import { toSafeText, ZContextReplySchema } from '@baton/contracts';
import type { ContextConfig } from '../../config.js';
import { httpPostForReply } from '../notify/http-post.js';
import { shortError } from '../notify/send-result.js';
import { webhookHeaders } from '../notify/webhook-sender.js';

/** The endpoint's answer: the customer's profile (null: it does not know them), or why there is none. */
export type ContextAnswer = { ok: true; profile: CustomerProfile | null } | { ok: false; error: string };

/** The business's customer-data endpoint (`BATON_CONTEXT_URL`, docs/context.md). */
export interface ContextClient {
  /** The customer's profile, orders and tickets; never throws, never takes longer than the timeout. */
  fetch(customer: TContextRequest['customer']): Promise<ContextAnswer>;
}

/** Largest answer read: a customer with a thousand orders fits. */
const MAX_REPLY_BYTES = 1024 * 1024;
/** Customers whose answers are kept at once; the oldest goes first. */
const CACHE_ENTRIES = 2000;

/**
 * Posts the verified identity, signed like the outbound webhooks, and reads the profile back. A
 * good answer is kept for `cacheSeconds` per customer, so a conversation of ten messages asks
 * once; a failure is never cached, so the next message tries again.
 */
export function createContextClient(config: ContextConfig, opts: { outboundAllow: readonly string[]; clock: () => Date; newId: () => string }): ContextClient {
  const cache = new Map<string, { at: number; answer: ContextAnswer }>();
  return {
    async fetch(customer) {
      const key = JSON.stringify([customer.id ?? null, customer.email ?? null, customer.externalId ?? null]);
      const now = opts.clock().getTime();
      const hit = cache.get(key);
      if (hit && now - hit.at < config.cacheSeconds * 1000) return hit.answer;
      const request: TContextRequest = { type: 'customer.context', customer };
      const body = JSON.stringify(request);
      const headers = webhookHeaders({ secret: config.secret, deliveryId: `ctx_${opts.newId()}`, eventType: 'customer.context', body, timestamp: Math.floor(now / 1000) }, 'Baton-Context/1');
      // The request's deadline covers connecting and the headers; this one covers a body that stalls too.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), config.timeoutMs + 200)));
      const res = await Promise.race([httpPostForReply(config.url, { headers, body }, { timeoutMs: config.timeoutMs, outboundAllow: opts.outboundAllow, maxBodyBytes: MAX_REPLY_BYTES }), late]).finally(() => clearTimeout(timer));
      let answer: ContextAnswer;
      if (!res) answer = { ok: false, error: `timed out after ${config.timeoutMs} ms` };
      else if (res.status === 404) answer = { ok: true, profile: null };
      else if (!res.ok) answer = { ok: false, error: res.error ?? `HTTP ${res.status}` };
      else answer = parseReply(res.body);
      if (answer.ok) {
        if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        cache.set(key, { at: now, answer });
      }
      return answer;
    },
  };
}

function parseReply(body: string | null): ContextAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return { ok: false, error: 'the answer is not JSON' };
  }
  const parsed = ZContextReplySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: shortError(`the answer is not a customer: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}`) };
  }
  return { ok: true, profile: toProfile(parsed.data) };
}

/** The endpoint's answer as core's profile: text made storable, absent parts left out. */
function toProfile(r: TContextReply): CustomerProfile {
  const { customer: c } = r;
  const text = (v: string | undefined) => (v === undefined ? undefined : toSafeText(v));
  const p: CustomerProfile = { id: c.id, orders: r.orders.map((o) => strip({ ...o, id: o.id.replace(/^#/, ''), carrier: text(o.carrier), items: o.items?.map(toSafeText) })), tickets: r.tickets.map((t) => strip({ ...t, summary: text(t.summary) })) };
  if (r.subscriptions.length) p.subscriptions = r.subscriptions;
  Object.assign(p, strip({ name: text(c.name), email: c.email, phone: c.phone, tier: c.tier, accountId: c.accountId, since: c.since?.slice(0, 10), status: c.status }));
  return p;
}

/** The object without its undefined fields (core's types are exact about optional ones). */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
