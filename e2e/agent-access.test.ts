import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer } from '../apps/server/src/test/test-server.js';
import { HAVE_BROWSER, launchBrowser } from './browser.js';
import { axeProblems, ensureWorkspaceBuilt, serverApi, waitLive, withSession } from './workspace-helpers.js';

// The admin's account actions in the workspace, and what the agent on the other end sees.
describe.runIf(HAVE_BROWSER)('agent accounts on the admin page (Chromium)', { timeout: 90_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let api: ReturnType<typeof serverApi>;
  const contexts: BrowserContext[] = [];

  async function open(who: string, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    await withSession(context, await api.session(who));
    const page = await context.newPage();
    await page.goto(`${s.url!}${path}`);
    await waitLive(page);
    return page;
  }

  beforeAll(async () => {
    ensureWorkspaceBuilt();
    s = await startTestServer('pglite', { listen: true });
    api = serverApi(s);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await s?.close();
  });

  it('disables an agent: their open workspace is signed out at once, and they cannot sign in', async () => {
    const alexPage = await open('alex', '/');
    const admin = await open('casey', '/admin');
    const panel = admin.getByTestId('agent-access');
    await panel.getByRole('button', { name: 'Disable Alex Morgan' }).click();
    await panel.getByText('Alex Morgan: disabled. Their sessions have ended.').waitFor();
    await panel.getByRole('button', { name: 'Enable Alex Morgan' }).waitFor();
    // The stream closed with AUTH_ERR_SESSION_ENDED: the workspace goes back to its login page.
    await alexPage.getByRole('heading', { name: 'Sign in to the workspace' }).waitFor({ timeout: 15_000 });
    const l = s.logins.find((x) => x.email.startsWith('alex'))!;
    const res = await api.call('POST', '/api/v1/auth/login', undefined, { email: l.email, password: l.password });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: 'AUTH_ERR_ACCOUNT_DISABLED' });
    expect(await axeProblems(admin)).toEqual([]);
  });

  it('resets a password: a weak one is refused beside the field, a strong one works at the next sign-in', async () => {
    const admin = await open('casey', '/admin');
    const row = admin.getByTestId('agent-access').locator('tr[data-agent="sam@northwind.example"]');
    await row.getByRole('button', { name: 'Reset password…' }).click();
    await row.getByLabel('New password for Sam Lee').fill('password1234');
    await row.getByRole('button', { name: 'Set password' }).click();
    await row.getByRole('alert').getByText(/common passwords/).waitFor();
    await row.getByLabel('New password for Sam Lee').fill('granite-orchard-velvet-7');
    await row.getByRole('button', { name: 'Set password' }).click();
    await admin.getByText('Sam Lee: new password set. Their sessions have ended.').waitFor();
    const res = await api.call('POST', '/api/v1/auth/login', undefined, { email: 'sam@northwind.example', password: 'granite-orchard-velvet-7' });
    expect(res.status).toBe(200);
  });
});
