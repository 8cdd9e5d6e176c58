import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ASK_FOR_HUMAN } from './api.js';
import { freshPostgres, TEST_DATABASES } from './databases.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BATON = join(ROOT, 'apps/cli/bin/baton.mjs');
// The config's minimum (BATON_QUEUE_UPDATE_SECONDS), so the timer fires soon after the restart.
const QUEUE_UPDATE_SECONDS = 5;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Child {
  proc: ChildProcess;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** `baton serve --demo` in a child process; resolves once /healthz answers. */
async function serve(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BATON_') && k !== 'DATABASE_URL' && k !== 'REDIS_URL' && k !== 'PORT'));
  const proc = spawn(process.execPath, [BATON, 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...clean, PORT: String(port), HOST: '127.0.0.1', BATON_QUEUE_UPDATE_SECONDS: String(QUEUE_UPDATE_SECONDS), BATON_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  let dead = false;
  void exited.then(() => (dead = true));
  for (;;) {
    if (dead) throw new Error(`the server exited before it was ready:\n${out}\n${err.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`the server was not ready within 45 s:\n${out}\n${err.slice(-3000)}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { proc, base, stdout: () => out, stderr: () => err, exited };
}

/** The demo logins printed on the first start: `  email  password  Name (role, team)`. */
function parseLogins(stdout: string): Map<string, string> {
  const logins = new Map<string, string>();
  for (const m of stdout.matchAll(/^\s+(\S+@\S+)\s+(\S+)\s+\S.*\(/gm)) logins.set(m[1]!, m[2]!);
  return logins;
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

const TOPICS = [
  'do you take paypal?',
  'how do I reset my password?',
  'how long does delivery take to Leeds?',
  'can I return a pan I bought last week?',
  'how do gift cards work?',
  'where can I get a VAT invoice?',
  'my discount code does not work',
  'what are your opening hours on Sunday?',
  'can I change my delivery address?',
  'do you ship to Ireland?',
  'how do I update my email address?',
  'is the teapot covered by warranty?',
];

interface Sent {
  conversationId: string;
  token: string;
  clientMessageId: string;
  text: string;
  ackedId?: string;
}

if (!existsSync(join(ROOT, 'apps/cli/dist/main.js'))) throw new Error('build the CLI first: npx tsc -b apps/cli (npm test does)');

// An acknowledged message survives kill -9, and the durable timers fire after the restart (DESIGN §2, STYLE "Time is data").
describe.each(TEST_DATABASES)('a server killed with SIGKILL and restarted on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged message, keeps the waiting handoff, and its queue-update timer fires after the restart', async () => {
    let env: Record<string, string>;
    if (kind === 'postgres') {
      const db = await freshPostgres();
      cleanups.push(() => db.drop());
      env = { DATABASE_URL: db.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'baton-restart-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { BATON_DATA_DIR: dir };
    }

    const first = await serve(env);
    const logins = parseLogins(first.stdout());
    expect(logins.get('alex@northwind.example'), first.stdout()).toBeDefined();
    const login = await call(first.base, 'POST', '/api/v1/auth/login', undefined, { email: 'alex@northwind.example', password: logins.get('alex@northwind.example') });
    expect(login.status).toBe(200);
    const alex: string = login.body.token;

    // Two conversations that escalate before the kill: one ahead in the queue, then the one followed.
    const ahead = (await call(first.base, 'POST', '/api/v1/conversations', undefined, {})).body;
    expect((await call(first.base, 'POST', `/api/v1/conversations/${ahead.id}/messages`, ahead.token, { text: ASK_FOR_HUMAN, clientMessageId: 'ahead-1' })).status).toBe(201);
    const waiting = (await call(first.base, 'POST', '/api/v1/conversations', undefined, {})).body;
    const esc = await call(first.base, 'POST', `/api/v1/conversations/${waiting.id}/messages`, waiting.token, { text: ASK_FOR_HUMAN, clientMessageId: 'esc-1' });
    expect(esc.status).toBe(201);
    const handoff = (await call(first.base, 'GET', '/api/v1/handoffs?status=waiting', alex)).body.handoffs.find((h: { conversationId: string }) => h.conversationId === waiting.id);
    expect(handoff).toBeDefined();

    // A burst from four conversations at once, killed part-way through.
    const convs = await Promise.all([0, 1, 2, 3].map(async () => (await call(first.base, 'POST', '/api/v1/conversations', undefined, {})).body as { id: string; token: string }));
    const sent: Sent[] = [];
    let acked = 0;
    let killed = false;
    const killAfter = 14;
    const burst = convs.map(async (c, ci) => {
      for (let i = 0; i < TOPICS.length && !killed; i++) {
        const s: Sent = { conversationId: c.id, token: c.token, clientMessageId: `burst-${ci}-${i}`, text: `${TOPICS[(i + ci * 3) % TOPICS.length]} (#${ci}-${i})` };
        sent.push(s);
        try {
          const r = await call(first.base, 'POST', `/api/v1/conversations/${c.id}/messages`, c.token, { text: s.text, clientMessageId: s.clientMessageId });
          if (r.status === 201) {
            s.ackedId = r.body.message.id;
            acked += 1;
          }
        } catch {
          // the connection died with the server
        }
        if (acked >= killAfter && !killed) {
          killed = true;
          first.proc.kill('SIGKILL');
        }
      }
    });
    await Promise.all(burst);
    expect(killed).toBe(true);
    await first.exited;
    const ackedMessages = sent.filter((s) => s.ackedId);
    expect(ackedMessages.length).toBeGreaterThanOrEqual(killAfter);
    // The kill landed mid-burst: some requests were in flight.
    expect(sent.length).toBeGreaterThan(ackedMessages.length);

    // The restart, on the same data.
    const restartedAt = Date.now();
    const second = await serve(env);
    expect(parseLogins(second.stdout()).size).toBe(0);

    // Every acknowledged message is there, as it was acknowledged.
    const byConv = new Map<string, { id: string; text: string; author: { kind: string } }[]>();
    for (const c of convs) {
      const r = await call(second.base, 'GET', `/api/v1/conversations/${c.id}/messages`, c.token);
      expect(r.status).toBe(200);
      byConv.set(c.id, r.body.messages);
    }
    const missing = ackedMessages.filter((s) => !byConv.get(s.conversationId)!.some((m) => m.id === s.ackedId && m.text === s.text));
    expect(missing.map((s) => s.clientMessageId)).toEqual([]);

    // Re-sending every message of the burst stores none of the acknowledged ones twice.
    for (const s of sent) {
      const r = await call(second.base, 'POST', `/api/v1/conversations/${s.conversationId}/messages`, s.token, { text: s.text, clientMessageId: s.clientMessageId });
      expect([200, 201]).toContain(r.status);
      if (s.ackedId) expect({ cm: s.clientMessageId, status: r.status, id: r.body.message.id }).toEqual({ cm: s.clientMessageId, status: 200, id: s.ackedId });
    }
    for (const c of convs) {
      const msgs = (await call(second.base, 'GET', `/api/v1/conversations/${c.id}/messages`, c.token)).body.messages as { author: { kind: string } }[];
      expect(msgs.filter((m) => m.author.kind === 'customer')).toHaveLength(sent.filter((s) => s.conversationId === c.id).length);
    }

    // The escalated conversation still waits, with the session that was opened before the kill.
    const still = await call(second.base, 'GET', '/api/v1/handoffs?status=waiting', alex);
    expect(still.status).toBe(200);
    expect(still.body.handoffs.map((h: { id: string }) => h.id)).toContain(handoff.id);

    // Its queue-update timer survived: once the handoff ahead is taken, the customer's place
    // changes, and the next run of the timer tells them (updates go out only on a change).
    const first2 = still.body.handoffs.find((h: { conversationId: string }) => h.conversationId === ahead.id);
    expect(first2).toBeDefined();
    expect((await call(second.base, 'POST', `/api/v1/handoffs/${first2.id}/accept`, alex, {})).status).toBe(200);
    const deadline = Date.now() + 15_000;
    let update: { action?: string; createdAt: string } | undefined;
    while (!update && Date.now() < deadline) {
      const msgs = (await call(second.base, 'GET', `/api/v1/conversations/${waiting.id}/messages`, waiting.token)).body.messages as { action?: string; createdAt: string }[];
      update = msgs.find((m) => m.action === 'queue_update' && Date.parse(m.createdAt) >= restartedAt);
      if (!update) await new Promise((r) => setTimeout(r, 250));
    }
    expect(update, `no queue_update after the restart; server log:\n${second.stderr().slice(-3000)}`).toBeDefined();

    second.proc.kill('SIGTERM');
    await second.exited;
  }, 120_000);
});
