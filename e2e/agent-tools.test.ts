import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER } from './browser.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

/**
 * The agent's tools, in one tab signed in as Alex (Support): a notification link, a callback
 * worked from the list, a canned reply picked from the composer with the keyboard, and search.
 */
describe.runIf(HAVE_BROWSER)('agent tools in the workspace (Chromium)', { timeout: 60_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;
  let page: Page;

  beforeAll(async () => {
    page = await w.newPage({ as: 'alex' });
  });

  it('opens the handoff from a notification link written as /#/handoffs/ID', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'I want to talk to a real person');
    await w.open(page, `/#/handoffs/${h.handoffId}`);
    await page.getByTestId('brief').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/handoffs/${h.handoffId}`);
    await expect(page.getByTestId('brief').textContent()).resolves.toContain('Sarah Jones');
  });

  it('works a booked callback from the list: the phone is shown, no answer re-books it, call now and done lead to resolving it', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'Please can a person call me about my order');
    const options = await api.call('GET', `/api/v1/conversations/${h.conversationId}/callback-options`, h.customerToken);
    const booked = await api.call('POST', `/api/v1/conversations/${h.conversationId}/callback`, h.customerToken, { kind: 'callback', at: options.body.slots[0].at, phone: '+44 20 7946 0958' });
    expect(booked.status).toBe(201);

    await page.getByRole('link', { name: 'Callbacks' }).click();
    const row = page.locator(`[data-testid="callback-row"][data-handoff-id="${h.handoffId}"]`);
    await row.waitFor();
    await expect(row.getByTestId('callback-phone').textContent()).resolves.toBe('+44 20 7946 0958');
    expect(await row.getByTestId('callback-phone').getAttribute('href')).toBe('tel:+442079460958');
    expect(await axeProblems(page)).toEqual([]);

    await row.getByRole('button', { name: 'No answer' }).click();
    await row.getByText('1 unanswered of 3 tries').waitFor();
    const said = await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken);
    expect((said.body.messages as { action?: string }[]).at(-1)!.action).toBe('callback_no_answer');

    await row.getByRole('button', { name: 'Call now' }).click();
    await page.waitForURL(`**/handoffs/${h.handoffId}`);
    const card = page.getByTestId('callback-card');
    await card.getByText('Being worked').waitFor();
    await expect(card.getByTestId('callback-phone').textContent()).resolves.toBe('+44 20 7946 0958');
    await card.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('notice').getByText('Callback done').waitFor();
    await card.getByText('Done', { exact: true }).first().waitFor();
    expect((await api.handoff(h.handoffId, await api.token('alex'))).callback).toMatchObject({ status: 'done', attempts: 1 });

    await page.getByRole('button', { name: 'Resolve' }).click();
    // The category starts from what the brief knows.
    expect(await page.getByLabel('Category').inputValue()).not.toBe('');
  });

  it('inserts a canned reply picked with the keyboard after typing "/", its variables filled in', async () => {
    const admin = await api.token('casey');
    const made = await api.call('POST', '/api/v1/canned-replies', admin, { shortcut: 'thanks', title: 'Thank the customer', body: 'Thanks {{customer.name}}, your case is {{case}}. {{agent.name}}' });
    expect(made.status).toBe(201);
    await api.call('POST', '/api/v1/canned-replies', admin, { shortcut: 'tracking', title: 'Tracking link', body: 'You can follow your parcel here.' });

    const h = await api.escalate('sarah.jones@example.com', 'I want to talk to a real person about order 4821');
    const alex = await api.token('alex');
    expect((await api.call('POST', `/api/v1/handoffs/${h.handoffId}/accept`, alex)).status).toBe(200);
    const caseNumber = (await api.handoff(h.handoffId, alex)).brief.caseNumber as string;
    await w.open(page, `/handoffs/${h.handoffId}`);
    await page.getByTestId('suggestion-label').waitFor();

    const box = page.getByLabel('Reply to the customer');
    await box.fill('');
    await box.pressSequentially('/t');
    const picker = page.getByTestId('canned-picker');
    await picker.waitFor();
    await expect(picker.getByRole('option').allTextContents()).resolves.toEqual([expect.stringContaining('/thanks'), expect.stringContaining('/tracking')]);
    expect(await axeProblems(page)).toEqual([]);
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    expect(await picker.getByRole('option', { selected: true }).textContent()).toContain('/thanks');
    await box.press('Enter');
    await expect(picker.count()).resolves.toBe(0);
    expect(await box.inputValue()).toBe(`Thanks Sarah, your case is ${caseNumber}. Alex`);
    // Escape closes the picker and keeps what was typed.
    await box.pressSequentially(' /tr');
    await picker.waitFor();
    await box.press('Escape');
    await expect(picker.count()).resolves.toBe(0);
    expect(await box.inputValue()).toBe(`Thanks Sarah, your case is ${caseNumber}. Alex /tr`);
  });

  it('finds a conversation by words the customer wrote, and opens it; the customer history lists the earlier cases', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'I want a real person, my parcel quokka-77 is lost');
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel(/Case number, customer name or email/).fill('quokka-77');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-conversations').getByTestId('conversation-summary');
    await results.first().waitFor();
    await expect(results.count()).resolves.toBe(1);
    await expect(results.first().textContent()).resolves.toContain('quokka-77');
    expect(await axeProblems(page)).toEqual([]);

    await results.first().getByRole('link').click();
    await page.waitForURL(`**/handoffs/${h.handoffId}`);
    // Sarah's earlier conversations in this file are listed beside the brief, this one is not.
    const history = page.getByTestId('customer-history').getByTestId('conversation-summary');
    await history.first().waitFor();
    await expect(history.count()).resolves.toBe(3);
    expect(await page.getByTestId('customer-history').locator(`[data-conversation-id="${h.conversationId}"]`).count()).toBe(0);
  });
});
