import { ZWebhookEnvelopeSchema } from '@baton/contracts';
import type { Brief } from '@baton/core';
import { renderBriefText } from '@baton/core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveListenerCursor } from '../adapters/db/repositories/listener-cursors.repository.js';
import { deliverNotificationJob } from '../jobs/deliver-notification.job.js';
import type { RunningListener } from '../listeners/event-listener.js';
import { startListener } from '../listeners/event-listener.js';
import { notificationsListener } from '../listeners/notifications.listener.js';
import { verifyWebhook } from '../webhook-signature.js';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { startReceiver, startSmtp, waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const ENDPOINTS = '/api/v1/notifications/endpoints';
const DELIVERIES = '/api/v1/notifications/deliveries';
const CARD = '4111 1111 1111 1111';

// Notifications end to end (DESIGN §7, §10): events → deliveries → the job → real receivers.
describe.each(TEST_DATABASES)('notifications on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let listener: RunningListener;
  let casey: string;
  let alex: string;
  let smtpUrl = '';
  const smtpForMailto = startSmtp();

  beforeAll(async () => {
    const mailto = await smtpForMailto;
    smtpUrl = `smtp://127.0.0.1:${mailto.port}/?from=baton@northwind.example`;
    // Workers off: this test runs its own listener and job worker, with a short backoff.
    s = await startTestServer(kind, { workers: false, env: { BATON_PUBLIC_URL: 'https://support.northwind.example', BATON_OUTBOUND_ALLOW: '127.0.0.1' } });
    http = api(s);
    casey = await s.login('casey');
    alex = await s.login('alex');
    listener = startListener(s.ctx, notificationsListener, { intervalMs: 200 });
    // Short backoff for tests: 40 ms, 120 ms, … instead of 10 s, 30 s, …
    await s.ctx.jobs.work('deliver-notification', (data) => deliverNotificationJob(s.ctx, data, { baseDelayMs: 40, timeoutMs: 2000, smtpUrl }));
  }, 60_000);
  afterAll(async () => {
    await listener?.stop();
    await s?.close();
    await (await smtpForMailto).close();
  });

  const createEndpoint = async (body: Record<string, unknown>) => {
    const r = await http.post(ENDPOINTS, casey, body);
    expect(r.status, r.text).toBe(201);
    return r.body.endpoint as { id: string; secret?: string; minPriority: string | null; effectiveEvents: string[] };
  };
  const deliveriesOf = async (endpointId: string) => {
    const r = await http.get(`${DELIVERIES}?endpoint=${endpointId}`, casey);
    expect(r.status, r.text).toBe(200);
    return r.body.deliveries as { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; eventType: string; eventSeq: number; payload: unknown }[];
  };
  /** Escalates a new conversation (after the customer says `first`, if given) and lets the listener store its deliveries. */
  const escalate = async (first?: string) => {
    const conv = await http.start();
    if (first) expect((await http.say(conv, first)).status).toBe(201);
    const r = await http.say(conv, 'let me talk to a real person');
    expect(r.status).toBe(201);
    const h = await http.handoffOf(conv.id, alex, 'waiting');
    expect(h, 'the conversation escalated').not.toBeNull();
    await listener.drain();
    const full = await http.get(`/api/v1/handoffs/${h!.id}`, alex);
    return { ...conv, handoff: full.body.handoff as { id: string; priority: string; brief: Brief } };
  };
  const remove = async (...ids: string[]) => {
    for (const id of ids) expect((await http.call('DELETE', `${ENDPOINTS}/${id}`, { token: casey })).status).toBe(204);
  };

  it('retries a failing webhook with backoff and delivers it signed on the third try; the log shows 3 attempts', async () => {
    const rx = await startReceiver((n) => (n <= 2 ? 500 : 200));
    const ep = await createEndpoint({ kind: 'webhook', name: 'CRM', target: `${rx.url}/hooks/baton`, events: ['handoff.requested'] });
    try {
      expect(ep.secret).toMatch(/^whsec_/);
      const listed = await http.get(ENDPOINTS, casey);
      const mine = (listed.body.endpoints as { id: string; secret?: string; hasSecret: boolean }[]).find((e) => e.id === ep.id)!;
      expect(mine).toMatchObject({ hasSecret: true });
      expect(mine.secret).toBeUndefined();

      const conv = await escalate();
      const [d] = await waitFor('the delivery to be delivered', async () => {
        const ds = await deliveriesOf(ep.id);
        return ds[0]?.status === 'delivered' ? ds : undefined;
      });
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null, eventType: 'handoff.requested' });
      expect(rx.requests).toHaveLength(3);
      expect(new Set(rx.requests.map((r) => r.headers['baton-delivery']))).toEqual(new Set([d!.id]));
      expect(new Set(rx.requests.map((r) => r.body)).size).toBe(1);

      const last = rx.requests[2]!;
      expect(last.method).toBe('POST');
      expect(last.url).toBe('/hooks/baton');
      expect(last.headers['content-type']).toBe('application/json');
      expect(last.headers['baton-event']).toBe('handoff.requested');
      expect(last.headers['baton-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(ep.secret!, last.headers, last.body)).toMatchObject({ ok: true, event: 'handoff.requested', deliveryId: d!.id });
      expect(verifyWebhook('not-the-secret-at-all', last.headers, last.body)).toMatchObject({ ok: false, reason: 'bad_signature' });
      const envelope = ZWebhookEnvelopeSchema.parse(JSON.parse(last.body));
      expect(envelope).toMatchObject({ id: `evt_${d!.eventSeq}`, type: 'handoff.requested', seq: d!.eventSeq });
      expect(envelope.data).toMatchObject({ conversation: { id: conv.id, caseNumber: conv.caseNumber }, handoff: { id: conv.handoff.id, priority: conv.handoff.priority } });

      // The listener is idempotent: replaying the event log queues nothing twice.
      await moveListenerCursor(s.ctx.db, 'notifications', 0, s.ctx.clock());
      await listener.drain();
      expect(await deliveriesOf(ep.id)).toHaveLength(1);
    } finally {
      await remove(ep.id);
      await rx.close();
    }
  }, 30_000);

  it('sends a Slack-format message and a Twilio-style SMS form post', async () => {
    const slack = await startReceiver();
    const sms = await startReceiver(() => 201);
    const a = await createEndpoint({ kind: 'slack', name: 'Slack #support', target: `${slack.url}/services/T000/B000/XXXX`, events: ['handoff.requested'] });
    const b = await createEndpoint({ kind: 'sms', name: 'On-call phone', target: `${sms.url}/2010-04-01/Accounts/AC123/Messages.json?To=%2B15551234567&From=%2B15557654321`, secret: 'AC123:authtoken', minPriority: 'medium' });
    try {
      expect(a.minPriority).toBeNull();
      expect(b.effectiveEvents).toEqual(['handoff.requested', 'handoff.sla_breached', 'callback.missed']);
      const conv = await escalate();
      await waitFor('the Slack message', () => slack.requests.length > 0);
      await waitFor('the SMS', () => sms.requests.length > 0);
      const link = `https://support.northwind.example/#/handoffs/${conv.handoff.id}`;

      const msg = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url: string }[] }[] };
      expect(slack.requests[0]!.headers['content-type']).toBe('application/json');
      expect(msg.text).toContain(`Case ${conv.caseNumber}`);
      expect(msg.text).toContain(`[${conv.handoff.priority.toUpperCase()}]`);
      expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: `Handoff requested · Case ${conv.caseNumber}` } });
      expect(msg.blocks.find((x) => x.fields)?.fields?.[0]?.text).toBe(`*Priority*\n${conv.handoff.priority.toUpperCase()}`);
      expect(msg.blocks.some((x) => x.text?.text === conv.handoff.brief.headline.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toBe(true);
      expect(msg.blocks.some((x) => x.text?.text.startsWith('*Why*\n• '))).toBe(true);
      expect(msg.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ url: link }] });

      const r = sms.requests[0]!;
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(r.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from('AC123:authtoken').toString('base64')}`);
      const form = new URLSearchParams(r.body);
      expect([...form.keys()].sort()).toEqual(['Body', 'From', 'To']);
      expect(form.get('To')).toBe('+15551234567');
      expect(form.get('From')).toBe('+15557654321');
      expect(form.get('Body')).toContain(`case ${conv.caseNumber}`);
      expect(form.get('Body')).toContain(link);
      expect(form.get('Body')!.length).toBeLessThanOrEqual(320);
      await waitFor('both logged as delivered', async () => (await deliveriesOf(a.id))[0]?.status === 'delivered' && (await deliveriesOf(b.id))[0]?.status === 'delivered');
    } finally {
      await remove(a.id, b.id);
      await slack.close();
      await sms.close();
    }
  }, 30_000);

  it('emails the case number and the brief text through SMTP, with card numbers masked', async () => {
    const smtp = await startSmtp();
    const mailto = await smtpForMailto;
    const direct = await createEndpoint({ kind: 'email', name: 'Team lead', target: `smtp://127.0.0.1:${smtp.port}/?to=lead@northwind.example&from=baton@northwind.example`, minPriority: null, events: ['handoff.requested'] });
    const viaServer = await createEndpoint({ kind: 'email', name: 'Supervisors', target: 'mailto:supervisors@northwind.example', minPriority: null, events: ['handoff.requested'] });
    try {
      const conv = await escalate(`I was charged twice on my card ${CARD} for order 4821`);
      const m = await waitFor('the email', () => smtp.messages[0]);
      expect(m.to).toEqual(['lead@northwind.example']);
      expect(m.from).toBe('baton@northwind.example');
      const mail = await PostalMime.parse(m.raw);
      const text = (mail.text ?? '').replace(/\r\n/g, '\n');
      expect(mail.subject).toContain(`case ${conv.caseNumber}`);
      expect(text).toContain(`Case ${conv.caseNumber}`);
      expect(text).toContain(renderBriefText(conv.handoff.brief));
      expect(text).toContain(`https://support.northwind.example/#/handoffs/${conv.handoff.id}`);
      expect(text).not.toContain(CARD);
      expect(text).not.toContain(CARD.replace(/ /g, ''));
      // mailto: goes through the server-wide SMTP URL (BATON_SMTP_URL).
      const other = await waitFor('the mailto: email', () => mailto.messages.find((x) => x.to.includes('supervisors@northwind.example')));
      expect(other.from).toBe('baton@northwind.example');
      expect((await PostalMime.parse(other.raw)).text).toContain(conv.caseNumber);
    } finally {
      await remove(direct.id, viaServer.id);
      await smtp.close();
    }
  }, 30_000);

  it('marks a delivery dead after 6 failed attempts, and an admin retry re-queues it', async () => {
    let up = false;
    const rx = await startReceiver(() => (up ? 204 : 503));
    const ep = await createEndpoint({ kind: 'webhook', name: 'Flaky', target: rx.url, events: ['handoff.requested'] });
    try {
      await escalate();
      const [dead] = await waitFor('the delivery to die', async () => {
        const ds = await deliveriesOf(ep.id);
        return ds[0]?.status === 'dead' ? ds : undefined;
      }, 25_000);
      expect(dead).toMatchObject({ status: 'dead', attempts: 6, lastStatus: 503 });
      expect(dead!.lastError).toContain('HTTP 503');
      expect(rx.requests).toHaveLength(6);
      expect((await http.get(`${DELIVERIES}?status=dead&endpoint=${ep.id}`, casey)).body.deliveries).toHaveLength(1);

      // Only admins retry; an unknown delivery is a 404.
      expect((await http.post(`${DELIVERIES}/${dead!.id}/retry`, alex)).status).toBe(403);
      expect((await http.post(`${DELIVERIES}/no-such-delivery/retry`, casey)).status).toBe(404);

      up = true;
      const r = await http.post(`${DELIVERIES}/${dead!.id}/retry`, casey);
      expect(r.status, r.text).toBe(200);
      expect(r.body.delivery).toMatchObject({ id: dead!.id, status: 'pending', attempts: 0 });
      const [done] = await waitFor('the retried delivery', async () => {
        const ds = await deliveriesOf(ep.id);
        return ds[0]?.status === 'delivered' ? ds : undefined;
      });
      expect(done).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204 });
      expect(rx.requests).toHaveLength(7);
    } finally {
      await remove(ep.id);
      await rx.close();
    }
  }, 45_000);

  it('notifies each endpoint only for handoffs at or above its minimum priority', async () => {
    const high = await startReceiver();
    const any = await startReceiver();
    const h = await createEndpoint({ kind: 'webhook', name: 'High only', target: high.url, minPriority: 'high', events: ['handoff.requested'] });
    const a = await createEndpoint({ kind: 'webhook', name: 'Everything', target: any.url, events: ['handoff.requested'] });
    try {
      const medium = await escalate();
      expect(medium.handoff.priority).toBe('medium');
      await waitFor('the unfiltered endpoint', () => any.requests.length === 1);
      await listener.drain();
      expect(await deliveriesOf(h.id)).toEqual([]);
      expect(high.requests).toEqual([]);

      const urgent = await escalate('my account was hacked and someone took money from it');
      expect(['high', 'critical']).toContain(urgent.handoff.priority);
      await waitFor('the high-priority endpoint', () => high.requests.length === 1);
      expect(JSON.parse(high.requests[0]!.body).data.handoff.id).toBe(urgent.handoff.id);
      expect(await deliveriesOf(h.id)).toHaveLength(1);
    } finally {
      await remove(h.id, a.id);
      await high.close();
      await any.close();
    }
  }, 30_000);

  it('lets only admins manage endpoints and read the log, and validates bodies', async () => {
    const jordan = await s.login('jordan');
    const body = { kind: 'webhook', name: 'x', target: 'https://example.com/hook' };
    for (const token of [alex, jordan]) {
      const r = await http.post(ENDPOINTS, token, body);
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 403, code: 'AUTH_ERR_FORBIDDEN' });
      expect((await http.get(ENDPOINTS, token)).status).toBe(403);
      expect((await http.get(DELIVERIES, token)).status).toBe(403);
      expect((await http.call('PATCH', `${ENDPOINTS}/x`, { token, body: { active: false } })).status).toBe(403);
      expect((await http.call('DELETE', `${ENDPOINTS}/x`, { token })).status).toBe(403);
    }
    expect((await http.get(ENDPOINTS)).status).toBe(401);

    const bad = await http.post(ENDPOINTS, casey, { kind: 'sms', name: 'x', target: 'https://sms.example/send?To=555' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'target' });
    const unknown = await http.post(ENDPOINTS, casey, { ...body, colour: 'red' });
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'colour' });
    expect((await http.post(ENDPOINTS, casey, { ...body, events: ['handoff.exploded'] })).body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'events.0' });
    expect((await http.get(`${DELIVERIES}?status=lost`, casey)).body.error).toMatchObject({ code: 'VALIDATION_ERR_QUERY', field: 'status' });

    const ep = await createEndpoint(body);
    const patched = await http.call('PATCH', `${ENDPOINTS}/${ep.id}`, { token: casey, body: { active: false, minPriority: 'critical', rotateSecret: true } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.endpoint).toMatchObject({ active: false, minPriority: 'critical' });
    expect(patched.body.endpoint.secret).toMatch(/^whsec_/);
    expect(patched.body.endpoint.secret).not.toBe(ep.secret);
    const wrongTarget = await http.call('PATCH', `${ENDPOINTS}/${ep.id}`, { token: casey, body: { target: 'mailto:a@b.example' } });
    expect(wrongTarget.status).toBe(400);
    expect(wrongTarget.body.error).toMatchObject({ code: 'NOTIFY_ERR_INVALID_TARGET', field: 'target' });
    await remove(ep.id);
    expect((await http.call('PATCH', `${ENDPOINTS}/${ep.id}`, { token: casey, body: { active: true } })).status).toBe(404);
    expect((await http.call('DELETE', `${ENDPOINTS}/${ep.id}`, { token: casey })).status).toBe(404);
  });
});
