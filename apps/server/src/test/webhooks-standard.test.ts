import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../webhook-signature.js';
import { TEST_DATABASES } from './databases.js';
import type { Received } from './notifications-receivers.js';
import { startReceiver, waitFor } from './notifications-receivers.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';

const ENDPOINTS = '/api/v1/notifications/endpoints';
const DELIVERIES = '/api/v1/notifications/deliveries';

/** What an outside receiver does with the `standardwebhooks` package: verify the raw body, or say why not. */
function verifiedBy(secret: string, r: Received): string {
  try {
    new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

const headerOf = (h: IncomingHttpHeaders, name: string) => String(h[name] ?? '');

// Deliveries verified as a receiver outside Baton would: Standard Webhooks, with a real HTTP receiver.
describe.each(TEST_DATABASES)('Standard Webhooks on %s', (kind) => {
  let n: NotifiedServer;

  beforeAll(async () => {
    // The receivers listen on loopback, which the outbound guard refuses unless allowed.
    n = await startNotifiedServer(kind, { env: { BATON_OUTBOUND_ALLOW: '127.0.0.1' } });
  }, 60_000);
  afterAll(() => n?.close());

  const createWebhook = async (target: string, secret?: string) => {
    const r = await n.http.post(ENDPOINTS, n.casey, { kind: 'webhook', name: 'CRM', target, events: ['handoff.requested'], ...(secret ? { secret } : {}) });
    expect(r.status, r.text).toBe(201);
    return r.body.endpoint as { id: string; secret?: string };
  };
  const escalate = async () => {
    const conv = await n.http.escalated(n.alex);
    await n.listener.drain();
    return conv;
  };
  const deliveriesOf = async (endpointId: string) => (await n.http.get(`${DELIVERIES}?endpoint=${endpointId}`, n.casey)).body.deliveries as { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null }[];
  const remove = (id: string) => n.http.call('DELETE', `${ENDPOINTS}/${id}`, { token: n.casey });

  it('signs every attempt so that the standardwebhooks package verifies it; retries keep the webhook-id', async () => {
    const rx = await startReceiver((n) => (n <= 2 ? 500 : 200));
    const ep = await createWebhook(`${rx.url}/hooks`);
    try {
      // A new secret is in the standard form: whsec_ and the base64 of 32 random bytes.
      expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(ep.secret!.slice(6), 'base64')).toHaveLength(32);
      await escalate();
      const [d] = await waitFor('the delivery', async () => {
        const ds = await deliveriesOf(ep.id);
        return ds[0]?.status === 'delivered' ? ds : undefined;
      });
      expect(d).toMatchObject({ attempts: 3, lastStatus: 200 });
      expect(rx.requests).toHaveLength(3);
      for (const r of rx.requests) {
        expect(verifiedBy(ep.secret!, r)).toBe('ok');
        expect(headerOf(r.headers, 'webhook-signature')).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
        expect(headerOf(r.headers, 'webhook-timestamp')).toBe(headerOf(r.headers, 'baton-timestamp'));
      }
      // The same id on every retry, so a receiver can deduplicate: the delivery's id.
      expect(new Set(rx.requests.map((r) => headerOf(r.headers, 'webhook-id')))).toEqual(new Set([d!.id]));

      // Tampering, another secret or a replayed id with another body all fail verification.
      const last = rx.requests[2]!;
      expect(verifiedBy(ep.secret!, { ...last, body: last.body.replace('"handoff.requested"', '"handoff.resolved"') })).toBe('No matching signature found');
      expect(verifiedBy(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, last)).toBe('No matching signature found');
      expect(verifiedBy(ep.secret!, { ...last, headers: { ...last.headers, 'webhook-id': 'another' } })).toBe('No matching signature found');

      // The deprecated Baton-* headers still verify, for receivers not yet moved.
      expect(verifyWebhook(ep.secret!, last.headers, last.body)).toMatchObject({ ok: true, deliveryId: d!.id });
    } finally {
      await remove(ep.id);
      await rx.close();
    }
  }, 30_000);

  it("verifies an older endpoint's secret through its documented standard form", async () => {
    const rx = await startReceiver();
    // Secrets set before this release (an admin's own string, or whsec_ and base64url) key the HMAC
    // with their UTF-8 bytes: the receiver's standard secret is whsec_ + base64 of those bytes.
    const legacy = 'whsec_old-style_base64url-secret_0123456789';
    const ep = await createWebhook(`${rx.url}/hooks`, legacy);
    try {
      await escalate();
      const r = await waitFor('the request', () => rx.requests[0]);
      expect(verifiedBy(`whsec_${Buffer.from(legacy, 'utf8').toString('base64')}`, r)).toBe('ok');
      expect(verifyWebhook(legacy, r.headers, r.body).ok).toBe(true);
    } finally {
      await remove(ep.id);
      await rx.close();
    }
  }, 30_000);

  it('logs the status of a failing receiver, never what its body said', async () => {
    const rx = await startReceiver(() => 503);
    const ep = await createWebhook(`${rx.url}/hooks`);
    try {
      await escalate();
      const [d] = await waitFor('a failed attempt', async () => {
        const ds = await deliveriesOf(ep.id);
        return (ds[0]?.attempts ?? 0) >= 1 ? ds : undefined;
      });
      expect(d).toMatchObject({ lastStatus: 503, lastError: 'HTTP 503' });
      expect(JSON.stringify(await deliveriesOf(ep.id))).not.toContain('receiver says no');
    } finally {
      await remove(ep.id);
      await rx.close();
    }
  }, 30_000);
});
