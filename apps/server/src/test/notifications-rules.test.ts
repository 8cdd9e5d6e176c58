import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpPost } from '../adapters/notify/http-post.js';
import type { NotificationEndpointRecord } from '../adapters/db/repositories/endpoints.repository.js';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import { backoffDelayMs } from '../app/notifications/attempt-delivery.js';
import { endpointWants, meetsPriority, outboundType } from '../app/notifications/notification-rules.js';
import { startReceiver } from './notifications-receivers.js';

const ep = (over: Partial<NotificationEndpointRecord>): NotificationEndpointRecord => ({
  id: 'e1',
  kind: 'webhook',
  name: 'x',
  target: 'https://example.com',
  secret: 's',
  events: [],
  minPriority: null,
  active: true,
  createdAt: new Date(0),
  ...over,
});
// Partial payloads: only the fields the rule reads.
const event = (type: EventRecord['type'], payload: Record<string, unknown> = {}): EventRecord => ({ seq: 1, type, conversationId: 'c', handoffId: null, agentId: null, payload, createdAt: new Date(0) }) as unknown as EventRecord;

/** The local receivers, allowed explicitly: without it the outbound guard refuses loopback. */
const LOCAL = ['127.0.0.1'];

describe('which events notify which endpoints', () => {
  it.each([
    ['handoff.requested', {}, 'handoff.requested'],
    ['handoff.sla_breached', {}, 'handoff.sla_breached'],
    ['conversation.status_changed', { to: 'resolved' }, 'conversation.resolved'],
    ['conversation.status_changed', { to: 'waiting' }, null],
    ['message.created', { message: { text: 'hi' } }, 'message.created'],
    ['message.created', { message: { text: 'note', private: true } }, null],
    ['queue.position_updated', {}, null],
  ] as const)('%s %j → %s', (type, payload, expected) => {
    expect(outboundType(event(type, payload))).toBe(expected);
  });

  it.each([
    ['low', null, true],
    ['low', 'high', false],
    ['medium', 'high', false],
    ['high', 'high', true],
    ['critical', 'high', true],
    ['critical', 'critical', true],
    [null, null, true],
    [null, 'low', false],
  ] as const)('priority %s against a minimum of %s → %s', (p, min, expected) => {
    expect(meetsPriority(p, min)).toBe(expected);
  });

  it('applies the kind defaults when events is empty, and message.created only when listed', () => {
    expect(endpointWants(ep({}), 'handoff.requested', 'low')).toBe(true);
    expect(endpointWants(ep({}), 'message.created', 'low')).toBe(false);
    expect(endpointWants(ep({ events: ['message.created'] }), 'message.created', 'low')).toBe(true);
    expect(endpointWants(ep({ kind: 'sms' }), 'handoff.accepted', 'critical')).toBe(false);
    expect(endpointWants(ep({ kind: 'sms', minPriority: 'critical' }), 'handoff.requested', 'critical')).toBe(true);
    expect(endpointWants(ep({ active: false }), 'handoff.requested', 'critical')).toBe(false);
  });
});

describe('retry backoff', () => {
  it('triples from 10 s with ±20 % jitter that is stable per delivery and attempt', () => {
    const nominal = [10, 30, 90, 270, 810].map((x) => x * 1000);
    nominal.forEach((n, i) => {
      const d = backoffDelayMs('delivery-1', i + 1);
      expect(d).toBeGreaterThanOrEqual(n * 0.8);
      expect(d).toBeLessThanOrEqual(n * 1.2);
      expect(backoffDelayMs('delivery-1', i + 1)).toBe(d);
    });
    const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffDelayMs(`delivery-${i}`, 1)));
    expect(spread.size).toBeGreaterThan(10);
    expect(backoffDelayMs('d', 2, 100)).toBeLessThanOrEqual(360);
  });
});

describe('the HTTP sender', () => {
  it('counts a slow receiver as a failure after the timeout', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const started = Date.now();
    const r = await httpPost(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: {}, body: '{}' }, { timeoutMs: 200, outboundAllow: LOCAL });
    expect(r).toEqual({ ok: false, status: null, error: 'timed out after 200 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
    server.closeAllConnections();
    await new Promise<void>((res) => server.close(() => res()));
  });

  it('reports a refused connection and a redirect as failures, and 2xx as success', async () => {
    const closed = await startReceiver();
    await closed.close();
    const refused = await httpPost(closed.url, { headers: {}, body: '' }, { outboundAllow: LOCAL });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.error).toMatch(/ECONNREFUSED/);
    const redirect = await startReceiver(() => 302);
    expect(await httpPost(redirect.url, { headers: {}, body: '' }, { outboundAllow: LOCAL })).toEqual({ ok: false, status: 302, error: 'HTTP 302: redirects are not followed' });
    await redirect.close();
    const ok = await startReceiver(() => 202);
    expect(await httpPost(ok.url, { headers: {}, body: '' }, { outboundAllow: LOCAL })).toEqual({ ok: true, status: 202, error: null });
    await ok.close();
  });
});
