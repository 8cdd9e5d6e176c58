import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium, installed by `shared/ci/services.sh install-browser`. */
export const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);

/** Screenshots go here (ignored by git), for people to look at after a run. */
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/**
 * Launches headless Chromium with the flags this machine needs: no sandbox (root), no GPU, and no
 * background networking, whose connections the closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
