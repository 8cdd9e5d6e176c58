import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOSTILE, PDF_MINIMAL, PNG_1X1 } from '../apps/server/src/test/attachment-files.js';
import { HAVE_BROWSER } from './browser.js';
import { openAndSend, storedSession, widget } from './widget-helpers.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

/** A picked file, as the browser's file chooser hands it over. */
const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/** Whether an <img> finished loading a real picture (the file came through, with the token in its URL). */
const loaded = (img: ReturnType<Page['locator']>) => img.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).complete && (el as unknown as { naturalWidth: number }).naturalWidth > 0);

describe.runIf(HAVE_BROWSER)('attachments, customer → agent → customer (Chromium)', { timeout: 60_000 }, () => {
  const w = useWorkspaceBrowser({ widget: true });
  const { api } = w;

  /** Picks files through the button that opens the chooser, as a person would. */
  async function pick(page: Page, button: ReturnType<Page['locator']>, files: ReturnType<typeof file>[]): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(files);
  }

  it('a customer sends a photo, the agent sees it and answers with a PDF the customer downloads; a disguised page is refused', async () => {
    // The customer: asks for a person, then sends a photo with the attach button.
    const shop = await w.newPage({ locale: 'en-US' });
    await shop.goto(`${w.s.url!}/demo`);
    const chat = widget(shop);
    await chat.launcher.waitFor();
    await openAndSend(shop, 'My lamp arrived broken, I want to talk to a real person');
    const host = shop.locator('#baton-widget');
    await host.getByRole('group', { name: 'Passing you to a person' }).waitFor({ timeout: 10_000 });
    const attach = host.getByRole('button', { name: 'Attach a picture or a PDF' });
    await pick(shop, attach, [file('evil.png', 'image/png', HOSTILE.html)]);
    await expect.poll(() => host.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('This kind of file cannot be sent');
    await pick(shop, attach, [file('broken lamp.png', 'image/png', PNG_1X1)]);
    const photo = chat.log.getByRole('img', { name: 'broken lamp.png' });
    await photo.waitFor({ timeout: 10_000 });
    await expect.poll(() => loaded(photo)).toBe(true);
    expect(await axeProblems(shop)).toEqual([]);

    // The agent: sees the photo in the transcript, accepts, and replies with a PDF.
    const { id } = await storedSession(shop, w.s.url!);
    const handoffId = await api.waitingHandoff(id, 'My lamp arrived broken, I want to talk to a real person');
    const desk = await w.pageAs('jordan', `/handoffs/${handoffId}`, { locale: 'en-US' });
    const seen = desk.getByTestId('transcript').getByRole('img', { name: 'broken lamp.png' });
    await seen.waitFor({ timeout: 10_000 });
    await expect.poll(() => loaded(seen)).toBe(true);
    await desk.getByRole('button', { name: 'Accept' }).click();
    await desk.getByTestId('handoff-status').getByText('Assigned').waitFor();
    await pick(desk, desk.getByRole('button', { name: 'Attach file' }), [file('returns label.pdf', 'application/pdf', PDF_MINIMAL)]);
    await desk.getByRole('list', { name: 'Files to send' }).getByText('returns label.pdf').waitFor();
    await desk.getByLabel('Reply to the customer').fill('Here is your returns label.');
    await desk.getByRole('button', { name: 'Send reply' }).click();
    await desk.getByTestId('message').filter({ hasText: 'Here is your returns label.' }).getByRole('link', { name: /returns label\.pdf/ }).waitFor();
    expect(await axeProblems(desk)).toEqual([]);

    // The customer: the reply arrives with the PDF as a download link that works.
    const link = chat.log.getByRole('link', { name: /Download returns label\.pdf/ });
    await link.waitFor({ timeout: 10_000 });
    const href = (await link.getAttribute('href'))!;
    const download = await shop.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(download).toEqual({ status: 200, type: 'application/pdf', disposition: `attachment; filename="returns label.pdf"; filename*=UTF-8''returns%20label.pdf`, size: PDF_MINIMAL.length });
  });

  it("an admin previews a customer email in French, and a wording without the case number is refused", async () => {
    const admin = await w.pageAs('casey', '/admin#email-templates', { locale: 'en-US' });
    const panel = admin.getByRole('region', { name: 'Customer emails' });
    await panel.getByLabel('Language').selectOption('fr');
    await expect.poll(() => panel.getByLabel('Text body').inputValue()).toContain('Répondez à cet e-mail');
    await panel.getByRole('button', { name: 'Preview' }).click();
    const preview = panel.getByTestId('tpl-preview');
    await preview.getByText('Subject: Re: Where is my order #4821? [C-10482]').waitFor();
    const html = await preview.locator('iframe').getAttribute('srcdoc');
    expect(html).toContain('&lt;DHL&gt; &amp; will write again tomorrow');
    expect(html).toContain('<html lang="fr">');
    await panel.getByLabel('Subject').fill('Votre demande');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => panel.getByTestId('tpl-result').textContent()).toContain('the case number ({{case}}) must appear');
    expect(await axeProblems(admin)).toEqual([]);
  });
});
