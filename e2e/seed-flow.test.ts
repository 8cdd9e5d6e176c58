import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, SCREENSHOTS, launchBrowser } from './browser.js';
import { ensureWidgetBuilt, openAndSend, signedInQuery, widget } from './widget-helpers.js';
import { ensureWorkspaceBuilt, signIn } from './workspace-helpers.js';

// The seed documents' example in two browsers: Sarah on the shop's page, Alex in the workspace.
describe.runIf(HAVE_BROWSER)('the seed flow in the browser: customer on /demo, agent in the workspace', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWidgetBuilt();
    ensureWorkspaceBuilt();
    server = await startTestServer('pglite', { listen: true });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Sarah is handed over, Alex picks her up with the whole story, and she rates it', async () => {
    const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const agent = await agentContext.newPage();
    await signIn(agent, server, 'alex');

    const customerContext = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    const customer = await customerContext.newPage();
    await customer.goto(`${server.url}/demo${signedInQuery('sarah.jones@example.com', 'Sarah Jones')}`);
    const w = widget(customer);
    await w.launcher.waitFor();

    // 1. The furious message about order #4821.
    await openAndSend(customer, "I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.");

    // 2. The handoff notice, with the case number and the wait.
    const host = customer.locator('#baton-widget');
    const card = host.locator('.handoff');
    await card.waitFor({ timeout: 10_000 });
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/C-\d+/);
    expect(cardText).toMatch(/minute/);
    const caseNumber = cardText.match(/C-\d+/)![0];

    // 3. The handoff appears in Alex's inbox without a reload; the brief shows the order and the mood,
    //    and the composer holds a reply that names Sarah.
    const row = agent.locator('[data-handoff-id]').filter({ hasText: 'Sarah' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.locator('a').first().click();
    const brief = agent.getByTestId('brief');
    await brief.waitFor();
    const briefText = (await brief.textContent()) ?? '';
    expect(briefText).toContain('4821');
    expect(briefText).toMatch(/dispatched/i);
    expect(briefText).toMatch(/upset|frustrated/i);
    const composer = agent.getByLabel('Reply to the customer');
    expect(await composer.inputValue()).toMatch(/^Hi Sarah,.*4821/);

    // 4. Alex accepts and replies.
    await agent.getByRole('button', { name: 'Accept' }).click();
    await agent.getByTestId('handoff-status').getByText('Assigned').waitFor();
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await agent.screenshot({ path: join(SCREENSHOTS, 'seed-flow-agent.png') });

    // 5. Sarah sees "Alex … has joined" and the reply, from Alex by name.
    await host.getByText(/Alex from .* has joined/).waitFor({ timeout: 10_000 });
    await host.locator('.row.theirs:not(.greeting)').filter({ hasText: 'Hi Sarah' }).waitFor({ timeout: 10_000 });
    expect(await host.locator('.row.theirs:not(.greeting)').filter({ hasText: 'Hi Sarah' }).locator('.who').textContent()).toContain('Alex');

    // 6. Alex resolves; Sarah rates it.
    await agent.getByRole('button', { name: 'Resolve' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Resolve conversation' });
    await dialog.getByLabel('Category').fill('delivery');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await agent.getByTestId('resolution').waitFor();
    await host.getByRole('button', { name: '5 of 5 stars: Excellent' }).click({ timeout: 10_000 });
    await host.getByRole('button', { name: 'Send rating' }).click();
    await host.getByText('Thank you for your feedback!').waitFor({ timeout: 10_000 });
    await customer.screenshot({ path: join(SCREENSHOTS, 'seed-flow-customer.png') });

    const token = (await server.login('jordan'));
    const metrics = (await server.app.inject({ method: 'GET', url: '/api/v1/metrics/handoffs', headers: { authorization: `Bearer ${token}` } })).json();
    expect(metrics.csat.afterHandoff.n).toBe(1);
    expect(metrics.handoffs).toBeGreaterThanOrEqual(1);
    expect(caseNumber).toMatch(/^C-\d+$/);
    await agentContext.close();
    await customerContext.close();
  }, 90_000);
});
