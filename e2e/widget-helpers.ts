import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { identityHash } from '../apps/server/src/app/signed-identity.js';
import { TEST_IDENTITY_SECRET } from '../apps/server/src/test/test-server.js';

const WIDGET = fileURLToPath(new URL('../apps/widget/', import.meta.url));
const BUNDLE = join(WIDGET, 'dist/widget.js');

/** The newest modification time of a file, or of anything in a folder: whether a build is older than its sources. */
export function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Builds the widget when dist/widget.js is missing or older than its sources (CI builds first anyway). */
export function ensureWidgetBuilt(): void {
  let built = 0;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newestMtime(join(WIDGET, 'src')), newestMtime(join(WIDGET, 'vite.config.ts')));
  if (built > sources) return;
  execFileSync(fileURLToPath(new URL('../node_modules/.bin/vite', import.meta.url)), ['build'], { cwd: WIDGET, stdio: 'pipe' });
}

/**
 * The storefront's query for a signed-in shopper: the email, the name, and the hash the shop's
 * server would compute with the test servers' identity key.
 */
export function signedInQuery(email: string, name: string): string {
  return `?email=${encodeURIComponent(email)}&name=${encodeURIComponent(name)}&hash=${identityHash(TEST_IDENTITY_SECRET, email.toLowerCase())}`;
}

/** The widget's launcher and panel; Playwright's locators pierce its open shadow root. */
export function widget(page: Page) {
  const host = page.locator('#baton-widget');
  return {
    launcher: host.locator('button.launcher'),
    panel: host.getByRole('dialog'),
    log: host.getByRole('log'),
    input: host.getByRole('textbox', { name: 'Your message' }),
    talk: host.getByRole('button', { name: 'Talk to a person' }),
    header: host.locator('.head .sub'),
    /** Messages written by someone other than the customer (Assistant, agents). */
    replies: host.locator('.log .row.theirs, .log .handoff'),
  };
}

/** Opens the launcher and sends one message the way a customer would (type, Enter). */
export async function openAndSend(page: Page, text: string): Promise<void> {
  const w = widget(page);
  if (!(await w.panel.isVisible())) await w.launcher.click();
  await w.input.fill(text);
  await w.input.press('Enter');
}

/** What the widget keeps in localStorage for this server. */
export async function storedSession(page: Page, server: string): Promise<{ id: string; token: string; caseNumber: string; lastSeq: number }> {
  const raw = await page.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key), `baton:${new URL(server).origin}`);
  if (!raw) throw new Error('no stored widget session');
  return (JSON.parse(raw) as { session: { id: string; token: string; caseNumber: string; lastSeq: number } }).session;
}

/** Runs a page function against the widget's shadow root. */
export function inShadow<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const root = document.getElementById('baton-widget').shadowRoot; return (${fn})(root); })()`) as Promise<T>;
}
