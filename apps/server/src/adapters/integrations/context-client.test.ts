import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../webhook-signature.js';
import { startJsonApi } from '../../test/provider-servers.js';
import { createContextClient } from './context-client.js';

const SECRET = `whsec_${Buffer.from('context-client-secret-0123').toString('base64')}`;
const SARAH = { customer: { id: 'cus_1', name: 'Sarah Jones', tier: 'vip', since: '2023-03-14T00:00:00Z' }, orders: [{ id: '#4821', status: 'dispatched' }], tickets: [] };

describe('the customer-data endpoint client', () => {
  let api: Awaited<ReturnType<typeof startJsonApi>>;
  let now = Date.parse('2026-03-02T10:00:00Z');
  const clock = () => new Date(now);
  let ids = 0;
  beforeAll(async () => {
    api = await startJsonApi(async (r) => {
      const who = r.json?.customer?.email as string | undefined;
      if (who === 'slow@example.com') await new Promise((resolve) => setTimeout(resolve, 1000));
      if (who === 'broken@example.com') return { status: 200, body: { customer: { name: 'no id' } } };
      if (who === 'down@example.com') return { status: 503, body: { error: 'maintenance' } };
      return who === 'sarah@example.com' ? { status: 200, body: SARAH } : { status: 404, body: { error: 'unknown' } };
    });
  });
  afterAll(() => api.close());
  const client = (cacheSeconds = 60) => createContextClient({ url: `${api.url}/context`, secret: SECRET, timeoutMs: 300, cacheSeconds }, { outboundAllow: ['127.0.0.1'], clock, newId: () => `id-${++ids}` });

  it('signs each request like the outbound webhooks, and reads the profile back', async () => {
    const answer = await client().fetch({ id: 'cus_1', email: 'sarah@example.com' });
    expect(answer).toEqual({ ok: true, profile: { id: 'cus_1', name: 'Sarah Jones', tier: 'vip', since: '2023-03-14', orders: [{ id: '4821', status: 'dispatched' }], tickets: [] } });
    const r = api.requests.at(-1)!;
    expect(r.json).toEqual({ type: 'customer.context', customer: { id: 'cus_1', email: 'sarah@example.com' } });
    expect(r.headers['webhook-signature']).toBe(signStandardWebhook(SECRET, String(r.headers['webhook-id']), String(r.headers['webhook-timestamp']), r.raw));
    expect(r.headers['webhook-timestamp']).toBe(String(Math.floor(now / 1000)));
  });

  it('keeps a good answer for the cache period, and never a failure', async () => {
    const c = client(60);
    const before = api.requests.length;
    await c.fetch({ email: 'sarah@example.com' });
    await c.fetch({ email: 'sarah@example.com' });
    expect(api.requests.length - before).toBe(1);
    now += 61_000;
    await c.fetch({ email: 'sarah@example.com' });
    expect(api.requests.length - before).toBe(2);
    expect(await c.fetch({ email: 'down@example.com' })).toEqual({ ok: false, error: 'HTTP 503' });
    await c.fetch({ email: 'down@example.com' });
    expect(api.requests.length - before).toBe(4);
  });

  it('says why there is no profile: unknown (404, not a failure), too slow, or not a customer', async () => {
    expect(await client().fetch({ email: 'nobody@example.com' })).toEqual({ ok: true, profile: null });
    expect(await client().fetch({ email: 'slow@example.com' })).toEqual({ ok: false, error: 'timed out after 300 ms' });
    expect(await client().fetch({ email: 'broken@example.com' })).toMatchObject({ ok: false, error: expect.stringMatching(/^the answer is not a customer: customer\.id/) });
  });
});
