import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real webhook receiver on 127.0.0.1, port 0, answering 200 and keeping every request. */
async function startReceiver() {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.runIf(HAVE_BROWSER)('admin settings: teams, hours, KB, notifications (Chromium)', { timeout: 90_000 }, () => {
  // The test's receiver is on loopback, which the outbound guard refuses unless allowed.
  const w = useWorkspaceBrowser({ env: { BATON_OUTBOUND_ALLOW: '127.0.0.1' } });
  const { api } = w;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `admin-${name}.png`), fullPage: true });
  };
  const patch = async (url: string, body: unknown) => api.call('PATCH', url, await api.token('casey'), body);
  const teams = async () => (await api.call('GET', '/api/v1/teams', await api.token('casey'))).body.teams as { id: string; name: string; skills: unknown[]; hours?: unknown }[];

  async function adminPage(): Promise<Page> {
    const page = await w.pageAs('casey', '/admin', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByTestId('team-editor').waitFor();
    return page;
  }

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it("edits Support's business hours: an invalid end time shows by that field, weekdays 09:00–17:00 Europe/London are saved", async () => {
    const page = await adminPage();
    await page.getByLabel('Team to edit').selectOption({ label: 'Support' });
    await page.getByLabel('Open on a weekly schedule').check();
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/London');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await page.getByLabel(`Open on ${day}`).check();
      await page.getByLabel(`${day} opens`, { exact: true }).fill('09:00');
      await page.getByLabel(`${day} closes`, { exact: true }).fill('17:00');
    }
    for (const day of ['Saturday', 'Sunday']) await page.getByLabel(`Open on ${day}`).uncheck();

    // The server rejects 25:00 and names hours.weekly.mon[0].end: the message sits by Monday's closing time.
    const mondayCloses = page.getByLabel('Monday closes', { exact: true });
    await mondayCloses.fill('25:00');
    await page.getByRole('button', { name: 'Save Support' }).click();
    const err = page.getByTestId('team-error');
    await err.waitFor();
    expect(await err.getAttribute('data-field')).toBe('hours.weekly.mon.0.end');
    expect(await err.textContent()).toMatch(/HH:MM/);
    expect(await mondayCloses.getAttribute('aria-invalid')).toBe('true');
    expect(await mondayCloses.getAttribute('aria-describedby')).toBe(await err.getAttribute('id'));
    expect(await page.getByTestId('day-mon').getByTestId('team-error').count()).toBe(1);
    await shot(page, 'hours-error');

    await mondayCloses.fill('17:00');
    await page.getByRole('button', { name: 'Save Support' }).click();
    await page.getByText('Support saved.').waitFor();
    expect(await page.getByTestId('team-error').count()).toBe(0);
    const support = (await teams()).find((t) => t.name === 'Support')!;
    const weekday = [{ start: '09:00', end: '17:00' }];
    expect(support.hours).toEqual({ timeZone: 'Europe/London', weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: [] });
    await page.getByTestId('teams').getByText('Mon Tue Wed Thu Fri 09:00–17:00 (Europe/London)').waitFor();
    await shot(page, 'hours');

    // An unknown zone is the server's call too, shown by the time zone field.
    await page.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save Support' }).click();
    await page.getByTestId('team-error').and(page.locator('[data-field="hours.timeZone"]')).waitFor();
    expect(await page.getByLabel('Time zone', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // Back to always open, so the handoffs of the other tests are not after hours.
    expect((await patch(`/api/v1/teams/${support.id}`, { hours: null })).status).toBe(200);
  });

  it('adds a skill to a team; a proficiency out of 1–5 shows by that skill', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: 'Edit Billing' }).click();
    await expect(page.getByLabel('Team to edit').inputValue()).resolves.toBe((await teams()).find((t) => t.name === 'Billing')!.id);
    const before = (await teams()).find((t) => t.name === 'Billing')!.skills.length;
    await page.getByRole('button', { name: 'Add skill' }).click();
    const n = before + 1;
    await page.getByLabel(`Skill ${n} kind`).selectOption('channel');
    await page.getByLabel(`Skill ${n} value`).fill('email');
    const proficiency = page.getByLabel(`Skill ${n} proficiency`);
    await proficiency.fill('7');
    await page.getByRole('button', { name: 'Save Billing' }).click();
    const err = page.getByTestId('team-error');
    await err.waitFor();
    expect(await err.getAttribute('data-field')).toBe(`skills.${n - 1}.proficiency`);
    expect(await proficiency.getAttribute('aria-invalid')).toBe('true');

    await proficiency.fill('4');
    await page.getByRole('button', { name: 'Save Billing' }).click();
    await page.getByText('Billing saved.').waitFor();
    const billing = (await teams()).find((t) => t.name === 'Billing')!;
    expect(billing.skills).toHaveLength(n);
    expect(billing.skills).toContainEqual({ kind: 'channel', value: 'email', proficiency: 4 });
    await page.getByTestId('teams').getByText(/email/).waitFor();
  });

  it('lists the KB, shows an article as text, and reloads it from disk', async () => {
    const page = await adminPage();
    const listed = (await api.call('GET', '/api/v1/kb/articles', await api.token('casey'))).body.articles as { id: string; title: string }[];
    await page.getByTestId('kb-count').getByText(`${listed.length} articles`).waitFor();
    await page.getByRole('button', { name: 'Reload from disk' }).click();
    const result = page.getByTestId('kb-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`Reloaded ${listed.length} articles`);
    expect(await result.textContent()).toMatch(/KB version \d+/);

    const first = listed[0]!;
    const full = (await api.call('GET', `/api/v1/kb/articles/${first.id}`, await api.token('casey'))).body.article as { body: string; questions: string[] };
    await page.getByTestId('kb-articles').getByRole('button', { name: new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    const body = page.getByTestId('kb-body');
    await body.waitFor();
    // Text, not HTML: the body reads back exactly as the API gave it.
    expect(await body.evaluate((el) => (el as unknown as { innerText: string }).innerText.trim())).toBe(full.body.trim());
    expect(await body.evaluate((el) => el.children.length)).toBe(0);
    if (full.questions[0]) await page.getByTestId('kb-article').getByText(full.questions[0]).waitFor();
    await shot(page, 'kb');
  });

  it('creates a webhook endpoint: the secret is shown once, a handoff is delivered and logged as delivered', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByLabel('Kind', { exact: true }).selectOption('webhook');
    await page.getByLabel('Endpoint name').fill('Ops webhook');
    await page.getByLabel('Target').fill(`${receiver.url}/hooks/baton`);
    await page.getByRole('button', { name: 'Add endpoint' }).last().click();

    const once = page.getByTestId('secret-once');
    await once.waitFor();
    const secret = await page.getByTestId('secret-value').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.getByTestId('endpoints').getByText('Ops webhook').waitFor();
    await once.getByRole('button', { name: 'Copy' }).click();
    await once.getByText(/Copied|Selected/).waitFor();
    await shot(page, 'secret-once');
    await once.getByRole('button', { name: 'I have stored it' }).click();
    await once.waitFor({ state: 'detached' });
    // Gone for good: neither the page nor the API shows it again.
    await page.reload();
    await page.getByTestId('endpoints').getByText('Ops webhook').waitFor();
    expect(await page.content()).not.toContain(secret);
    const listed = (await api.call('GET', '/api/v1/notifications/endpoints', await api.token('casey'))).body.endpoints as { name: string; secret?: string; hasSecret: boolean }[];
    const ep = listed.find((e) => e.name === 'Ops webhook')!;
    expect(ep.hasSecret).toBe(true);
    expect(ep.secret).toBeUndefined();

    const h = await api.escalate('sarah.jones@example.com', 'I want to talk to a real person about my order');
    const received = () => receiver.requests.find((r) => r.body.includes(h.handoffId));
    await expect.poll(received, { timeout: 20_000, message: 'the receiver got the handoff' }).toBeDefined();
    const req = received();
    const sig = createHmac('sha256', secret).update(`${String(req!.headers['baton-timestamp'])}.${req!.body}`).digest('hex');
    expect(String(req!.headers['baton-signature'])).toContain(`v1=${sig}`);

    const row = page.getByTestId('deliveries').locator('tr[data-status="delivered"]', { hasText: 'Ops webhook' }).filter({ hasText: 'handoff.requested' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('delivery-status').textContent()).toBe('Delivered');
    expect(await row.textContent()).toContain('HTTP 200');
    await shot(page, 'deliveries');
  });

  it('has no serious or critical axe violations on the admin page', async () => {
    const page = await adminPage();
    await page.getByTestId('endpoints').waitFor();
    await page.getByTestId('kb-articles').getByRole('button').first().click();
    await page.getByTestId('kb-body').waitFor();
    await page.getByLabel('Open on a weekly schedule').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('endpoint-form').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'page');
  });
});
