import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER } from './browser.js';
import { useWorkspaceBrowser } from './workspace-helpers.js';

/** The workspace's shared form kit, through a form that uses it: the admin's "New agent". */
describe.runIf(HAVE_BROWSER)('form kit: one submission at a time, server errors by their field (Chromium)', { timeout: 90_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;

  async function adminPage(): Promise<Page> {
    const page = await w.pageAs('casey', '/admin');
    await page.getByTestId('agents-admin').waitFor();
    return page;
  }
  const agentsWithEmail = async (email: string) => ((await api.call('GET', '/api/v1/agents', await api.token('casey'))).body.agents as { email: string }[]).filter((a) => a.email === email);

  it('a form submitted twice in a row sends one request and creates the agent once', async () => {
    const page = await adminPage();
    const email = `kit-${randomUUID().slice(0, 8)}@example.com`;
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/agents') posts.push(r.url());
    });
    await page.getByLabel('Name', { exact: true }).last().fill('Kit Twice');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Initial password').fill('a long enough password');
    // Two submissions before the first answer, as a double click or a repeated Enter would send.
    await page.evaluate(() => {
      const form = (globalThis as unknown as { document: { querySelector(s: string): { requestSubmit(): void } | null } }).document.querySelector('form[aria-labelledby="new-agent-h"]');
      form?.requestSubmit();
      form?.requestSubmit();
    });
    await page.getByText('Kit Twice can now sign in.').waitFor();
    expect(posts).toHaveLength(1);
    expect(await agentsWithEmail(email)).toHaveLength(1);
    expect(await page.locator('form[aria-labelledby="new-agent-h"] [role="alert"]').count()).toBe(0);
  });

  it("a server error is shown by the field it names, which is marked invalid and described by it", async () => {
    const page = await adminPage();
    const email = `kit-${randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel('Name', { exact: true }).last().fill('Kit Short');
    await page.getByLabel('Email', { exact: true }).fill(email);
    const password = page.getByLabel('Initial password');
    await password.fill('short');
    await page.getByRole('button', { name: 'Create agent' }).click();
    const err = page.locator('form[aria-labelledby="new-agent-h"] [role="alert"]');
    await err.waitFor();
    expect(await err.getAttribute('data-field')).toBe('password');
    expect(await err.textContent()).toMatch(/at least 12 characters/);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toBe(await err.getAttribute('id'));
    // The error sits in the password's own field group, not at the foot of the form.
    expect(await err.evaluate((el) => el.parentElement?.querySelector('#agent-password') !== null)).toBe(true);
    expect(await agentsWithEmail(email)).toHaveLength(0);

    await password.fill('a long enough password');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByText('Kit Short can now sign in.').waitFor();
    expect(await err.count()).toBe(0);
    // With the error gone the hint describes the field again.
    expect(await password.getAttribute('aria-invalid')).toBeNull();
    expect(await password.getAttribute('aria-describedby')).toBe('agent-password-hint');
  });
});
