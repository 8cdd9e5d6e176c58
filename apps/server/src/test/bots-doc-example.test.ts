import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { api } from './api.js';
import { freePort, listening } from './doc-example.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const DOC = fileURLToPath(new URL('../../../../docs/bots.md', import.meta.url));
const SECRET = `whsec_${Buffer.from('the-example-bot-secret-0123').toString('base64')}`;

// The example bot of docs/bots.md, run as a reader would run it, in front of a real server.
describe('the example bot in docs/bots.md', () => {
  let dir: string;
  let child: ChildProcess;
  let s: TestServer;
  let http: Api;
  beforeAll(async () => {
    const code = /## An example bot[\s\S]*?```js\n([\s\S]*?)```/.exec(readFileSync(DOC, 'utf8'))?.[1];
    if (!code) throw new Error('docs/bots.md has no example bot');
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(35);
    dir = mkdtempSync(join(tmpdir(), 'baton-bot-'));
    writeFileSync(join(dir, 'bot.mjs'), code);
    const port = await freePort();
    child = spawn(process.execPath, [join(dir, 'bot.mjs')], { env: { ...process.env, BOT_SECRET: SECRET, PORT: String(port) }, stdio: 'ignore' });
    await listening(port);
    s = await startTestServer('pglite', { env: { BATON_BOT_URL: `http://127.0.0.1:${port}`, BATON_BOT_SECRET: SECRET, BATON_OUTBOUND_ALLOW: '127.0.0.1' } });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    child?.kill();
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('verifies Baton\'s signature, answers, and hands a return to a person', async () => {
    const conv = await http.start();
    const answered = (await http.say(conv, 'does the kettle have a warranty?')).body.replies.map((m: { text: string }) => m.text);
    expect(answered).toEqual(['Every appliance has a two-year warranty, parts and labour.']);

    const r = await http.say(conv, 'I want to return the kettle');
    expect(r.status).toBe(201);
    const token = await s.login('alex');
    const h = await http.handoffOf(conv.id, token, 'waiting');
    expect(h).not.toBeNull();
    const full = (await http.get(`/api/v1/handoffs/${h!.id}`, token)).body;
    expect((full.handoff ?? full).reasons[0]).toMatchObject({ code: 'customer_request', detail: 'the bot handed over: returns (A return, asked by a unverified customer)' });
  }, 30_000);
});
