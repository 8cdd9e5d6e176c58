import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChannelContact, listChannelOutbox } from '../adapters/db/repositories/channels.repository.js';
import { postQueueUpdate } from '../app/post-queue-update.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { postWebhook, startGraphServer } from './graph-server.js';
import { waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAGtest-whatsapp-access-token-0123456789';
const APP_SECRET = 'whatsapp-app-secret-0123456789';
const VERIFY_TOKEN = 'whatsapp-verify-token-0123456789';
const SEED = "I've been waiting four weeks for my order #4821. I'm absolutely furious.";
const HOUR = 3_600_000;

// One database (PostgreSQL when CI runs it, else PGlite): the scenarios wait on real jobs, and the suite's time is shared.
describe.each(TEST_DATABASES.slice(-1))('the WhatsApp channel on %s', (kind) => {
  let s: TestServer;
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  let alex = '';
  let wamid = 0;

  beforeAll(async () => {
    graph = await startGraphServer({ token: TOKEN });
    s = await startTestServer(kind, {
      clock: now,
      env: {
        BATON_WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
        BATON_WHATSAPP_ACCESS_TOKEN: TOKEN,
        BATON_WHATSAPP_APP_SECRET: APP_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
        BATON_WHATSAPP_GRAPH_URL: graph.url,
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
        BATON_CHANNEL_BACKOFF_MS: '200',
      },
    });
    alex = await s.login('alex');
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await graph?.close();
  });

  /** A delivery as the Cloud API sends one: one entry, one change, with the contact and the messages or statuses. */
  const delivery = (value: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, ...value } }] }],
  });
  const contact = (waId: string, name: string) => ({ profile: { name }, wa_id: waId, user_id: `US.${waId}` });
  const textFrom = (waId: string, name: string, body: string, id = `wamid.IN${++wamid}`) =>
    delivery({ contacts: [contact(waId, name)], messages: [{ from: waId, from_user_id: `US.${waId}`, id, timestamp: String(Math.floor(now().getTime() / 1000)), type: 'text', text: { body } }] });
  const statusOf = (id: string, status: string, extra: Record<string, unknown> = {}) =>
    delivery({ statuses: [{ id, status, timestamp: String(Math.floor(now().getTime() / 1000)), recipient_id: '447700900123', ...extra }] });
  const conversationOf = async (waId: string) => waitFor(`the conversation of ${waId}`, async () => (await findChannelContact(s.ctx.db, 'whatsapp', { contactId: waId, userId: null }))?.conversationId);
  const transcript = async (conversationId: string) => api(s).messages(conversationId, alex);
  const textTo = (waId: string, pattern: RegExp) => (r: { body: Record<string, unknown> }) => r.body.to === waId && pattern.test(JSON.stringify(r.body.text ?? r.body.interactive ?? ''));

  it('answers the verification handshake with the challenge, and refuses a wrong token with 403', async () => {
    const ok = await s.app.inject({ method: 'GET', url: `/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await s.app.inject({ method: 'GET', url: '/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('CHANNEL_ERR_VERIFY_TOKEN');
  });

  it('refuses a delivery with a missing or wrong signature, and stores nothing', async () => {
    const body = textFrom('447700900999', 'Mallory', SEED);
    const missing = await postWebhook(s, 'whatsapp', body, null);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('CHANNEL_ERR_SIGNATURE_MISSING');
    const wrong = await postWebhook(s, 'whatsapp', body, 'not-the-app-secret-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('CHANNEL_ERR_SIGNATURE_INVALID');
    // Signed over other bytes (the same JSON re-spaced): refused too, as the signature is over the raw body.
    const respaced = await postWebhook(s, 'whatsapp', body, null, (await import('../app/channels/meta-signature.js')).metaSignature(JSON.stringify(body, null, 1), APP_SECRET));
    expect(respaced.statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(await findChannelContact(s.ctx.db, 'whatsapp', { contactId: '447700900999', userId: null })).toBeNull();
  });

  it('runs the seed scenario on WhatsApp: escalation with the case number and wait, the agent reply, and the statuses coming back', async () => {
    const sarah = '447700900123';
    const first = textFrom(sarah, 'Sarah Jones', SEED);
    const r = await postWebhook(s, 'whatsapp', first, APP_SECRET);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ received: true, duplicate: false });
    const conversationId = await conversationOf(sarah);
    const conv = ((await api(s).get(`/api/v1/conversations/${conversationId}`, alex)).body as { conversation: { caseNumber: string; channel: string; customer: { name: string | null; identity: string } } }).conversation;
    expect(conv).toMatchObject({ channel: 'whatsapp', customer: { name: 'Sarah Jones', identity: 'unverified' } });

    // The handoff notice comes back on WhatsApp, with the case number and the wait.
    const notice = await graph.next(textTo(sarah, new RegExp(conv.caseNumber)));
    expect(notice.path).toBe(`${PHONE_NUMBER_ID}/messages`);
    expect(notice.token).toBe(TOKEN);
    expect(JSON.stringify(notice.body)).toMatch(/\d+ minutes?/);

    // Queue updates follow WhatsApp's cadence: the queue is looked at no more often than every 15 minutes.
    const waiting = await waitFor('the waiting handoff', async () => (await api(s).handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    // A customer hears the queue only when their place or estimate changes: an hour later the
    // estimate has grown with the wait (the update goes); four minutes on, a look would be due on
    // the web, but on WhatsApp the queue is not even computed until 15 minutes have passed.
    offsetMs += 60 * 60_000;
    const look = await postQueueUpdate(s.ctx, waiting.id);
    expect(look).toMatchObject({ computed: true, told: true });
    offsetMs += 4 * 60_000;
    const early = await postQueueUpdate(s.ctx, waiting.id);
    expect(early).toMatchObject({ computed: false, told: false });
    // The early run books the next look where the first left it: 15 minutes after the update.
    expect(early.nextAt).toEqual(look.nextAt);
    expect(look.nextAt!.getTime() - s.ctx.clock().getTime()).toBeGreaterThan(10 * 60_000);
    await waitFor('the queue update sent', async () => {
      const all = (await transcript(conversationId)).filter((m) => m.action === 'queue_update') as { delivery?: { status: string } }[];
      return all.length === 1 && all[0]!.delivery?.status === 'sent';
    });

    // The same delivery again (Meta retries) is stored once; so is the message re-sent in another batch.
    const replay = await postWebhook(s, 'whatsapp', first, APP_SECRET);
    expect(replay.json()).toEqual({ received: true, duplicate: true });
    const firstId = (first.entry[0]!.changes[0]!.value as unknown as { messages: { id: string }[] }).messages[0]!.id;
    const rebatched = delivery({ contacts: [contact(sarah, 'Sarah Jones')], messages: [{ from: sarah, id: firstId, timestamp: '1', type: 'text', text: { body: SEED } }], statuses: [] });
    expect((await postWebhook(s, 'whatsapp', rebatched, APP_SECRET)).json()).toEqual({ received: true, duplicate: false });

    // An agent accepts and replies: the reply goes on WhatsApp.
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    const from = graph.requests.length;
    const reply = 'Hi Sarah, I have opened a carrier trace on #4821 and will update you within the hour.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: reply })).status).toBe(201);
    const sent = await graph.next(textTo(sarah, /carrier trace/), from);
    expect(sent.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: sarah, type: 'text', text: { body: reply } });

    // The statuses come back and are stored on the message.
    const agentMessage = async () => (await transcript(conversationId)).find((m) => m.text === reply) as { delivery?: { status: string } } | undefined;
    await waitFor('the reply marked sent', async () => (await agentMessage())?.delivery?.status === 'sent');
    const row = (await listChannelOutbox(s.ctx.db, conversationId)).find((o) => JSON.stringify(o.request).includes('carrier trace'))!;
    for (const status of ['delivered', 'read']) expect((await postWebhook(s, 'whatsapp', statusOf(row.providerMessageId!, status), APP_SECRET)).statusCode).toBe(200);
    // A late "delivered" after "read" changes nothing.
    await postWebhook(s, 'whatsapp', delivery({ statuses: [{ id: row.providerMessageId, status: 'delivered', timestamp: '2', recipient_id: sarah }] }), APP_SECRET);
    await waitFor('the reply marked read', async () => (await agentMessage())?.delivery?.status === 'read');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await agentMessage())?.delivery?.status).toBe('read');

    const customerMessages = (await transcript(conversationId)).filter((m) => m.author.kind === 'customer');
    expect(customerMessages.map((m) => m.text)).toEqual([SEED]);
  }, 90_000);

  it('takes batches of several entries and changes, button and list replies, and reports failed deliveries with their error', async () => {
    const [ana, ben] = ['447700900201', '447700900202'];
    const ts = String(Math.floor(now().getTime() / 1000));
    const batch = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, contacts: [contact(ana, 'Ana')], messages: [{ from: ana, id: `wamid.IN${++wamid}`, timestamp: ts, type: 'text', text: { body: 'Do you take PayPal?' } }] } }] },
        {
          id: '102290129340398',
          changes: [
            { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, contacts: [contact(ben, 'Ben')], messages: [{ from: ben, id: `wamid.IN${++wamid}`, timestamp: ts, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'human|Talk to a person', title: 'Talk to a person' } } }] } },
            // Another number's change in the same delivery is not Baton's.
            { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '999' }, contacts: [contact('447700900203', 'Cy')], messages: [{ from: '447700900203', id: `wamid.IN${++wamid}`, timestamp: ts, type: 'text', text: { body: 'hello' } }] } },
          ],
        },
      ],
    };
    expect((await postWebhook(s, 'whatsapp', batch, APP_SECRET)).statusCode).toBe(200);
    const anaConv = await conversationOf(ana);
    const benConv = await conversationOf(ben);
    expect(anaConv).not.toBe(benConv);
    // The button's whole label is what the conversation stores, as the widget posts it.
    await waitFor("Ben's choice stored", async () => (await transcript(benConv)).some((m) => m.author.kind === 'customer' && m.text === 'Talk to a person'));
    await postWebhook(s, 'whatsapp', delivery({ contacts: [contact(ana, 'Ana')], messages: [{ from: ana, id: `wamid.IN${++wamid}`, timestamp: ts, type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'self_serve|Help me now', title: 'Help me now' } } }] }), APP_SECRET);
    await waitFor("Ana's list choice stored", async () => (await transcript(anaConv)).some((m) => m.text === 'Help me now'));
    expect(await findChannelContact(s.ctx.db, 'whatsapp', { contactId: '447700900203', userId: null })).toBeNull();

    // The AI's answer to Ana went out; Meta then reports it failed, with its error.
    const answer = await waitFor("the AI's answer to Ana sent", async () => (await listChannelOutbox(s.ctx.db, anaConv)).find((o) => o.providerMessageId));
    await postWebhook(s, 'whatsapp', statusOf(answer.providerMessageId!, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Receiver is incapable of receiving this message' } }] }), APP_SECRET);
    const failed = await waitFor('the failure stored on the message', async () => (await transcript(anaConv)).find((m) => (m as { delivery?: { status: string } }).delivery?.status === 'failed'));
    expect((failed as { delivery?: { detail?: string } }).delivery?.detail).toMatch(/131026 Message undeliverable/);
  }, 60_000);

  it('shares nothing from an account on WhatsApp: a phone number proves no account', async () => {
    const eve = '447700900401';
    await postWebhook(s, 'whatsapp', textFrom(eve, 'Sarah Jones', 'Where is my order #4821?'), APP_SECRET);
    const answer = await graph.next((r) => r.body.to === eve);
    expect(JSON.stringify(answer.body)).toMatch(/not shared over WhatsApp/);
    expect(JSON.stringify(answer.body)).not.toMatch(/dispatched|tracking/i);
  }, 40_000);

  it('knows a customer by the business-scoped user id alone, and replies to it', async () => {
    const userId = 'US.13491208655302741918';
    const body = delivery({ contacts: [{ profile: { name: 'Kim' }, user_id: userId }], messages: [{ from_user_id: userId, id: `wamid.IN${++wamid}`, timestamp: String(Math.floor(now().getTime() / 1000)), type: 'text', text: { body: 'let me talk to a real person' } }] });
    expect((await postWebhook(s, 'whatsapp', body, APP_SECRET)).statusCode).toBe(200);
    const r = await graph.next((x) => x.body.recipient === userId);
    expect(r.body.to).toBeUndefined();
    expect(await findChannelContact(s.ctx.db, 'whatsapp', { contactId: null, userId })).not.toBeNull();
  }, 40_000);

  it('after the 24-hour window, sends the approved template, holds the reply until the customer writes, and backs off on 130429', async () => {
    const dev = '447700900301';
    await postWebhook(s, 'whatsapp', textFrom(dev, 'Dev Patel', 'let me talk to a real person'), APP_SECRET);
    const conversationId = await conversationOf(dev);
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    const open = (await http.get(`/api/v1/channels/conversations/${conversationId}`, alex)).body as { mode: string; windowClosesAt: string };
    expect(open.mode).toBe('free');

    // A day and an hour later, the window has closed: the workspace says so, and why.
    offsetMs += 25 * HOUR;
    // An agent's session lasts 12 hours: Alex signs in again the next day.
    alex = await s.login('alex');
    const closed = (await http.get(`/api/v1/channels/conversations/${conversationId}`, alex)).body as { mode: string; why: string; windowClosesAt: string };
    expect(closed.mode).toBe('template');
    expect(closed.why).toMatch(/window has closed.*template/);
    expect(new Date(closed.windowClosesAt).getTime()).toBeLessThan(now().getTime());

    const caseNumber = ((await http.get(`/api/v1/conversations/${conversationId}`, alex)).body as { conversation: { caseNumber: string } }).conversation.caseNumber;
    const from = graph.requests.length;
    const reply = 'Hi Dev, your refund went through this morning.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: reply })).status).toBe(201);
    const template = await graph.next((r) => r.body.to === dev && r.body.type === 'template', from);
    expect(template.body.template).toEqual({ name: 'baton_reply_waiting', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: caseNumber }] }] });
    const held = await waitFor('the reply held', async () => (await transcript(conversationId)).find((m) => m.text === reply && (m as { delivery?: { status: string } }).delivery?.status === 'held'));
    expect((held as { delivery?: { detail?: string } }).delivery?.detail).toMatch(/template/);
    expect(graph.requests.slice(from).some((r) => JSON.stringify(r.body).includes('refund went through'))).toBe(false);

    // The customer answers the template: the window opens and the held reply goes, through a throughput error (130429) and a retry.
    graph.failNext(graph.throughputError);
    await postWebhook(s, 'whatsapp', textFrom(dev, 'Dev Patel', 'Yes?'), APP_SECRET);
    const released = await graph.next((r) => r.body.to === dev && JSON.stringify(r.body).includes('refund went through'), from);
    expect(released.body).toMatchObject({ type: 'text', text: { body: reply } });
    const row = (await listChannelOutbox(s.ctx.db, conversationId)).find((o) => JSON.stringify(o.request).includes('refund went through'))!;
    expect(row.attempts).toBe(2);
    expect(row.status).toBe('sent');
  }, 90_000);

  it('tells the agent on the waiting reply when the template itself is refused', async () => {
    const fay = '447700900302';
    await postWebhook(s, 'whatsapp', textFrom(fay, 'Fay', 'let me talk to a real person'), APP_SECRET);
    const conversationId = await conversationOf(fay);
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    // Everything sent so far has gone, so the refusal queued below meets the template.
    await waitFor('the joined notice sent', async () => (await transcript(conversationId)).some((m) => m.author.kind === 'system' && (m as { delivery?: { status: string } }).delivery?.status === 'sent'));
    await waitFor('nothing left to send', async () => (await listChannelOutbox(s.ctx.db, conversationId, 'pending')).length === 0);
    offsetMs += 25 * HOUR;
    alex = await s.login('alex');
    graph.failNext({ status: 404, body: { error: { message: '(#132001) Template name does not exist in the translation', type: 'OAuthException', code: 132001 } } });
    const reply = 'Hi Fay, good news about your order.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: reply })).status).toBe(201);
    const held = await waitFor('the refusal told on the reply', async () => {
      const m = (await transcript(conversationId)).find((x) => x.text === reply) as { delivery?: { status: string; detail?: string } } | undefined;
      return m?.delivery?.detail?.includes('could not be sent') && m.delivery;
    });
    expect(held).toMatchObject({ status: 'held' });
    expect(held.detail).toMatch(/132001/);
  }, 60_000);
});
