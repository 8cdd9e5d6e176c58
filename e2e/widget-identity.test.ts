import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../apps/server/src/adapters/db/repositories/email.repository.js';
import type { Mailbox } from '../apps/server/src/test/mailbox.js';
import { startMailbox } from '../apps/server/src/test/mailbox.js';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, launchBrowser } from './browser.js';
import { ensureWidgetBuilt, openAndSend, signedInQuery, storedSession, widget } from './widget-helpers.js';
import { ensureWorkspaceBuilt, serverApi, waitLive, withSession } from './workspace-helpers.js';

const SARAH = 'sarah.jones@example.com';
const TRACKING = 'RM482100019GB';

/**
 * The impostor scenario (issue: identity before account data), in Chromium against a real
 * server and a real SMTP server standing for the customers' mailboxes.
 */
describe.runIf(HAVE_BROWSER)('widget identity (Chromium, real server, real SMTP)', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWidgetBuilt();
    ensureWorkspaceBuilt(); // before the server starts: it serves dist/ only when present
    mailbox = await startMailbox();
    server = await startTestServer('pglite', { listen: true, env: { BATON_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, BATON_MAIL_FROM: 'Northwind Support <support@northwind.example>' } });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mailbox?.close();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function storefront(query: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url!}/demo${query}`);
    await widget(page).launcher.waitFor();
    return page;
  }

  const codeForm = (page: Page) => page.locator('#baton-widget').getByRole('form', { name: 'Confirm it is you' });

  it("shows an impostor nothing from Sarah's account, mails the code to Sarah alone, and shows the agent an unverified claim", async () => {
    const page = await storefront(`?email=${encodeURIComponent(SARAH)}&name=Mallory`);
    const w = widget(page);
    await openAndSend(page, 'where is my order #4821?');
    await codeForm(page).waitFor({ timeout: 10_000 });
    await openAndSend(page, `status of my orders ${Array.from({ length: 400 }, (_, i) => `#${4000 + i}`).join(' ')}`);
    await expect.poll(async () => w.replies.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const shown = (await w.log.textContent()) ?? '';
    for (const secret of [TRACKING, 'Royal Mail', 'Evri', 'Sarah Jones', 'AC-1001']) expect(shown).not.toContain(secret);

    const mail = await mailbox.next(SARAH, (m) => /verification code/i.test(m.text));
    expect(mail.text).not.toContain('Mallory');
    const { id, token } = await storedSession(page, server.url!);
    const state = (await (await fetch(`${server.url!}/api/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { conversation: { customer: unknown } };
    expect(state.conversation.customer).toEqual({ id: null, name: 'Mallory', email: SARAH, identity: 'unverified' });

    // The handoff: the brief says unverified, and no confirmation goes to Sarah greeting Mallory.
    await w.talk.click();
    await page.locator('#baton-widget').getByRole('group', { name: 'Passing you to a person' }).waitFor({ timeout: 10_000 });
    const api = serverApi(server);
    const jordan = await api.token('jordan');
    const handoff = await api.handoff(await api.waitingHandoff(id, 'a click on "talk to a person"'), jordan);
    expect(handoff.brief.identity).toMatchObject({ state: 'unverified', claimedAccount: { name: 'Sarah Jones' } });
    expect(handoff.brief.headline.customerName).toBe('Mallory');
    expect(handoff.brief.suggestedReply).not.toContain(TRACKING);
    // The agent's workspace shows the claim as a claim, under the impostor's own name.
    const agentContext = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.push(agentContext);
    await withSession(agentContext, await api.session('jordan'));
    const agent = await agentContext.newPage();
    await agent.goto(`${server.url!}/handoffs/${handoff.id}`);
    await waitLive(agent);
    const identity = agent.getByTestId('brief-identity');
    await identity.waitFor();
    expect(await identity.getAttribute('data-identity')).toBe('unverified');
    expect(await identity.textContent()).toMatch(/Not verified.*claims the account of Sarah Jones \(AC-1001\), not proven/);
    expect(await agent.getByTestId('brief').locator('h1').textContent()).toContain('Mallory');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await listOutbox(server.ctx.db, { conversationId: id })).map((m) => m.kind)).toEqual(['verification_code']);
    expect(mailbox.mails.some((m) => /Hello Mallory/.test(m.text))).toBe(false);
  }, 120_000);

  it('lets the real customer in with the code from their mailbox', async () => {
    const page = await storefront(`?email=${encodeURIComponent(SARAH)}&name=Sarah`);
    const w = widget(page);
    await openAndSend(page, 'where is my order #4821?');
    const form = codeForm(page);
    await form.waitFor({ timeout: 10_000 });
    const code = /\b(\d{6})\b/.exec((await mailbox.next(SARAH, (m) => /verification code/i.test(m.text))).text)![1]!;

    const input = form.getByLabel('Six-digit code');
    await input.fill(code === '000000' ? '111111' : '000000');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.getByRole('alert').getByText('That code is not right').waitFor();

    await input.fill(code);
    await form.getByRole('button', { name: 'Confirm' }).click();
    await w.log.getByText(/your email address is confirmed/).waitFor({ timeout: 10_000 });
    await expect.poll(() => form.count()).toBe(0);

    await openAndSend(page, 'where is my order #4821?');
    await w.log.getByText(new RegExp(TRACKING)).waitFor({ timeout: 10_000 });
  }, 120_000);

  it("lets a shopper the site signed (data-customer-hash) see their account at once; a forged hash gets nothing", async () => {
    const page = await storefront(signedInQuery(SARAH, 'Sarah Jones'));
    const w = widget(page);
    await openAndSend(page, 'where is my order #4821?');
    await w.log.getByText(new RegExp(TRACKING)).waitFor({ timeout: 10_000 });
    expect(await codeForm(page).count()).toBe(0);

    // A forged hash: the server refuses it, and the widget chats on unverified, asking for the code.
    const forged = await storefront(`?email=${encodeURIComponent(SARAH)}&name=Mallory&hash=${'ab'.repeat(32)}`);
    await openAndSend(forged, 'where is my order #4821?');
    await codeForm(forged).waitFor({ timeout: 10_000 });
    expect((await widget(forged).log.textContent()) ?? '').not.toContain(TRACKING);
    const { id, token } = await storedSession(forged, server.url!);
    const state = (await (await fetch(`${server.url!}/api/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { conversation: { customer: { identity: string } } };
    expect(state.conversation.customer.identity).toBe('unverified');
  }, 120_000);
});
