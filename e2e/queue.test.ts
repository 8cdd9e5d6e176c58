import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteAgentStream } from '../apps/server/src/app/note-agent-stream.js';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { openAndSend, signedInQuery, storedSession, widget } from './widget-helpers.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

/**
 * The queue as the customer and the agents see it (Chromium, real server, one page): the handoff
 * card shows the place in the queue, after a reload too; the workspace refuses an accept beyond
 * capacity with a clear message, which a supervisor can override, and tells an agent of an offer
 * made before their page was open.
 */
describe.runIf(HAVE_BROWSER)('the queue card and capacity (Chromium)', { timeout: 60_000 }, () => {
  const w = useWorkspaceBrowser({ widget: true });
  const { api } = w;
  let page: Page;

  const setCapacity = async (who: string, capacity: number) => {
    expect((await api.call('PATCH', '/api/v1/agents/me', await api.token(who), { capacity })).status).toBe(200);
  };

  beforeAll(async () => {
    page = await w.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  });

  it('shows the place in the queue on the handoff card, and again after a reload', async () => {
    await page.goto(`${w.s.url!}/demo${signedInQuery('sarah.jones@example.com', 'Sarah Jones')}`);
    await openAndSend(page, 'I want to talk to a real person please');
    const card = page.locator('#baton-widget').getByRole('group', { name: 'Passing you to a person' });
    await card.waitFor({ timeout: 10_000 });
    // (A locator that waits, rather than a poll of textContent, which would itself wait on a card
    // not drawn yet, past the poll's deadline.)
    const firstPlace = () => card.locator('.position').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    await firstPlace();

    // A reload has no live queue event to wait for: the place comes from the server at once.
    await page.reload();
    // The panel reopens by itself (a click now could close it again).
    await widget(page).panel.waitFor();
    await firstPlace();
    expect(await card.textContent()).not.toContain('Checking');
    // It is the place the API gives.
    const { id, token } = await storedSession(page, w.s.url!);
    const state = await api.call('GET', `/api/v1/conversations/${id}`, token);
    expect(state.body.handoff.position).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-card-after-reload.png') });
  });

  it('refuses an accept beyond capacity with a clear message; a supervisor may accept beyond it', async () => {
    // Alex holds one conversation and has room for one.
    await setCapacity('alex', 1);
    const held = await api.escalate('tom.baker@example.com', 'I want to talk to a real person');
    expect((await api.call('POST', `/api/v1/handoffs/${held.handoffId}/accept`, await api.token('alex'))).status).toBe(200);
    const next = await api.escalate('lena.k@example.com', 'Let me speak to a human please');

    await w.workspaceAs(page, 'alex', `/handoffs/${next.handoffId}`);
    await page.getByTestId('brief').waitFor();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('You are at your capacity (1 open conversations)');
    expect(await notice.textContent()).toContain('ask a supervisor');
    expect(await notice.getByRole('button', { name: 'Accept beyond capacity' }).count()).toBe(0);
    expect(await page.getByTestId('handoff-status').textContent()).toMatch(/^Waiting/);
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-capacity-refused.png') });
    expect((await api.handoff(next.handoffId, await api.token('alex'))).status).toBe('waiting');

    // Jordan, a supervisor with no free slot, is told the same and may take it anyway.
    await setCapacity('jordan', 0);
    await w.workspaceAs(page, 'jordan', `/handoffs/${next.handoffId}`);
    await page.getByTestId('brief').waitFor();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => notice.textContent()).toContain('accept this one beyond your capacity');
    expect(await axeProblems(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Accept beyond capacity' }).click();
    await expect.poll(() => page.getByTestId('handoff-status').textContent()).toMatch(/^Assigned/);
    expect(await notice.textContent()).toContain('beyond your capacity');
    expect((await api.handoff(next.handoffId, await api.token('jordan'))).status).toBe('assigned');
  });

  it('tells an agent of an offer made before their page was open, while they counted as online elsewhere', async () => {
    // Priya's workspace is open on another machine: she counts as online, and a billing customer is offered to her.
    const priyaId = ((await api.session('priya')).agent as { id: string }).id;
    await noteAgentStream(w.s.ctx, priyaId);
    const h = await api.escalate('sarah.jones@example.com', 'I was charged twice for my order, let me talk to a real person');
    expect((await api.handoff(h.handoffId, await api.token('priya'))).offeredAgentId).toBe(priyaId);

    // She opens the workspace here: its stream starts after the offer, yet she is told of it.
    await w.workspaceAs(page, 'priya', '/');
    await page.locator(`[data-testid="waiting-list"] [data-handoff-id="${h.handoffId}"]`).waitFor();
    await page.getByTestId('toast').filter({ hasText: 'Offered to you' }).filter({ hasText: 'Sarah Jones' }).waitFor({ timeout: 5000 });
  });
});
