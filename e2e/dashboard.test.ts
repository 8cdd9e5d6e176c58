import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { duration, pct, score } from '../apps/workspace/src/format.js';
import { HAVE_BROWSER, SCREENSHOTS } from './browser.js';
import { seedHistory } from './dashboard-helpers.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

describe.runIf(HAVE_BROWSER)('dashboard, redundancy warning and policy preview (Chromium)', { timeout: 60_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${name}.png`), fullPage: true });
  };
  const pageAs = (who: string, path = '/') => w.pageAs(who, path, { acceptDownloads: true });

  /** Opens the dashboard and returns the metrics its first request got, replayed through the API with the same query. */
  async function openDashboard(who: string) {
    const page = await pageAs(who);
    const response = page.waitForResponse((r) => r.url().includes('/api/v1/metrics/handoffs'));
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const url = new URL((await response).url());
    await page.getByTestId('kpi-handoff-rate').waitFor();
    const metrics = (await api.call('GET', `${url.pathname}${url.search}`, await api.token(who))).body;
    return { page, metrics, query: url.searchParams };
  }

  beforeAll(async () => {
    await seedHistory(api);
  }, 180_000);

  it('shows KPI figures that match GET /metrics/handoffs, with line and bar charts', async () => {
    const { page, metrics: m, query } = await openDashboard('jordan');
    expect(query.get('from')).toBeTruthy();
    expect(m.handoffs).toBeGreaterThanOrEqual(4);
    expect(m.conversations).toBeGreaterThan(m.escalatedConversations);

    const value = async (id: string) => (await page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').first().textContent())?.trim();
    expect(await value('handoff-rate')).toBe(pct(m.handoffRate));
    await expect(page.getByTestId('kpi-handoff-rate').textContent()).resolves.toContain(`${m.escalatedConversations} of ${m.conversations} conversations`);
    expect(await value('time-to-human')).toBe(duration(m.timeToHumanSeconds.p50));
    await expect(page.getByTestId('kpi-time-to-human').textContent()).resolves.toContain(duration(m.timeToHumanSeconds.p90));
    await expect(page.getByTestId('acceptance').textContent()).resolves.toContain(duration(m.acceptanceSeconds.p50));
    expect(await value('context-completeness')).toBe(pct(m.contextCompleteness));
    expect(await value('resolution-rate')).toBe(pct(m.resolutionRate));
    await expect(page.getByTestId('kpi-resolution-rate').textContent()).resolves.toContain(`${m.solved} of ${m.resolved}`);
    expect(await value('abandonment')).toBe(pct(m.abandonmentRate));
    expect(await value('context-utilisation')).toBe(pct(m.contextUtilisation));
    expect(await value('redundancy')).toBe(pct(m.redundancyRate));
    expect(await value('repeat-escalation')).toBe(pct(m.repeatEscalation.rate));
    expect(await value('wait-estimate')).toBe(pct(m.waitEstimate.withinHalfRate));
    expect(await value('first-response')).toBe(pct(m.firstResponseQuality.rate));
    expect(await page.getByTestId('csat-after-handoff').getByTestId('kpi-value').textContent()).toBe(score(m.csat.afterHandoff.average));
    expect(await page.getByTestId('csat-ai-only').getByTestId('kpi-value').textContent()).toBe(score(m.csat.aiOnly.average));
    expect(await page.getByTestId('csat-human-only').getByTestId('kpi-value').textContent()).toBe(score(m.csat.humanOnly.average));
    expect(m.csat.afterHandoff.n).toBe(3);
    expect(score(m.csat.afterHandoff.average)).toBe('3.7');

    // The line chart: one point per bucket for each series, an accessible summary and a data table.
    const line = page.getByTestId('chart-handoffs');
    const svg = line.locator('svg[role="img"]');
    expect(await svg.getAttribute('aria-label')).toMatch(/handoffs/i);
    expect(await line.locator('[data-point="Handoffs"]').count()).toBe(m.series.length);
    expect(await line.locator('[data-point="Handoff rate"]').count()).toBe(m.series.filter((p: { handoffRate: number | null }) => p.handoffRate !== null).length);
    expect(await line.locator('path').count()).toBeGreaterThan(0);
    expect(await line.locator('table tbody tr').count()).toBe(m.series.length);
    await page.getByTestId('chart-time-to-human').locator('svg[role="img"]').waitFor();

    // Bars by reason, team and channel: one per breakdown row, largest first.
    for (const key of ['reason', 'team', 'channel'] as const) {
      const chart = page.getByTestId(`chart-by-${key}`);
      const bars = chart.locator('[data-bar]');
      expect(await bars.count()).toBe(m.breakdowns[key].length);
      expect(await bars.first().getAttribute('data-bar')).toBe(m.breakdowns[key][0].key);
      expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain(String(m.breakdowns[key][0].handoffs));
    }
    expect(await page.getByTestId('chart-by-team').locator('[data-bar]').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Billing')]));

    // The learning loop: verdicts, recurring escalations with a trend, KB gaps with a Markdown download.
    const verdicts = page.getByTestId('chart-verdicts');
    expect(await verdicts.locator('[data-bar]').count()).toBe(Object.keys(m.verdicts).length);
    const recurring = page.getByTestId('recurring');
    await recurring.locator('[data-trend]').first().waitFor();
    const gaps = page.getByTestId('kb-gaps');
    await gaps.getByTestId('kb-gap').first().waitFor();
    const report = (await api.call('GET', `/api/v1/reports/kb-gaps?from=${encodeURIComponent(query.get('from')!)}&to=${encodeURIComponent(query.get('to')!)}`, await api.token('jordan'))).body;
    expect(await gaps.getByTestId('kb-gap').count()).toBe(report.clusters.length);
    await expect(gaps.textContent()).resolves.toContain(report.clusters[0].title);
    await shot(page, 'overview');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download drafts (Markdown)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kb-gaps.*\.md$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain(report.clusters[0].title);

    // Filters: the team narrows the request and the figures.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/metrics/handoffs') && r.url().includes('team=Billing'));
    await page.getByRole('combobox', { name: 'Team' }).selectOption('Billing');
    const billing = await (await filtered).json();
    await page.getByTestId('kpi-handoff-rate').getByText(pct(billing.handoffRate), { exact: true }).waitFor();
    const thirty = page.waitForResponse((r) => {
      if (!r.url().includes('/api/v1/metrics/handoffs')) return false;
      const q = new URL(r.url()).searchParams;
      return !q.has('team') && Date.parse(q.get('to')!) - Date.parse(q.get('from')!) === 30 * 86_400_000;
    });
    await page.getByRole('combobox', { name: 'Team' }).selectOption('');
    await page.getByRole('button', { name: '30 days' }).click();
    await thirty;
    expect(await page.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed')).toBe('true');

    // A channel with no traffic: empty states that say what would appear, not blank charts.
    const email = page.waitForResponse((r) => r.url().includes('/api/v1/metrics/handoffs') && r.url().includes('channel=email'));
    await page.getByRole('combobox', { name: 'Channel' }).selectOption('email');
    expect((await (await email).json()).conversations).toBe(0);
    await page.getByText(/No conversations in the last 30 days on the email channel/).waitFor();
    expect(await page.getByTestId('kpi-handoff-rate').getByTestId('kpi-value').textContent()).toBe('—');
    expect(await page.getByTestId('chart-handoffs').count()).toBe(0);
    expect(await page.getByTestId('chart-by-reason').count()).toBe(0);
    await page.getByText(/trigger .* is counted here once there are handoffs/).waitFor();
    await shot(page, 'empty');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('an agent sees the dashboard read-only, without the supervisors’ reports', async () => {
    const { page, metrics: m } = await openDashboard('alex');
    expect(await page.getByTestId('kpi-handoff-rate').getByTestId('kpi-value').textContent()).toBe(pct(m.handoffRate));
    await page.getByText('Recurring escalations and KB gaps are reports for supervisors.').waitFor();
    expect(await page.getByTestId('kb-gaps').count()).toBe(0);
    expect(await page.locator('.form-error, .notice-error').count()).toBe(0);
  });

  it('warns in the composer when a reply asks for what the brief holds, and "Send anyway" sends it', async () => {
    const h = await api.escalate('sarah.jones@example.com', 'Where is my order #4821? I want to talk to a real person');
    const alex = await api.token('alex');
    const brief = (await api.handoff(h.handoffId, alex)).brief;
    expect(JSON.stringify(brief.entities)).toContain('4821');
    const page = await pageAs('alex', `/handoffs/${h.handoffId}`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('handoff-status').getByText('Assigned').waitFor();

    // Live, as the agent types (debounced).
    const composer = page.getByLabel('Reply to the customer');
    await composer.fill('What is your order number?');
    const warning = page.getByTestId('redundancy-warning');
    await warning.waitFor({ timeout: 5000 });
    expect(await warning.textContent()).toContain('The brief already has the order number: #4821. Send anyway?');
    await shot(page, 'redundancy-warning');

    // Edit puts the cursor back in the draft; rewording clears the warning.
    await warning.getByRole('button', { name: 'Edit' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('composer-text');
    await composer.fill('Thanks Sarah, I am looking at order #4821 now.');
    await warning.waitFor({ state: 'detached', timeout: 5000 });

    // Sending checks too, even before the live check ran: the warning shows instead of the message going out.
    const before = await page.getByTestId('message').count();
    await composer.fill('Could you send me your order number please?');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await warning.waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('message').count()).toBe(before);

    // Not blocked: "Send anyway" sends it.
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    await page.getByTestId('message').filter({ hasText: 'Could you send me your order number please?' }).waitFor();
    await warning.waitFor({ state: 'detached' });
    const seen = await api.call('GET', `/api/v1/conversations/${h.conversationId}/messages`, h.customerToken);
    expect(seen.body.messages.some((x: { text: string }) => x.text === 'Could you send me your order number please?')).toBe(true);

    // The sent case is counted in the redundancy rate.
    let rate: number | null = null;
    for (let i = 0; i < 40 && !rate; i++) {
      rate = (await api.call('GET', '/api/v1/metrics/handoffs', alex)).body.redundancyRate;
      if (!rate) await new Promise((r) => setTimeout(r, 250));
    }
    expect(rate).toBeGreaterThan(0);

    // A private note is never checked.
    await page.getByRole('button', { name: 'Private note' }).click();
    await page.getByLabel('Private note for agents').fill('What is your order number? (asked twice, oops)');
    await page.waitForTimeout(700);
    expect(await warning.count()).toBe(0);
  });

  it('previews a stricter policy before saving it: rate, queues, SLA risk and the conversations that flip', async () => {
    const casey = await api.token('casey');
    const current = (await api.call('GET', '/api/v1/policy', casey)).body;
    const page = await pageAs('casey', '/admin');
    await page.getByTestId('policy-version').getByText(`Version ${current.version}`).waitFor();

    // An invalid value is reported by its field, as Save does.
    const threshold = page.getByLabel('Confidence threshold');
    await threshold.fill('2');
    await page.getByRole('button', { name: 'Preview this change' }).click();
    await page.getByTestId('error-threshold').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');

    await threshold.fill('0.99');
    const response = page.waitForResponse((r) => r.url().includes('/api/v1/policy/preview'));
    await page.getByRole('button', { name: 'Preview this change' }).click();
    const preview = await (await response).json();
    const panel = page.getByTestId('policy-preview');
    await panel.waitFor();
    expect(await page.getByTestId('error-threshold').count()).toBe(0);

    // The same figures as the backtest through the API with the same policy.
    const expected = (await api.call('POST', '/api/v1/policy/preview', casey, { policy: { ...current.input, confidence: { ...(current.input.confidence ?? {}), threshold: 0.99 } } })).body;
    expect(preview.flips.length).toBe(expected.flips.length);
    expect(preview.flips.length).toBeGreaterThan(0);
    expect(preview.proposed.rate).toBe(expected.proposed.rate);
    expect(preview.sampled).toBe(expected.sampled);
    await expect(page.getByTestId('preview-rate').textContent()).resolves.toContain(`${pct(preview.current.rate)}`);
    await expect(page.getByTestId('preview-rate').textContent()).resolves.toContain(`${pct(preview.proposed.rate)}`);
    await expect(page.getByTestId('preview-sample').textContent()).resolves.toContain(`Replayed ${preview.sampled} conversations`);
    const rows = page.getByTestId('preview-flips').getByTestId('flip');
    expect(await rows.count()).toBe(Math.min(25, preview.flips.length));
    const first = preview.flips[0];
    const row = page.locator(`[data-testid="flip"][data-case="${first.id}"]`);
    await expect(row.textContent()).resolves.toContain(first.text.slice(0, 20));
    for (const r of first.reasonsAdded as string[]) await expect(row.textContent()).resolves.toMatch(new RegExp(r.replace(/_/g, ' '), 'i'));
    if (Object.keys(preview.proposed.byQueue).length) await page.getByTestId('preview-queues').waitFor();
    await shot(page, 'policy-preview');
    expect(await axeProblems(page)).toEqual([]);

    // Editing after a preview says the figures are stale; nothing was saved.
    await threshold.fill('0.98');
    await panel.getByText('The form has changed since this preview').waitFor();
    expect((await api.call('GET', '/api/v1/policy', casey)).body.version).toBe(current.version);
  });

  it('has no serious or critical axe violations on the dashboard', async () => {
    const { page } = await openDashboard('jordan');
    await page.getByTestId('kb-gaps').getByTestId('kb-gap').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });
});
