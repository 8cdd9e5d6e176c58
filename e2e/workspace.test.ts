import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { axeProblems, signIn, useWorkspaceBrowser } from './workspace-helpers.js';

describe.runIf(HAVE_BROWSER)('agent workspace (Chromium)', { timeout: 45_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;
  const base = () => w.s.url!;
  const shot = async (page: Page, name: string) => {
    // From the top, so the sticky header is where a person would see it.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `workspace-${name}.png`), fullPage: true });
  };

  it('shows a new handoff live in the inbox, with its priority colour and a ticking countdown', async () => {
    const page = await w.newPage();
    await signIn(page, w.s, 'alex');
    await expect(page.getByRole('heading', { name: 'Inbox' }).isVisible()).resolves.toBe(true);
    const url = page.url();

    const h = await api.escalate();
    const row = page.locator(`[data-handoff-id="${h.handoffId}"]`).first();
    await row.waitFor({ timeout: 10_000 });
    expect(page.url()).toBe(url); // no reload, no navigation

    const handoff = await api.handoff(h.handoffId, await api.token('alex'));
    const badge = row.locator('[data-priority]');
    expect(await badge.getAttribute('data-priority')).toBe(handoff.priority);
    expect((await badge.textContent())?.toLowerCase()).toBe(handoff.priority);
    const colours: Record<string, string> = { critical: 'rgb(180, 35, 24)', high: 'rgb(196, 82, 10)', medium: 'rgb(245, 197, 66)', low: 'rgb(228, 231, 236)' };
    expect(await badge.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor)).toBe(colours[handoff.priority]);
    await expect(row.textContent()).resolves.toContain('Sarah Jones');

    const countdown = row.locator('.countdown time');
    const first = await countdown.textContent();
    expect(first).toMatch(/^\d{2,}:\d{2}$/);
    await page.waitForTimeout(1600);
    const second = await countdown.textContent();
    expect(second).toMatch(/^\d{2,}:\d{2}$/);
    expect(second).not.toBe(first);

    await page.getByTestId('toast').first().waitFor();
    await shot(page, 'inbox');
  });

  it('opens the brief, prefills the suggested reply, accepts and replies; the customer sees the reply', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'Where is my order #4821? I want to talk to a real person');
    const alex = await api.token('alex');
    const before = await api.handoff(h.handoffId, alex);
    const page = await w.pageAs('alex');
    await page.locator(`[data-handoff-id="${h.handoffId}"] a`).first().click();

    const brief = page.getByTestId('brief');
    await brief.waitFor();
    await expect(brief.textContent()).resolves.toContain(before.brief.headline.customerName);
    await expect(brief.textContent()).resolves.toContain(before.brief.intent.summary);
    await expect(page.getByText('What the AI tried').isVisible()).resolves.toBe(true);
    const composer = page.getByLabel('Reply to the customer');
    expect(await composer.inputValue()).toBe(before.brief.suggestedReply);
    expect(before.brief.suggestedReply.length).toBeGreaterThan(10);
    await page.getByTestId('message').first().waitFor();

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();
    const reply = `${before.brief.suggestedReply} (ref ${Date.now()})`;
    await composer.fill(reply);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('message').filter({ hasText: reply }).waitFor();
    await shot(page, 'conversation');

    const seen = await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken);
    expect(seen.body.messages.some((m: { text: string; author: { kind: string } }) => m.author.kind === 'agent' && m.text === reply)).toBe(true);
    const after = await api.handoff(h.handoffId, alex);
    expect(after.status).toBe('assigned');
    expect(after.firstHumanReplyAt).not.toBeNull();
  });

  it('says "Another agent took this one" when someone else accepted first', async () => {
    const h = await api.escalate();
    const page = await w.pageAs('alex', `/handoffs/${h.handoffId}`);
    await page.getByTestId('brief').waitFor();
    const jordan = await api.token('jordan');
    // Jordan wins the race: his accept lands just before Alex's request reaches the server.
    await page.route('**/api/v1/handoffs/*/accept', async (route) => {
      await api.call('POST', `/api/v1/handoffs/${h.handoffId}/accept`, jordan);
      await route.continue();
    });
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Another agent took this one').waitFor();
  });

  it('transfers to Billing with a note: back to waiting in Billing, note private to agents', async () => {
    const h = await api.escalate();
    const page = await w.pageAs('alex', `/handoffs/${h.handoffId}`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();

    await page.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer conversation' });
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
    const note = `Customer also asks about a duplicate charge ${Date.now()}`;
    await dialog.getByLabel('Note for them (private)').fill(note);
    await shot(page, 'transfer-dialog');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await page.getByTestId('notice').getByText('Transferred to Billing').waitFor();
    await page.getByTestId('handoff-status').getByText('Waiting · Billing').waitFor();
    await page.locator('[data-testid="message"][data-private="true"]').filter({ hasText: note }).waitFor();

    const priya = await api.token('priya');
    const after = await api.handoff(h.handoffId, priya);
    expect(after.status).toBe('waiting');
    expect(after.team).toBe('Billing');
    const asAgent = await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, priya);
    expect(asAgent.body.messages.some((m: { text: string; private?: boolean }) => m.private && m.text.includes(note))).toBe(true);
    const asCustomer = await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken);
    expect(asCustomer.body.messages.some((m: { text: string }) => m.text.includes(note))).toBe(false);
  });

  it('resolves with a category, an outcome and a verdict', async () => {
    const h = await api.escalate();
    const alex = await api.token('alex');
    expect((await api.call('POST', `/api/v1/handoffs/${h.handoffId}/accept`, alex)).status).toBe(200);
    const page = await w.pageAs('alex', `/handoffs/${h.handoffId}`);
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();
    await page.getByRole('button', { name: 'Resolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve conversation' });
    await dialog.getByLabel('Category').fill('orders');
    await dialog.getByLabel('Outcome').selectOption('workaround');
    await dialog.getByLabel('Too late (should have come sooner)').check();
    await shot(page, 'resolve-dialog');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('resolution').waitFor();

    const after = await api.handoff(h.handoffId, alex);
    expect(after.status).toBe('resolved');
    expect(after.resolution).toMatchObject({ category: 'orders', outcome: 'workaround', verdict: 'too_late' });
  });

  it('resumes after a dropped connection and shows a handoff created meanwhile', async () => {
    const page = await w.pageAs('alex');
    await page.context().setOffline(true);
    await page.getByTestId('connection').getByText(/Offline|Reconnecting/).waitFor({ timeout: 30_000 });
    const h = await api.escalate('sarah.jones@example.com', 'please let me talk to a real person now');
    await page.waitForTimeout(1500);
    expect(await page.locator(`[data-handoff-id="${h.handoffId}"]`).count()).toBe(0);
    await page.context().setOffline(false);
    await page.locator(`[data-handoff-id="${h.handoffId}"]`).first().waitFor({ timeout: 20_000 });
    await page.getByTestId('connection').getByText('Live').waitFor();
  });

  it('admin: an invalid threshold shows the error by the field; a valid change bumps the version', async () => {
    const casey = await api.token('casey');
    const start = (await api.call('GET', '/api/v1/policy', casey)).body.version as number;
    const page = await w.pageAs('casey');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('policy-version').getByText(`Version ${start}`).waitFor();

    const threshold = page.getByLabel('Confidence threshold');
    await threshold.fill('2');
    await page.getByRole('button', { name: 'Save policy' }).click();
    const err = page.getByTestId('error-threshold');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/threshold/i);
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    // The message sits right by the field, in the same field group.
    expect(await err.evaluate((el) => el.parentElement?.querySelector('#policy-threshold') !== null)).toBe(true);
    await shot(page, 'admin-error');

    await threshold.fill('0.55');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByTestId('policy-version').getByText(`Version ${start + 1}`).waitFor();
    await page.getByTestId('policy-versions').getByText(`v${start + 1}`).waitFor();
    const now = (await api.call('GET', '/api/v1/policy', casey)).body;
    expect(now.version).toBe(start + 1);
    expect(now.policy.confidence.threshold).toBe(0.55);
    await shot(page, 'admin');
  });

  it('supervisor: queues by team and priority, agents, SLA at risk', async () => {
    await api.escalate();
    const page = await w.pageAs('jordan');
    await page.getByRole('link', { name: 'Supervisor' }).click();
    const queues = page.getByTestId('queues');
    // The table is drawn before the teams are loaded: wait for Billing's row rather than read it once.
    await queues.getByText(/Billing/).first().waitFor();
    await expect(queues.textContent()).resolves.toContain('Billing');
    await page.getByTestId('agents').getByText('Priya Shah').waitFor();
    await shot(page, 'supervisor');
  });

  it('has no serious or critical axe violations on the login, inbox and conversation views', async () => {
    const h = await api.escalate();
    const page = await w.newPage();
    await page.goto(`${base()}/login`);
    await page.getByLabel('Email').waitFor();
    await shot(page, 'login');
    expect(await axeProblems(page)).toEqual([]);

    await signIn(page, w.s, 'alex');
    await page.locator(`[data-handoff-id="${h.handoffId}"]`).first().waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${base()}/handoffs/${h.handoffId}`);
    await page.getByTestId('brief').waitFor();
    await page.getByTestId('message').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });
});
