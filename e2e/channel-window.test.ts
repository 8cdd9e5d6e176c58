import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChannelContact } from '../apps/server/src/adapters/db/repositories/channels.repository.js';
import { postWebhook, startGraphServer } from '../apps/server/src/test/graph-server.js';
import { waitFor } from '../apps/server/src/test/notifications-receivers.js';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { useWorkspaceBrowser, waitLive } from './workspace-helpers.js';

const TOKEN = 'EAAGtest-whatsapp-access-token-0123456789';
const APP_SECRET = 'whatsapp-app-secret-0123456789';
const PHONE_NUMBER_ID = '106540352242922';

describe.runIf(HAVE_BROWSER)('the workspace on a WhatsApp conversation (Chromium)', { timeout: 60_000 }, () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  beforeAll(async () => {
    graph = await startGraphServer({ token: TOKEN });
  });
  afterAll(async () => {
    await graph?.close();
  });
  const w = useWorkspaceBrowser({
    env: () => ({ BATON_WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, BATON_WHATSAPP_ACCESS_TOKEN: TOKEN, BATON_WHATSAPP_APP_SECRET: APP_SECRET, BATON_WHATSAPP_VERIFY_TOKEN: 'whatsapp-verify-token-0123', BATON_WHATSAPP_GRAPH_URL: graph.url, BATON_OUTBOUND_ALLOW: '127.0.0.1' }),
  });
  const { api } = w;

  it('shows that the 24-hour window has closed and why, and that the reply waits while a template goes', async () => {
    // The customer last wrote 26 hours ago (a message Meta delivers late): the window is closed.
    const sent = Math.floor((w.s.ctx.clock().getTime() - 26 * 3_600_000) / 1000);
    const wa = '447700900555';
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Priya Shah' }, wa_id: wa }], messages: [{ from: wa, id: 'wamid.UI1', timestamp: String(sent), type: 'text', text: { body: 'let me talk to a real person' } }] } }] }] };
    expect((await postWebhook(w.s, 'whatsapp', body, APP_SECRET)).statusCode).toBe(200);
    const conversationId = await waitFor('the conversation', async () => (await findChannelContact(w.s.ctx.db, 'whatsapp', { contactId: wa, userId: null }))?.conversationId);
    const alex = await api.token('alex');
    const handoff = await waitFor('the handoff', async () => ((await api.call('GET', '/api/v1/handoffs?status=waiting', alex)).body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === conversationId));

    const page = await w.pageAs('alex', `/handoffs/${handoff.id}`);
    const banner = page.getByTestId('channel-window');
    await banner.waitFor();
    await expect(banner.getAttribute('data-mode')).resolves.toBe('template');
    await expect(banner.textContent()).resolves.toMatch(/WhatsApp: Replies wait: a template asks the customer to write back\..*24-hour window has closed/);

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();
    const composer = page.getByLabel('Reply to the customer');
    await composer.fill('Hi Priya, your refund is on its way.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await graph.next((r) => r.body.to === wa && r.body.type === 'template');
    // The transcript shows the reply waiting (reloaded when the window's state is rechecked).
    await page.reload();
    await waitLive(page);
    await page.getByTestId('message').filter({ hasText: 'your refund is on its way' }).getByTestId('delivery').getByText('Waiting for the customer').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-channel-window.png'), fullPage: true });
  });
});
