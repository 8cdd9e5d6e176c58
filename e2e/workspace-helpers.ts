import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { identityHash } from '../apps/server/src/app/signed-identity.js';
import type { TestServer } from '../apps/server/src/test/test-server.js';
import { startTestServer, TEST_IDENTITY_SECRET } from '../apps/server/src/test/test-server.js';
import { launchBrowser } from './browser.js';
import { ensureWidgetBuilt, newestMtime } from './widget-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE = join(ROOT, 'apps/workspace');

/** Builds the workspace when `dist/index.html` is missing or older than its sources. */
export function ensureWorkspaceBuilt(): void {
  const index = join(WORKSPACE, 'dist/index.html');
  const sources = Math.max(newestMtime(join(WORKSPACE, 'src')), ...['index.html', 'vite.config.ts'].map((f) => newestMtime(join(WORKSPACE, f))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build', '-w', '@baton/workspace'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

/** axe-core's browser bundle, injected into pages with `addScriptTag`. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Escalated {
  conversationId: string;
  customerToken: string;
  handoffId: string;
}

let clients = 0;

/**
 * HTTP through `app.inject`, each call from its own client address so the per-address limits on
 * the public endpoints never throttle the suite. `server` may be a function, for a server that is
 * started later (in a `beforeAll`).
 */
export function serverApi(server: TestServer | (() => TestServer)) {
  const current = typeof server === 'function' ? server : () => server;
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, body?: unknown) => {
    clients += 1;
    const res = await current().app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      remoteAddress: `10.77.${(clients >> 8) & 255}.${clients & 255}`,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as any };
  };
  const tokens = new Map<string, { token: string; agent: unknown }>();
  /** Logs a demo agent in once (by first name) and caches the session. */
  const session = async (who: string) => {
    const cached = tokens.get(who);
    if (cached) return cached;
    const l = current().logins.find((x) => x.email.startsWith(who));
    if (!l) throw new Error(`no demo login ${who}`);
    const r = await call('POST', '/api/v1/auth/login', undefined, { email: l.email, password: l.password });
    if (r.status !== 200) throw new Error(`login ${who}: ${r.status} ${JSON.stringify(r.body)}`);
    const value = { token: r.body.token as string, agent: r.body.agent as unknown };
    tokens.set(who, value);
    return value;
  };
  /** The id of the handoff waiting in a conversation, from the list a supervisor sees; `after` names what should have made it. */
  const waitingHandoff = async (conversationId: string, after: string): Promise<string> => {
    const list = await call('GET', '/api/v1/handoffs?status=waiting', (await session('jordan')).token);
    const h = (list.body.handoffs as { id: string; conversationId: string }[]).find((x) => x.conversationId === conversationId);
    if (!h) throw new Error(`no handoff after "${after}"`);
    return h.id;
  };
  return {
    call,
    session,
    token: async (who: string) => (await session(who)).token,
    waitingHandoff,
    /** A customer (by demo email) asks for a person; returns the waiting handoff. */
    async escalate(email = 'sarah.jones@example.com', text = 'I want to talk to a real person'): Promise<Escalated> {
      const conv = await call('POST', '/api/v1/conversations', undefined, { customer: { email, identifierHash: identityHash(TEST_IDENTITY_SECRET, email) } });
      if (conv.status !== 201) throw new Error(`start: ${conv.status} ${JSON.stringify(conv.body)}`);
      const said = await call('POST', `/api/v1/conversations/${conv.body.id}/messages`, conv.body.token, { text });
      if (said.status >= 300) throw new Error(`say: ${said.status} ${JSON.stringify(said.body)}`);
      return { conversationId: conv.body.id, customerToken: conv.body.token, handoffId: await waitingHandoff(conv.body.id, text) };
    },
    async handoff(id: string, token: string) {
      return (await call('GET', `/api/v1/handoffs/${id}`, token)).body.handoff;
    },
  };
}

/**
 * Starts the tab already signed in (the session the login page would have stored), so tests
 * that are not about the login page do not spend the login rate limit.
 */
export async function withSession(context: BrowserContext, session: { token: string; agent: unknown }): Promise<void> {
  await context.addInitScript(storeSession, JSON.stringify(session));
}

/** What the login page stores for a signed-in agent; runs in the page. */
const storeSession = (value: string) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('baton.session', value);

/** Waits until the workspace shell is up and the stream is live. */
export async function waitLive(page: Page): Promise<void> {
  await page.getByTestId('agent-name').waitFor();
  await page.getByTestId('connection').getByText('Live').waitFor({ timeout: 10_000 });
}

/** Signs in through the login page as a demo agent (by first name). */
export async function signIn(page: Page, s: TestServer, who: string): Promise<void> {
  const l = s.logins.find((x) => x.email.startsWith(who));
  if (!l) throw new Error(`no demo login ${who}`);
  await page.goto(`${s.url!}/login`);
  await page.getByLabel('Email').fill(l.email);
  await page.getByLabel('Password').fill(l.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitLive(page);
}

/** Serious and critical axe violations on the page, as short strings for a readable failure. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the workspace's CSP (script-src 'self') blocks an inline script tag.
  await page.evaluate(AXE_SOURCE);
  // Colours are judged at rest: an element fading in (a toast's first 0.18 s) is checked once its
  // animation has ended. Endless ones (a typing indicator) are left running.
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown>; effect: { getComputedTiming(): { endTime?: number | string } } | null }[] } }).document;
    const ending = doc.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(ending.map((a) => a.finished.catch(() => {})));
  });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (globalThis as any).axe.run((globalThis as any).document);
    return r.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** One file's server and browser, and the tabs it opens in them (`useWorkspaceBrowser`). */
export interface WorkspaceBrowser {
  readonly s: TestServer;
  /** The server's API (usable once the server runs), with its agents' sessions cached. */
  readonly api: ReturnType<typeof serverApi>;
  readonly browser: Browser;
  /** A tab in a context of its own (1360×900 unless `options` say otherwise), signed in as demo agent `as` when given. */
  newPage(options?: BrowserContextOptions & { as?: string }): Promise<Page>;
  /** A new tab signed in as demo agent `who` (by first name), open at `path`, with the stream live. */
  pageAs(who: string, path?: string, options?: BrowserContextOptions): Promise<Page>;
  /** Signs the tab already open (on the storefront, say) in as `who`, and opens the workspace at `path`. */
  workspaceAs(page: Page, who: string, path: string): Promise<void>;
  /** Opens `path` of the workspace in `page` and waits for the stream to be live. */
  open(page: Page, path: string): Promise<void>;
}

/**
 * The enclosing `describe`'s server (PGlite, listening, with `env`) and its one browser, started
 * before its tests and closed after them with every context it opened. The workspace is built
 * first, since the server serves `dist/` only when present; the widget too with `widget`. `env`
 * may be a function, read when the server starts: after the `beforeAll` hooks registered before
 * this call (a fake provider the server must know the address of).
 */
export function useWorkspaceBrowser(opts: { env?: Record<string, string> | (() => Record<string, string>); widget?: boolean } = {}): WorkspaceBrowser {
  let s: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and the browser are only there while the tests run');
    return value;
  };
  const api = serverApi(() => started(s));

  beforeAll(async () => {
    if (opts.widget) ensureWidgetBuilt();
    ensureWorkspaceBuilt();
    const env = typeof opts.env === 'function' ? opts.env() : opts.env;
    s = await startTestServer('pglite', { listen: true, ...(env ? { env } : {}) });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await s?.close();
  });

  const open = async (page: Page, path: string) => {
    await page.goto(`${started(s).url!}${path}`);
    await waitLive(page);
  };
  const newPage = async ({ as, ...options }: BrowserContextOptions & { as?: string } = {}) => {
    const context = await started(browser).newContext({ viewport: { width: 1360, height: 900 }, ...options });
    contexts.push(context);
    if (as) await withSession(context, await api.session(as));
    return context.newPage();
  };
  return {
    get s() {
      return started(s);
    },
    api,
    get browser() {
      return started(browser);
    },
    newPage,
    async pageAs(who, path = '/', options = {}) {
      const page = await newPage({ ...options, as: who });
      await open(page, path);
      return page;
    },
    async workspaceAs(page, who, path) {
      await page.goto(`${started(s).url!}/login`);
      await page.evaluate(storeSession, JSON.stringify(await api.session(who)));
      await open(page, path);
    },
    open,
  };
}
