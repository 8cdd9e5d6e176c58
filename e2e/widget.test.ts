import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, SCREENSHOTS, launchBrowser } from './browser.js';
import { ensureWidgetBuilt, inShadow, openAndSend, signedInQuery, storedSession, widget } from './widget-helpers.js';

describe.runIf(HAVE_BROWSER)('customer widget (Chromium, real server)', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWidgetBuilt();
    // Queue updates as often as the server allows, so the live position shows within the test.
    server = await startTestServer('pglite', { listen: true, env: { BATON_QUEUE_UPDATE_SECONDS: '5' } });
    url = server.url!;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function newPage(opts: { width?: number; height?: number; query?: string } = {}): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${url}/demo${opts.query ?? ''}`);
    await widget(page).launcher.waitFor();
    return { page, context };
  }

  async function serverMessages(id: string, token: string): Promise<{ text: string; author: { kind: string } }[]> {
    const res = await fetch(`${url}/api/v1/conversations/${id}/messages?after=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: { text: string; author: { kind: string } }[] }).messages;
  }

  it('renders message text as text, never as markup', async () => {
    const { page } = await newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = '<img src=x onerror=alert(1)>';
    await openAndSend(page, evil);
    const w = widget(page);
    await expect.poll(() => w.log.getByText(evil, { exact: true }).isVisible()).toBe(true);
    await w.replies.first().waitFor();
    expect(await inShadow<number>(page, '(root) => root.querySelectorAll("img").length')).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    // The hostile page CSS (hidden buttons and textareas, `all: unset` on divs) did not reach the widget.
    expect(await w.input.isVisible()).toBe(true);
    expect(await w.talk.isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-desktop.png') });
  });

  it('keeps the conversation across a page reload', async () => {
    const { page } = await newPage();
    await openAndSend(page, 'How long does delivery take?');
    const w = widget(page);
    await w.replies.first().waitFor();
    const before = (await w.header.textContent())!;
    expect(before).toMatch(/^Case C-\d+/);
    const repliesBefore = await w.replies.count();

    await page.reload();
    const after = widget(page);
    // The panel reopens by itself, with the same case and the earlier messages from the server.
    await after.panel.waitFor();
    expect(await after.header.textContent()).toBe(before);
    await expect.poll(() => after.log.getByText('How long does delivery take?', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => after.replies.count()).toBe(repliesBefore);
    // And it keeps going on the same conversation.
    await openAndSend(page, 'Thanks!');
    await expect.poll(() => after.log.locator('.row.mine:not(.pending)').count()).toBe(2);
    expect((await storedSession(page, url)).caseNumber).toBe(before.replace('Case ', ''));
  });

  it('delivers a message sent while offline exactly once, when the network returns', async () => {
    const { page, context } = await newPage();
    const w = widget(page);
    await openAndSend(page, 'Hello');
    await w.replies.first().waitFor();

    await context.setOffline(true);
    const text = 'Is my parcel lost? It has been a week.';
    await openAndSend(page, text);
    await expect.poll(() => w.log.locator('.pending.retrying').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-offline.png') });
    await context.setOffline(false);

    await expect.poll(() => w.log.locator('.pending').count(), { timeout: 15_000 }).toBe(0);
    expect(await w.log.getByText(text, { exact: true }).count()).toBe(1);
    const { id, token } = await storedSession(page, url);
    const copies = (await serverMessages(id, token)).filter((m) => m.author.kind === 'customer' && m.text === text);
    expect(copies).toHaveLength(1);
  });

  it('shows the handoff card with the case number, the wait and the live queue position, then the agent joining and the rating', async () => {
    const { page } = await newPage({ query: signedInQuery('sarah.jones@example.com', 'Sarah Jones') });
    const w = widget(page);
    await openAndSend(page, 'My order never arrived.');
    await w.replies.first().waitFor();

    await w.talk.click();
    const card = page.locator('#baton-widget').getByRole('group', { name: 'Passing you to a person' });
    await card.waitFor({ timeout: 10_000 });
    // A person is on the way: asking again would only add noise, so the button goes.
    await expect.poll(() => w.talk.count()).toBe(0);
    const { caseNumber, id, token } = await storedSession(page, url);
    expect(await card.locator('.case').textContent()).toBe(caseNumber);
    // The storefront passed who the shopper is (from its query string) when the chat started.
    const conv = (await (await fetch(`${url}/api/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { conversation: { customer: { name: string; email: string } } };
    expect(conv.conversation.customer).toMatchObject({ name: 'Sarah Jones', email: 'sarah.jones@example.com' });
    expect(await card.textContent()).toContain(caseNumber);
    expect(await card.getByText('Expected reply', { exact: true }).isVisible()).toBe(true);
    expect(await card.textContent()).toMatch(/minute/);
    // The first queue update comes from the server's timer (5 s in this test).
    await expect.poll(() => card.locator('.position').textContent(), { timeout: 20_000 }).toMatch(/^\d+$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-handoff.png') });

    // An agent accepts: the customer sees who joined, as a person (not "Assistant").
    const agent = await server.login('alex');
    const auth = { authorization: `Bearer ${agent}`, 'content-type': 'application/json' };
    const list = (await (await fetch(`${url}/api/v1/handoffs?status=waiting`, { headers: auth })).json()) as { handoffs: { id: string; conversationId: string }[] };
    const handoff = list.handoffs.find((h) => h.conversationId === id)!;
    expect((await fetch(`${url}/api/v1/handoffs/${handoff.id}/accept`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    await expect.poll(() => w.log.locator('.sys-joined').textContent(), { timeout: 10_000 }).toMatch(/has joined/);
    await fetch(`${url}/api/v1/conversations/${id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'Hi Sarah, I am looking into it now.' }) });
    const agentRow = w.log.locator('.row.theirs').filter({ hasText: 'I am looking into it now.' });
    await agentRow.waitFor();
    expect(await agentRow.locator('.who').textContent()).toMatch(/^Alex/);

    // Resolution brings the rating; it is sent once and thanked.
    const resolved = await fetch(`${url}/api/v1/handoffs/${handoff.id}/resolve`, { method: 'POST', headers: auth, body: JSON.stringify({ category: 'delivery', outcome: 'solved', verdict: 'needed' }) });
    expect(resolved.status).toBe(200);
    const host = page.locator('#baton-widget');
    await host.getByRole('button', { name: '5 of 5 stars: Excellent' }).click();
    await host.getByLabel('Anything else you want to tell us? (optional)').fill('Quick and kind.');
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-csat.png') });
    await host.getByRole('button', { name: 'Send rating' }).click();
    await host.getByText('Thank you for your feedback!').waitFor();
    const again = await fetch(`${url}/api/v1/conversations/${id}/csat`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"score":3}' });
    expect(again.status).toBe(409);
  }, 60_000);

  it('works from the keyboard: Enter opens, Enter sends, Escape closes', async () => {
    const { page } = await newPage();
    const w = widget(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    // Focus moves to the input once the panel is drawn: a frame later on a loaded machine.
    await expect.poll(() => inShadow<string>(page, '(root) => root.activeElement && root.activeElement.id')).toBe('baton-input');
    await page.keyboard.type('Do you ship to Canada?');
    await page.keyboard.press('Enter');
    await w.log.getByText('Do you ship to Canada?', { exact: true }).waitFor();
    await w.replies.first().waitFor();
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'detached' });
    await expect.poll(() => inShadow<string>(page, '(root) => (root.activeElement ? root.activeElement.className : "")')).toContain('launcher');
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-closed.png') });
  });

  it('fits a 360 × 740 screen', async () => {
    const { page } = await newPage({ width: 360, height: 740 });
    await openAndSend(page, `A long tracking code: ${'X'.repeat(120)} and a question about it`);
    const w = widget(page);
    await w.replies.first().waitFor();
    const box = await inShadow<{ left: number; right: number; top: number; bottom: number; overflow: number }>(
      page,
      `(root) => { const p = root.querySelector('.panel').getBoundingClientRect(); const s = root.querySelector('.scroll');
        return { left: p.left, right: p.right, top: p.top, bottom: p.bottom, overflow: s.scrollWidth - s.clientWidth }; }`,
    );
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(360);
    expect(box.bottom).toBeLessThanOrEqual(740);
    expect(box.overflow).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-360.png') });
  });

  it('has no serious or critical axe violations when open', async () => {
    const { page } = await newPage();
    await openAndSend(page, 'Can I return a mug?');
    await widget(page).replies.first().waitFor();
    await page.addScriptTag({ content: axe.source });
    const violations = (await page.evaluate(async () => {
      const r = await (globalThis as unknown as { axe: typeof axe }).axe.run({ include: [['#baton-widget']] } as never, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    })) as { id: string; impact: string | null; nodes: string[] }[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad).toEqual([]);
    // axe really looked inside the shadow root: the widget's buttons are among what it checked.
    const checked = await page.evaluate(async () => {
      const r = await (globalThis as unknown as { axe: typeof axe }).axe.run({ include: [['#baton-widget']] } as never, { runOnly: ['button-name'], resultTypes: ['passes'] });
      return r.passes.flatMap((p) => p.nodes.length);
    });
    expect(checked[0]).toBeGreaterThanOrEqual(3);
  });

  it('shows the offer of a choice as buttons, and a click lets the assistant answer', async () => {
    const admin = await server.login('casey');
    const policy = async (input: unknown) => {
      const current = (await server.app.inject({ method: 'GET', url: '/api/v1/policy', headers: { authorization: `Bearer ${admin}` } })).json();
      const res = await server.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: { authorization: `Bearer ${admin}` }, payload: { version: current.version, policy: input } });
      expect(res.statusCode).toBe(200);
    };
    await policy({ customerRequest: { offerChoiceForSimple: true } });
    try {
      const { page } = await newPage();
      const w = widget(page);
      await openAndSend(page, 'how do I reset my password');
      await w.replies.first().waitFor();
      await openAndSend(page, 'can I talk to a person about it');
      const quick = page.locator('#baton-widget').locator('.quick');
      await quick.waitFor();
      expect(await quick.getByRole('button').allTextContents()).toEqual(['Help me now', 'Talk to a person']);
      await quick.getByRole('button', { name: 'Help me now' }).click();
      // The click is the customer's message; the assistant answers the question the offer was about.
      await expect.poll(() => w.log.getByText('Help me now', { exact: true }).count()).toBe(1);
      await expect.poll(() => w.replies.count()).toBe(3);
      expect(await w.replies.last().textContent()).toMatch(/password/i);
      await expect.poll(() => quick.count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'widget-quick-replies.png') });
    } finally {
      await policy({});
    }
  });
});
