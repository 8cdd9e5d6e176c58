import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, SCREENSHOTS, launchBrowser } from './browser.js';
import { ensureWidgetBuilt, openAndSend, signedInQuery, storedSession, widget } from './widget-helpers.js';

// A team that is never open: every handoff happens "after hours".
const CLOSED_ALL_WEEK = { timeZone: 'Europe/London', weekly: { sun: [{ start: '03:00', end: '03:30' }] }, holidays: [] };

describe.runIf(HAVE_BROWSER)('the after-hours choice in the widget (Chromium, real server)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWidgetBuilt();
    server = await startTestServer('pglite', { listen: true });
    const admin = await server.login('casey');
    for (const team of ['Support', 'Billing', 'Technical']) {
      const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team}`, headers: { authorization: `Bearer ${admin}` }, payload: { hours: CLOSED_ALL_WEEK } });
      expect(res.statusCode).toBe(200);
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows callback times and an email option, and books a callback with the time in the customer\'s zone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${server.url}/demo${signedInQuery('sarah.jones@example.com', 'Sarah Jones')}`);
    await widget(page).launcher.waitFor();
    await openAndSend(page, 'I want to talk to a real person please');

    const host = page.locator('#baton-widget');
    const form = host.getByRole('form', { name: 'Call me back, or reply by email' });
    await form.waitFor({ timeout: 10_000 });
    await expect.poll(() => host.getByText(/closed right now/).isVisible()).toBe(true);
    // The opening time is told in the customer's own zone (the browser's), like the callback times.
    expect(await host.getByText(/closed right now/).textContent()).toMatch(/opens again: [^)]+\(America\/New_York\)\)/);
    const when = host.getByLabel('Call me at');
    const first = await when.locator('option').first().textContent();
    expect(first).toMatch(/\(America\/New_York\)$/);
    // No queue update comes while the team is closed: the card's place in the queue comes from the
    // conversation itself, at once and again after a reload, never a lasting "Checking…".
    const card = host.getByRole('group', { name: 'Passing you to a person' });
    // (A locator that waits, rather than a poll of textContent, which would itself wait on a card
    // not drawn yet, past the poll's deadline.)
    const placeShown = () => card.locator('.position').filter({ hasText: /^\d+$/ }).waitFor({ timeout: 15_000 });
    await placeShown();
    await page.reload();
    // The panel reopens by itself (a click now could close it again).
    await widget(page).panel.waitFor();
    await placeShown();
    await form.waitFor();
    // The email choice knows Sarah's address.
    expect(await host.getByLabel(/Email address/).inputValue()).toBe('sarah.jones@example.com');

    // Sarah is signed in: the number on her account is filled in, and she may change it.
    expect(await host.getByLabel('Phone number').inputValue()).toBe('+44 7700 900123');
    await host.getByLabel('Phone number').fill('+1 212 555 0100');
    await host.getByRole('button', { name: 'Book the callback' }).click();
    await expect.poll(() => host.getByText(/Your callback is booked for/).isVisible(), { timeout: 10_000 }).toBe(true);
    const confirmation = await host.getByText(/Your callback is booked for/).textContent();
    expect(confirmation).toContain(first!.trim());
    await page.screenshot({ path: `${SCREENSHOTS}widget-after-hours.png` });

    // The server holds the booking: the conversation waits for its callback.
    const session = await storedSession(page, server.url!);
    const res = await fetch(`${server.url}/api/v1/conversations/${session.id}`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(((await res.json()) as { conversation: { status: string } }).conversation.status).toBe('callback');
    await context.close();
  }, 60_000);
});
