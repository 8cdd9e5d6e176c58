import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChannelContact } from '../adapters/db/repositories/channels.repository.js';
import { ASK_FOR_HUMAN, api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { postWebhook, startGraphServer } from './graph-server.js';
import { waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const PAGE_ID = '104917291234567';
const INSTAGRAM_ID = '17841400008460056';
const APP_ID = '1887219814700000';
const PAGE_INBOX = '263902037430900';
const TOKEN = 'EAAGtest-page-access-token-0123456789';
const APP_SECRET = 'messenger-app-secret-0123456789';
const SEED = "I've been waiting four weeks for my order #4821. I'm absolutely furious.";
const HOUR = 3_600_000;

// One database (PostgreSQL when CI runs it, else PGlite): the scenarios wait on real jobs, and the suite's time is shared.
describe.each(TEST_DATABASES.slice(-1))('Messenger and Instagram on %s', (kind) => {
  let s: TestServer;
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  let alex = '';
  let mid = 0;

  beforeAll(async () => {
    graph = await startGraphServer({ token: TOKEN });
    s = await startTestServer(kind, {
      clock: now,
      env: {
        BATON_MESSENGER_PAGE_ID: PAGE_ID,
        BATON_MESSENGER_PAGE_TOKEN: TOKEN,
        BATON_MESSENGER_APP_SECRET: APP_SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'messenger-verify-token-0123',
        BATON_MESSENGER_GRAPH_URL: graph.url,
        BATON_MESSENGER_APP_ID: APP_ID,
        BATON_MESSENGER_INSTAGRAM_ID: INSTAGRAM_ID,
        BATON_MESSENGER_INBOX_APP_ID: PAGE_INBOX,
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
      },
    });
    alex = await s.login('alex');
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await graph?.close();
  });

  /** A Messenger Platform delivery: `object: page` (or `instagram`), one entry with its `messaging[]` (or `standby[]`). */
  const delivery = (items: Record<string, unknown>[], o: { object?: 'page' | 'instagram'; standby?: boolean } = {}) => ({
    object: o.object ?? 'page',
    entry: [{ id: o.object === 'instagram' ? INSTAGRAM_ID : PAGE_ID, time: now().getTime(), [o.standby ? 'standby' : 'messaging']: items }],
  });
  const said = (psid: string, text: string, o: { object?: 'page' | 'instagram'; standby?: boolean } = {}) =>
    delivery([{ sender: { id: psid }, recipient: { id: o.object === 'instagram' ? INSTAGRAM_ID : PAGE_ID }, timestamp: now().getTime(), message: { mid: `m_IN${++mid}`, text } }], o);
  const conversationOf = (channel: string, psid: string) => waitFor(`the conversation of ${psid}`, async () => (await findChannelContact(s.ctx.db, channel, { contactId: psid, userId: null }))?.conversationId);
  const transcript = (conversationId: string) => api(s).messages(conversationId, alex);
  const to = (psid: string) => (r: { path: string; body: Record<string, unknown> }) => r.path === `${PAGE_ID}/messages` && (r.body.recipient as { id?: string } | undefined)?.id === psid;
  const deliveryOf = async (conversationId: string, text: string) => ((await transcript(conversationId)).find((m) => m.text === text) as { delivery?: { status: string; detail?: string } } | undefined)?.delivery;

  it('refuses a wrong signature on the Messenger webhook and stores nothing', async () => {
    const r = await postWebhook(s, 'messenger', said('7000000000000001', SEED), 'wrong-secret-0123456789');
    expect(r.statusCode).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await findChannelContact(s.ctx.db, 'messenger', { contactId: '7000000000000001', userId: null })).toBeNull();
  });

  it('runs the seed scenario on Messenger: the handoff notice, thread control passed to the inbox, the agent reply, and the receipts', async () => {
    const psid = '7000000000000002';
    const first = said(psid, SEED);
    expect((await postWebhook(s, 'messenger', first, APP_SECRET)).statusCode).toBe(200);
    expect((await postWebhook(s, 'messenger', first, APP_SECRET)).json()).toEqual({ received: true, duplicate: true });
    const conversationId = await conversationOf('messenger', psid);
    const { caseNumber } = ((await api(s).get(`/api/v1/conversations/${conversationId}`, alex)).body as { conversation: { caseNumber: string } }).conversation;
    const notice = await graph.next((r) => to(psid)(r) && JSON.stringify(r.body).includes(caseNumber));
    expect(notice.path).toBe(`${PAGE_ID}/messages`);
    expect(notice.body).toMatchObject({ messaging_type: 'RESPONSE' });
    expect(JSON.stringify(notice.body)).toMatch(/\d+ minutes?/);

    // At handoff, thread control passes to the inbox app, with the case number as metadata.
    const pass = await graph.next((r) => r.path === `${PAGE_ID}/pass_thread_control`);
    expect(pass.body).toMatchObject({ recipient: { id: psid }, target_app_id: PAGE_INBOX });
    expect(String(pass.body.metadata)).toContain(caseNumber);
    // Only after the notice: once the thread is passed, Baton may not send.
    expect(graph.requests.indexOf(pass)).toBeGreaterThan(graph.requests.indexOf(notice));

    // An agent of Baton answers: Baton takes the thread back, and the reply goes.
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    const from = graph.requests.length;
    const reply = 'Hi Sarah, I have opened a carrier trace on #4821.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: reply })).status).toBe(201);
    const sent = await graph.next((r) => to(psid)(r) && JSON.stringify(r.body).includes('carrier trace'), from);
    expect(sent.body).toEqual({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: reply } });
    expect(graph.requests.slice(from).some((r) => r.path === `${PAGE_ID}/take_thread_control`)).toBe(true);
    await waitFor('the reply marked sent', async () => (await deliveryOf(conversationId, reply))?.status === 'sent');

    // The echo of Baton's own message is not a person taking over; the receipts mark it delivered, then read.
    const watermark = now().getTime() + 1000;
    await postWebhook(s, 'messenger', delivery([
      { sender: { id: PAGE_ID }, recipient: { id: psid }, timestamp: watermark, message: { mid: 'm_OUT-echo', text: reply, is_echo: true, app_id: Number(APP_ID) } },
      { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: watermark, delivery: { watermark } },
      { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: watermark, read: { watermark } },
    ]), APP_SECRET);
    await waitFor('the reply marked read', async () => (await deliveryOf(conversationId, reply))?.status === 'read');
    expect((await transcript(conversationId)).filter((m) => m.author.name === 'Page Inbox')).toEqual([]);
  }, 90_000);

  it('hears a person answering from the Page Inbox: the AI goes quiet, and answers again when the thread comes back', async () => {
    const psid = '7000000000000003';
    await postWebhook(s, 'messenger', said(psid, 'Do you take PayPal?'), APP_SECRET);
    const conversationId = await conversationOf('messenger', psid);
    await graph.next(to(psid));
    // A person replies from the Page Inbox (another app's echo).
    await postWebhook(s, 'messenger', delivery([{ sender: { id: PAGE_ID }, recipient: { id: psid }, timestamp: now().getTime(), message: { mid: 'm_PAGE1', text: 'Hi, Jo from the shop here: yes we do.', is_echo: true, app_id: Number(PAGE_INBOX) } }]), APP_SECRET);
    await waitFor('the Page Inbox reply in the transcript', async () => (await transcript(conversationId)).some((m) => m.author.name === 'Page Inbox' && m.author.kind === 'agent'));
    const from = graph.requests.length;
    await postWebhook(s, 'messenger', said(psid, 'Great, and Apple Pay?'), APP_SECRET);
    // And from standby, while the inbox holds the thread.
    await postWebhook(s, 'messenger', said(psid, 'Hello?', { standby: true }), APP_SECRET);
    await waitFor('both stored', async () => (await transcript(conversationId)).filter((m) => m.author.kind === 'customer').length === 3);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(graph.requests.slice(from).filter(to(psid))).toEqual([]);
    expect((await transcript(conversationId)).filter((m) => m.author.kind === 'ai')).toHaveLength(1);

    // The inbox passes the thread back to Baton: the AI answers again.
    await postWebhook(s, 'messenger', delivery([{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: now().getTime(), pass_thread_control: { new_owner_app_id: APP_ID, metadata: 'back to the bot' } }]), APP_SECRET);
    await waitFor('the thread back with Baton', async () => (await findChannelContact(s.ctx.db, 'messenger', { contactId: psid, userId: null }))?.threadOwner === 'baton');
    await postWebhook(s, 'messenger', said(psid, 'Do you take PayPal?'), APP_SECRET);
    await graph.next(to(psid), from);
  }, 60_000);

  it('takes the thread back from the inbox when the agent hands the conversation back to the AI', async () => {
    const psid = '7000000000000005';
    await postWebhook(s, 'messenger', said(psid, ASK_FOR_HUMAN), APP_SECRET);
    const conversationId = await conversationOf('messenger', psid);
    await graph.next((r) => r.path === `${PAGE_ID}/pass_thread_control` && (r.body.recipient as { id: string }).id === psid);
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    const from = graph.requests.length;
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/hand-back`, alex, { note: 'answered in the shop' })).status).toBe(200);
    const take = await graph.next((r) => r.path === `${PAGE_ID}/take_thread_control` && (r.body.recipient as { id: string }).id === psid, from);
    expect(String(take.body.metadata)).toMatch(/handoff has ended/);
    await waitFor('the thread back with Baton', async () => (await findChannelContact(s.ctx.db, 'messenger', { contactId: psid, userId: null }))?.threadOwner === 'baton');
  }, 60_000);

  it('on Instagram, after 24 hours sends only a person\'s reply, tagged HUMAN_AGENT, never the AI\'s, and holds replies after 7 days', async () => {
    const igsid = '6000000000000004';
    await postWebhook(s, 'messenger', said(igsid, ASK_FOR_HUMAN, { object: 'instagram' }), APP_SECRET);
    const conversationId = await conversationOf('instagram', igsid);
    expect(((await api(s).get(`/api/v1/conversations/${conversationId}`, alex)).body as { conversation: { channel: string } }).conversation.channel).toBe('instagram');
    const notice = await graph.next(to(igsid));
    expect(notice.body.messaging_type).toBe('RESPONSE');
    const http = api(s);
    const handoff = await waitFor('the waiting handoff', async () => (await http.handoffOf(conversationId, alex, 'waiting')) ?? undefined);

    offsetMs += 25 * HOUR;
    alex = await s.login('alex');
    const state = (await http.get(`/api/v1/channels/conversations/${conversationId}`, alex)).body as { channel: string; mode: string; why: string; limits: { textMax: number; buttonTitleMax: number } };
    expect(state).toMatchObject({ channel: 'instagram', mode: 'human_agent', limits: { textMax: 1000, buttonTitleMax: 20 } });
    expect(state.why).toMatch(/HUMAN_AGENT/);
    // Accepting posts the system's "joined" notice: outside the window it is not sent.
    const from = graph.requests.length;
    expect((await http.post(`/api/v1/handoffs/${handoff.id}/accept`, alex)).status).toBe(200);
    const joined = await waitFor('the joined notice skipped', async () => (await transcript(conversationId)).find((m) => m.author.kind === 'system' && (m as { delivery?: { status: string } }).delivery?.status === 'skipped'));
    expect(joined).toBeTruthy();
    const reply = 'Sorry for the wait: your parcel is at the depot.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: reply })).status).toBe(201);
    const tagged = await graph.next((r) => to(igsid)(r) && JSON.stringify(r.body).includes('depot'), from);
    expect(tagged.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: reply } });
    expect(graph.requests.slice(from).filter((r) => to(igsid)(r) && r.body.tag === undefined)).toEqual([]);

    // Eight days on, even a person's reply waits for the customer.
    offsetMs += 7 * 24 * HOUR;
    alex = await s.login('alex');
    expect(((await http.get(`/api/v1/channels/conversations/${conversationId}`, alex)).body as { mode: string }).mode).toBe('held');
    const late = 'Following up on your parcel.';
    expect((await http.post(`/api/v1/conversations/${conversationId}/messages`, alex, { text: late })).status).toBe(201);
    await waitFor('the late reply held', async () => (await deliveryOf(conversationId, late))?.status === 'held');
    const before = graph.requests.length;
    await postWebhook(s, 'messenger', said(igsid, 'Any news?', { object: 'instagram' }), APP_SECRET);
    const released = await graph.next((r) => to(igsid)(r) && JSON.stringify(r.body).includes('Following up'), before);
    expect(released.body).toMatchObject({ messaging_type: 'RESPONSE' });
  }, 90_000);
});
