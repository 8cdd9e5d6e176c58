import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

const BILLING_ASK = 'I was charged twice for my order, let me talk to a real person';

/**
 * The agent's day as the workspace shows it (Chromium, one server, one browser): anonymous
 * customers told apart, chips said once, a brief in plain words with its suggestion labelled,
 * a hand back that records only the verdict the agent gives, a resolve dialog that knows the
 * category, a workaround counted as solved, and a transfer between two agents in two tabs.
 */
describe.runIf(HAVE_BROWSER)("the agent's day (Chromium)", { timeout: 60_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;
  /** One tab per agent, opened on first use and reused across the file. */
  const tabs = new Map<string, Page>();

  /** Alex's (or another demo agent's) tab, at `path`, with the stream live. */
  async function tabOf(who: string, path = '/'): Promise<Page> {
    const page = tabs.get(who);
    if (!page) {
      const opened = await w.pageAs(who, path);
      tabs.set(who, opened);
      return opened;
    }
    await w.open(page, path);
    return page;
  }

  /** A customer who gave no name or address says `lines` in turn; returns the waiting handoff. */
  async function anonymous(...lines: string[]) {
    const conv = await api.call('POST', '/api/v1/conversations', undefined, {});
    expect(conv.status).toBe(201);
    for (const text of lines) expect((await api.call('POST', `/api/v1/conversations/${conv.body.id}/messages`, conv.body.token, { text })).status).toBe(201);
    return { conversationId: conv.body.id as string, customerToken: conv.body.token as string, handoffId: await api.waitingHandoff(conv.body.id, lines.at(-1)!) };
  }

  const metrics = async () => (await api.call('GET', '/api/v1/metrics/handoffs', await api.token('jordan'))).body;
  const accept = async (who: string, handoffId: string) => expect((await api.call('POST', `/api/v1/handoffs/${handoffId}/accept`, await api.token(who))).status).toBe(200);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `agent-day-${name}.png`), fullPage: true });

  it('tells anonymous customers apart in the inbox, and says each chip once (never "Billing · Billing")', async () => {
    const page = await tabOf('alex');
    const one = await anonymous(BILLING_ASK);
    const two = await anonymous(BILLING_ASK);
    const rows = [one, two].map((h) => page.locator(`[data-handoff-id="${h.handoffId}"]`).first());
    for (const row of rows) await row.waitFor();
    // A Support customer reaches Alex as a notification, named as in the inbox, never "Unknown customer".
    const mine = await anonymous('let me talk to a real person');
    const line = `Visitor ${(await api.handoff(mine.handoffId, await api.token('alex'))).brief.caseNumber.replace(/\D/g, '')} → Support: `;
    await page.getByTestId('toast').filter({ hasText: line }).waitFor();
    expect(await page.getByTestId('toast').filter({ hasText: 'Unknown customer' }).count()).toBe(0);

    const names = await Promise.all(rows.map((row) => row.locator('.row-name').textContent()));
    for (const name of names) expect(name).toMatch(/^Visitor \d+$/);
    expect(new Set(names).size).toBe(2);
    const cases = await Promise.all(rows.map((row) => row.locator('.row-case').textContent()));
    expect(names).toEqual(cases.map((c) => `Visitor ${c!.replace(/\D/g, '')}`));
    expect(await page.locator('[data-testid="handoff-row"] .row-name').filter({ hasText: /^Customer$/ }).count()).toBe(0);

    for (const row of rows) {
      const chips = (await row.locator('.chip').allTextContents()).map((c) => c.trim().toLowerCase());
      expect(chips).toContain('billing');
      expect(chips.length).toBeGreaterThan(0);
      expect(new Set(chips).size).toBe(chips.length);
    }
    await shot(page, 'inbox-visitors');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('shows the brief in plain words: what is not available in human labels, each article tried once, and the suggested reply labelled', async () => {
    const h = await anonymous('How do I return an item?', 'How do I print the return label?', 'let me talk to a real person');
    const handoff = await api.handoff(h.handoffId, await api.token('alex'));
    expect(handoff.brief.missingContext.length).toBeGreaterThan(0);
    // The AI answered both questions with the same article: the brief must list it once.
    const sent = (await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken)).body.messages as { articleId?: string }[];
    const articles = sent.flatMap((m) => (m.articleId ? [m.articleId] : []));
    expect(articles.length).toBe(2);
    expect(new Set(articles).size).toBe(1);
    const page = await tabOf('alex', `/handoffs/${h.handoffId}`);
    const brief = page.getByTestId('brief');
    await brief.waitFor();
    await expect(brief.locator('h1').textContent()).resolves.toMatch(/^Visitor \d+/);

    const missing = (await brief.locator('.brief-missing').textContent())!;
    expect(missing).toMatch(/^Not available: /);
    expect(missing).toContain("customer's name");
    // No internal field names ("Customer.name", "Entities.verified"), whatever the brief lacks.
    expect(missing).not.toMatch(/\w\.\w/);
    expect(missing.replace(/^Not available: /, '')).not.toMatch(/[A-Z]/);

    const tried = (await page.locator('.attempts li').allTextContents()).map((t) => t.replace(/^(Worked|Did not work|Result unknown): /, ''));
    expect(tried.length).toBeGreaterThan(0);
    expect(new Set(tried).size).toBe(tried.length);
    expect(handoff.brief.attempts.length).toBe(tried.length);

    const composer = page.getByLabel('Reply to the customer');
    expect(await composer.inputValue()).toBe(handoff.brief.suggestedReply);
    const label = page.getByTestId('suggestion-label');
    await expect(label.textContent()).resolves.toMatch(/^Suggested reply/);
    expect(await composer.getAttribute('aria-describedby')).toContain('composer-suggestion');
    await composer.fill(`${handoff.brief.suggestedReply} Let me check.`);
    await label.waitFor({ state: 'detached' });
    await shot(page, 'brief');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('hand back asks for the verdict: none is recorded unless the agent picks one, and the one picked is kept', async () => {
    const unnecessaryBefore = (await metrics()).verdicts.unnecessary ?? 0;
    const quiet = await api.escalate();
    const judged = await api.escalate();
    for (const h of [quiet, judged]) await accept('alex', h.handoffId);
    const alex = await api.token('alex');

    for (const [h, pick] of [[quiet, null], [judged, 'Needed a human']] as const) {
      const page = await tabOf('alex', `/handoffs/${h.handoffId}`);
      await page.getByTestId('handoff-status').getByText('Assigned').waitFor();
      await page.getByRole('button', { name: 'Hand back to AI' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hand back to the AI' });
      await dialog.getByRole('group', { name: 'Was the handoff…' }).waitFor();
      expect(await dialog.getByLabel('No verdict').isChecked()).toBe(true);
      expect(await dialog.getByLabel(/Unnecessary/).isChecked()).toBe(false);
      if (pick) {
        await dialog.getByLabel(pick).check();
        expect(await axeProblems(page)).toEqual([]);
        await shot(page, 'hand-back-dialog');
      }
      await dialog.getByRole('button', { name: 'Hand back' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    expect((await api.handoff(quiet.handoffId, alex)).resolution).toEqual({ category: 'handed_back', outcome: 'handed_back' });
    expect((await api.handoff(judged.handoffId, alex)).resolution).toEqual({ category: 'handed_back', outcome: 'handed_back', verdict: 'needed' });
    expect((await metrics()).verdicts.unnecessary ?? 0).toBe(unnecessaryBefore);
  });

  it('pre-fills the resolve category with the one the handoff was routed under, and a workaround counts as solved', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'Where is my order #4821? I want to talk to a real person');
    await accept('alex', h.handoffId);
    const before = await metrics();
    // The parcel question was routed as an order question: that is the category to start from.
    const topic = (await api.handoff(h.handoffId, await api.token('alex'))).brief.category;
    expect(topic).toBe('orders');

    const page = await tabOf('alex', `/handoffs/${h.handoffId}`);
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();
    await page.getByRole('button', { name: 'Resolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve conversation' });
    expect(await dialog.getByLabel('Category').inputValue()).toBe(topic);
    await dialog.getByLabel('Outcome').selectOption('workaround');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('resolution').waitFor();

    expect((await api.handoff(h.handoffId, await api.token('alex'))).resolution).toMatchObject({ category: topic, outcome: 'workaround', verdict: 'needed' });
    const after = await metrics();
    expect([after.resolved - before.resolved, after.solved - before.solved]).toEqual([1, 1]);
  });

  it('transfers between two agents: Priya sees it arrive live, reads the brief and the private note, accepts, and the customer is told who they are with', async () => {
    const priya = await tabOf('priya');
    const h = await api.escalate();
    const alexPage = await tabOf('alex', `/handoffs/${h.handoffId}`);
    await alexPage.getByRole('button', { name: 'Accept' }).click();
    await alexPage.getByTestId('handoff-status').getByText('Assigned').waitFor();
    // Support's, not Billing's: nothing is offered to Priya yet.
    expect(await priya.getByTestId('toast').filter({ hasText: 'Offered to you' }).filter({ hasText: 'Sarah Jones' }).count()).toBe(0);

    await alexPage.getByRole('button', { name: 'Transfer' }).click();
    const dialog = alexPage.getByRole('dialog', { name: 'Transfer conversation' });
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
    const note = `Also asks about a duplicate charge on the same card (${h.handoffId.slice(0, 8)})`;
    await dialog.getByLabel('Note for them (private)').fill(note);
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await alexPage.getByTestId('notice').getByText('Transferred to Billing').waitFor();

    // Priya's tab, open all along: the handoff arrives without a reload, offered to her.
    const url = priya.url();
    const row = priya.locator(`[data-testid="waiting-list"] [data-handoff-id="${h.handoffId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(priya.url()).toBe(url);
    await expect(row.locator('.chip-team').textContent()).resolves.toBe('Billing');
    // Offered to her at once, and she is told.
    await priya.getByTestId('toast').filter({ hasText: 'Offered to you' }).filter({ hasText: 'Sarah Jones' }).waitFor();
    const priyaId = ((await api.session('priya')).agent as { id: string }).id;
    expect((await api.handoff(h.handoffId, await api.token('priya'))).offeredAgentId).toBe(priyaId);
    await shot(priya, 'transfer-arrives');

    await row.locator('a').first().click();
    const brief = priya.getByTestId('brief');
    await brief.waitFor();
    const handoff = await api.handoff(h.handoffId, await api.token('priya'));
    await expect(brief.textContent()).resolves.toContain(handoff.brief.intent.summary);
    await priya.locator('[data-testid="message"][data-private="true"]').filter({ hasText: note }).waitFor();
    await priya.getByTestId('handoff-status').getByText('Waiting · Billing').waitFor();
    expect(await axeProblems(priya)).toEqual([]);
    await priya.getByRole('button', { name: 'Accept' }).click();
    await priya.getByTestId('handoff-status').getByText('Assigned · Billing').waitFor();
    await shot(priya, 'transfer-accepted');

    const told = (await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken)).body.messages as { text: string; author: { kind: string } }[];
    const system = told.filter((m) => m.author.kind === 'system').map((m) => m.text);
    expect(system.at(-1)).toBe("You're now with Priya from Billing.");
    expect(system.some((t) => t.startsWith("I'm passing you to our Billing team."))).toBe(true);
    expect(told.some((m) => m.text.includes(note))).toBe(false);
    expect(await api.handoff(h.handoffId, await api.token('priya'))).toMatchObject({ status: 'assigned', team: 'Billing' });
  });
});
