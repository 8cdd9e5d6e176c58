import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { getConversation } from '../apps/server/src/adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../apps/server/src/adapters/db/repositories/events.repository.js';
import type { AppContext } from '../apps/server/src/app/context.js';
import { newContinueLink } from '../apps/server/src/app/email/compose-email.js';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, SCREENSHOTS, launchBrowser } from './browser.js';
import { ensureWidgetBuilt, inShadow, openAndSend, storedSession, widget } from './widget-helpers.js';
import { axeProblems, ensureWorkspaceBuilt, waitLive, withSession } from './workspace-helpers.js';

/**
 * One customer's conversation from the first answer to the rating, as the widget shows it: the
 * greeting by name, a KB answer in Markdown, why a person is needed, the agent in the header, a
 * transfer announced, hostile Markdown from an agent kept harmless, the "new messages" pill, no
 * "Talk to a person" while a person is coming or after resolution, and the emailed link that
 * continues the conversation in another browser.
 */
describe.runIf(HAVE_BROWSER)('the widget through a whole conversation (Chromium, real server)', () => {
  let server: TestServer;
  let ctx: AppContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dialogs = 0;
  const state = { id: '', token: '', caseNumber: '', handoffId: '' };

  beforeAll(async () => {
    ensureWidgetBuilt();
    ensureWorkspaceBuilt();
    server = await startTestServer('pglite', {
      listen: true,
      plugins: [
        (_app, c) => {
          ctx = c;
        },
      ],
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${server.url}/demo?name=${encodeURIComponent('Sarah Jones')}`);
    await widget(page).launcher.waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const host = () => page.locator('#baton-widget');
  const title = () => host().locator('#baton-title');

  async function asAgent(who: string, method: string, path: string, body: unknown = {}): Promise<Response> {
    const token = await server.login(who);
    return fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: JSON.stringify(body) }) });
  }

  it('greets a known customer by name and shows a KB answer as formatted text, not raw Markdown', async () => {
    const w = widget(page);
    await w.launcher.click();
    expect(await host().locator('.greeting .bubble').textContent()).toMatch(/^Hi Sarah! /);
    await openAndSend(page, 'how do I get an invoice');
    const answer = w.replies.last();
    await answer.waitFor();
    await expect.poll(() => answer.locator('.bubble.md strong').first().textContent()).toBe('My account → Orders');
    expect(await answer.textContent()).not.toContain('**');
    expect(await w.talk.isVisible()).toBe(true);
    Object.assign(state, await storedSession(page, server.url!));
    // The browser's zone went with the conversation: times are told in the customer's clock.
    expect((await getConversation(ctx.db, state.id))?.timeZone).toBe('America/New_York');
  });

  it('says why a person is needed, in plain words, and hides "Talk to a person" while one is coming', async () => {
    const w = widget(page);
    await openAndSend(page, 'I was charged twice for the same order and I want the double payment refunded');
    const card = host().getByRole('group', { name: 'Passing you to a person' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('.handoff-text').textContent()).toMatch(/Payments and charges need a person who can look at your account/);
    await expect.poll(() => w.talk.count()).toBe(0);
    const list = (await (await asAgent('jordan', 'GET', '/handoffs?status=waiting')).json()) as { handoffs: { id: string; conversationId: string }[] };
    state.handoffId = list.handoffs.find((h) => h.conversationId === state.id)!.id;
  });

  it('names the agent in the header once they join, and renders their hostile Markdown harmlessly', async () => {
    const w = widget(page);
    expect((await asAgent('priya', 'POST', `/handoffs/${state.handoffId}/accept`)).status).toBe(200);
    await expect.poll(() => title().textContent(), { timeout: 10_000 }).toBe('Priya');
    expect(await w.header.textContent()).toBe(`Billing team · Case ${state.caseNumber}`);
    await expect.poll(() => w.talk.count()).toBe(0);

    const hostile = [
      '**Refund** on its way. [click](javascript:alert(1)) [data](data:text/html,<script>alert(2)</script>)',
      '<img src=x onerror=alert(3)> <script>alert(4)</script>',
      '- see [our help page](https://help.example/refunds)',
    ].join('\n');
    expect((await asAgent('priya', 'POST', `/conversations/${state.id}/messages`, { text: hostile })).status).toBe(201);
    const row = w.log.locator('.row.theirs').filter({ hasText: 'on its way' });
    await row.waitFor();
    expect(await row.locator('strong').textContent()).toBe('Refund');
    expect(await row.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]))).toEqual([
      ['https://help.example/refunds', 'noopener noreferrer', '_blank'],
    ]);
    expect(await row.textContent()).toContain('<img src=x onerror=alert(3)> <script>alert(4)</script>');
    expect(await inShadow<number>(page, '(root) => root.querySelectorAll("img, script, iframe").length')).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('shows typing both ways over the stream, and tells the agent what the customer has seen', async () => {
    const w = widget(page);
    const frames: { type: string; conversationId?: string; who?: { kind: string }; seq?: number }[] = [];
    const agentStream = new WebSocket(`${server.url!.replace('http', 'ws')}/api/v1/stream?token=${encodeURIComponent(await server.login('priya'))}`);
    agentStream.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString()) as (typeof frames)[number]));
    await new Promise<void>((resolve) => agentStream.once('open', () => resolve()));
    try {
      await expect.poll(() => frames.some((f) => f.type === 'ready')).toBe(true);
      agentStream.send(JSON.stringify({ type: 'typing', conversationId: state.id }));
      await host().getByText('Priya is typing…').waitFor();

      await w.input.pressSequentially('Thanks, ', { delay: 20 });
      await expect.poll(() => frames.filter((f) => f.type === 'typing' && f.conversationId === state.id && f.who?.kind === 'customer').length).toBeGreaterThan(0);
      // Rate-limited: a burst of keystrokes is one or two signals, not one per key.
      expect(frames.filter((f) => f.type === 'typing').length).toBeLessThanOrEqual(2);
      await w.input.fill('');

      const posted = (await (await asAgent('priya', 'POST', `/conversations/${state.id}/messages`, { text: 'Let me check the two charges.' })).json()) as { message: { seq: number } };
      await w.log.getByText('Let me check the two charges.').waitFor();
      await expect.poll(() => host().getByText('Priya is typing…').count()).toBe(0);
      await expect.poll(() => frames.find((f) => f.type === 'seen' && f.conversationId === state.id && (f.seq ?? 0) >= posted.message.seq)?.type).toBe('seen');
      // It is kept: an agent opening the conversation later sees it too.
      const conv = (await (await asAgent('priya', 'GET', `/conversations/${state.id}`)).json()) as { conversation: { customerReadSeq: number } };
      expect(conv.conversation.customerReadSeq).toBeGreaterThanOrEqual(posted.message.seq);
      // Typing and seen are not events: nothing was stored for them.
      const types = (await listEventsAfter(ctx.db, 0, { conversationId: state.id })).map((e) => e.type as string);
      expect(types.filter((t) => /typing|seen/.test(t))).toEqual([]);
    } finally {
      agentStream.close();
    }
  });

  it("shows the agent the reply as Markdown, the customer typing, and \"Seen\" in the workspace; the agent's typing reaches the widget", async () => {
    const l = server.logins.find((x) => x.email.startsWith('priya'))!;
    const session = (await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: l.email, password: l.password } })).json() as { token: string; agent: unknown };
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    try {
      await withSession(desk, session);
      const agentPage = await desk.newPage();
      await agentPage.goto(`${server.url}/handoffs/${state.handoffId}`);
      await waitLive(agentPage);
      const transcript = agentPage.getByTestId('transcript');
      const hostileRow = transcript.getByTestId('message').filter({ hasText: 'on its way' });
      await hostileRow.waitFor({ timeout: 15_000 });
      expect(await hostileRow.locator('.md strong').textContent({ timeout: 5000 })).toBe('Refund');
      expect(await hostileRow.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://help.example/refunds']);
      expect(await agentPage.locator('.transcript img, .transcript script').count()).toBe(0);
      // The customer has read Priya's last reply: "Seen" is under it.
      const seen = transcript.getByTestId('seen');
      await seen.waitFor({ timeout: 15_000 });
      // The customer's read mark may still be on its way: "Seen" moves down to the last reply.
      await expect.poll(() => transcript.getByTestId('message').filter({ has: agentPage.getByTestId('seen') }).textContent({ timeout: 5000 }), { timeout: 15_000 }).toContain('Let me check the two charges.');

      // Typing is best effort (rate-limited, never stored): keep typing until the other side shows it.
      await typeUntilShown(() => widget(page).input.pressSequentially('One more thing', { delay: 20 }), agentPage.getByTestId('customer-typing'));
      await widget(page).input.fill('');
      await typeUntilShown(() => agentPage.locator('#composer-text').pressSequentially('Still here', { delay: 20 }), host().getByText('Priya is typing…'));
      expect(await axeProblems(agentPage)).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 60_000);

  it('keeps to the newest message, and shows a pill instead of pulling a reader who scrolled up', async () => {
    const w = widget(page);
    for (let i = 1; i <= 6; i++) await asAgent('priya', 'POST', `/conversations/${state.id}/messages`, { text: `Checking step ${i} of 6.` });
    await w.log.getByText('Checking step 6 of 6.').waitFor();
    const gap = () => inShadow<number>(page, '(root) => { const s = root.querySelector(".scroll"); return s.scrollHeight - s.scrollTop - s.clientHeight; }');
    await expect.poll(gap).toBeLessThan(2);

    await inShadow(page, '(root) => { const s = root.querySelector(".scroll"); s.scrollTop = 0; s.dispatchEvent(new Event("scroll")); }');
    await asAgent('priya', 'POST', `/conversations/${state.id}/messages`, { text: 'Found it: the second charge is a hold.' });
    const pill = host().getByRole('button', { name: 'New messages' });
    await pill.waitFor();
    expect(await gap()).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-new-messages.png') });
    await pill.click();
    await expect.poll(gap).toBeLessThan(2);
    await expect.poll(() => pill.count()).toBe(0);
  });

  it('announces a transfer, then who the customer is with now', async () => {
    const w = widget(page);
    expect((await asAgent('priya', 'POST', `/handoffs/${state.handoffId}/transfer`, { teamId: 'Support', note: 'order question after the refund' })).status).toBe(200);
    await w.log.getByText("I'm passing you to our Support team. They'll see everything we've discussed, so you won't need to repeat anything.").waitFor();
    await expect.poll(() => title().textContent()).toBe('Customer support');
    expect((await asAgent('alex', 'POST', `/handoffs/${state.handoffId}/accept`)).status).toBe(200);
    await w.log.getByText("You're now with Alex from Support.").waitFor();
    await expect.poll(() => title().textContent()).toBe('Alex');
    expect(await w.log.locator('.sys').last().textContent()).toContain("You're now with Alex from Support.");
  });

  it('continues the conversation from the emailed link in another browser while the first keeps its chat, and opens it once per link', async () => {
    const conv = (await getConversation(ctx.db, state.id))!;
    const link = newContinueLink({ config: { ...ctx.config, publicUrl: server.url! }, clock: ctx.clock }, conv);
    // A bad link says so, and leaves nothing half-open.
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const second = await other.newPage();
      await second.goto(`${link.replace(/resume=[^&]+/, 'resume=not-the-credential')}`);
      await second.locator('#baton-widget').getByText('That link to continue your conversation did not work.', { exact: false }).waitFor();

      await second.goto(link);
      const w = widget(second);
      await w.panel.waitFor();
      // The same case, with the agent the first browser is talking to.
      await expect.poll(() => w.header.textContent()).toBe(`Support team · Case ${state.caseNumber}`);
      await w.log.getByText('Found it: the second charge is a hold.').waitFor();
      const address = new URL(second.url());
      expect(address.searchParams.get('conversation')).toBe(state.id);
      expect(address.searchParams.has('resume')).toBe(false);
      // The first browser keeps its conversation: the agent's next reply reaches both.
      expect((await asAgent('alex', 'POST', `/conversations/${state.id}/messages`, { text: 'Both of your screens show this reply.' })).status).toBe(201);
      await widget(page).log.getByText('Both of your screens show this reply.').waitFor();
      await w.log.getByText('Both of your screens show this reply.').waitFor();
      const first = await fetch(`${server.url}/api/v1/conversations/${state.id}`, { headers: { authorization: `Bearer ${state.token}` } });
      expect(first.status).toBe(200);
      // The same link a second time, in a browser that has never held the conversation, is refused
      // and says why. (A fresh browser rather than clearing this one's storage: the open widget
      // writes its stream position back whenever an event arrives, which can undo a clear.)
      const third = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      try {
        const again = await third.newPage();
        await again.goto(link);
        await again.locator('#baton-widget').getByText('That link to continue your conversation was already used', { exact: false }).waitFor();
        expect(await widget(again).log.getByText('Both of your screens show this reply.').count()).toBe(0);
      } finally {
        await third.close();
      }
    } finally {
      await other.close();
    }
  }, 60_000);

  it('keeps "Talk to a person" hidden after resolution, and has no serious or critical axe violations', async () => {
    const w = widget(page);
    const resolved = await asAgent('alex', 'POST', `/handoffs/${state.handoffId}/resolve`, { category: 'billing', outcome: 'solved', verdict: 'needed' });
    expect(resolved.status).toBe(200);
    await host().getByRole('button', { name: '5 of 5 stars: Excellent' }).waitFor();
    expect(await w.talk.count()).toBe(0);
    await expect.poll(() => title().textContent()).toBe('Customer support');

    await page.addScriptTag({ content: axe.source });
    const violations = (await page.evaluate(async () => {
      const r = await (globalThis as unknown as { axe: typeof axe }).axe.run({ include: [['#baton-widget']] } as never, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    })) as { id: string; impact: string | null; nodes: string[] }[];
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-conversation.png') });
  });

});

/** Types (again) until `shown` appears: a keystroke's signal can be dropped by the rate limit or a busy machine. */
async function typeUntilShown(type: () => Promise<void>, shown: { waitFor(o: { timeout: number }): Promise<void> }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await type();
    try {
      await shown.waitFor({ timeout: 4000 });
      return;
    } catch (err) {
      if (attempt >= 6) throw err;
    }
  }
}
