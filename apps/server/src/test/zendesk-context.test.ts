import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationAction } from '../adapters/db/repositories/integrations.repository.js';
import { createZendeskTicket } from '../app/integrations/create-zendesk-ticket.js';
import { identityHash } from '../app/signed-identity.js';
import type { Api } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { eventually, freePort, listening } from './doc-example.js';
import { startFakeZendesk } from './provider-servers.js';
import type { TestServer } from './test-server.js';
import { startTestServer, TEST_IDENTITY_SECRET } from './test-server.js';

const DOC = fileURLToPath(new URL('../../../../docs/context.md', import.meta.url));
const SECRET = `whsec_${Buffer.from('the-example-context-secret-0123').toString('base64')}`;
const FURIOUS = "I've been waiting four weeks for my order #4821. I'm absolutely furious.";

const signedIn = (name: string, email: string) => ({ customer: { name, email, identifierHash: identityHash(TEST_IDENTITY_SECRET, email) } });

// The example endpoint of docs/context.md, run as a reader would run it, in front of a server that
// creates a Zendesk ticket at each handoff (against a local server speaking Zendesk's ticket API).
describe('the business’s customer data (docs/context.md) and Zendesk tickets at handoff', () => {
  let dir: string;
  let child: ChildProcess;
  let s: TestServer;
  let http: Api;
  let zd: Awaited<ReturnType<typeof startFakeZendesk>>;
  beforeAll(async () => {
    const code = /## An example endpoint[\s\S]*?```js\n([\s\S]*?)```/.exec(readFileSync(DOC, 'utf8'))?.[1];
    if (!code) throw new Error('docs/context.md has no example endpoint');
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(30);
    dir = mkdtempSync(join(tmpdir(), 'baton-context-'));
    writeFileSync(join(dir, 'context.mjs'), code);
    const port = await freePort();
    child = spawn(process.execPath, [join(dir, 'context.mjs')], { env: { ...process.env, CONTEXT_SECRET: SECRET, PORT: String(port) }, stdio: 'ignore' });
    await listening(port);
    zd = await startFakeZendesk({ email: 'bot@northwind.example', token: 'zd-api-token-0123' });
    s = await startTestServer('pglite', {
      env: {
        BATON_CONTEXT_URL: `http://127.0.0.1:${port}`,
        BATON_CONTEXT_SECRET: SECRET,
        BATON_ZENDESK_URL: zd.url,
        BATON_ZENDESK_EMAIL: 'bot@northwind.example',
        BATON_ZENDESK_API_TOKEN: 'zd-api-token-0123',
        BATON_ZENDESK_FIELDS: 'case_number=360001,team=360002',
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
      },
    });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    child?.kill();
    await s?.close();
    await zd?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the order-lookup tool answers from the endpoint, not the built-in tables', async () => {
    const conv = await http.start(signedIn('Sarah Jones', 'sarah.jones@example.com'));
    const r = await http.say(conv, 'Where is my order 4821?');
    // The endpoint's dispatch date (3 February 2026), where the built-in tables hold another.
    expect(r.body.replies[0].text).toMatch(/#4821 is dispatched \(dispatched on 3 February 2026 with Royal Mail\)/);
  }, 30_000);

  it('the seed scenario creates a Zendesk ticket carrying the brief, built on the endpoint’s account', async () => {
    const conv = await http.start(signedIn('Sarah Jones', 'sarah.jones@example.com'));
    const r = await http.say(conv, FURIOUS);
    expect(r.body.replies[0].text).toContain(conv.caseNumber);
    const handoff = (await latestHandoffFor(s.ctx.db, conv.id))!;
    // The endpoint's account: VIP with one order (the built-in tables say standard, with two).
    expect(handoff.brief.headline.tier).toBe('vip');
    expect(handoff.brief.account).toMatchObject({ customerId: 'cus_1001', tier: 'vip', orderCount: 1 });
    expect(handoff.brief.entities.find((e) => e.value === '4821')).toMatchObject({ verified: true, status: 'dispatched' });

    const ticket = await eventually('the ticket is created', () => zd.tickets.find((t) => t.json.ticket.external_id === conv.caseNumber));
    const t = ticket.json.ticket;
    expect(t.subject).toContain(conv.caseNumber);
    expect(t.comment.public).toBe(false);
    expect(t.comment.body).toContain(`Case ${conv.caseNumber}`);
    expect(t.comment.body).toContain(FURIOUS);
    expect(t.priority).toBe({ low: 'low', medium: 'normal', high: 'high', critical: 'urgent' }[handoff.priority]);
    expect(t.tags).toEqual(['baton', ...new Set(handoff.reasons.map((x) => `baton_${x.code}`))]);
    expect(t.requester).toEqual({ name: 'Sarah Jones', email: 'sarah.jones@example.com' });
    expect(t.custom_fields).toContainEqual({ id: 360001, value: conv.caseNumber });
    expect(ticket.headers['idempotency-key']).toBe(`baton-handoff-${handoff.id}`);
    const recorded = await eventually('the ticket id is recorded', () => findIntegrationAction(s.ctx.db, `zendesk:ticket:${handoff.id}`));
    expect(recorded.externalRef).toBe(String(35436 + zd.tickets.indexOf(ticket) + 1));

    // A retried job creates nothing more.
    const count = zd.tickets.length;
    await createZendeskTicket(s.ctx, handoff.id);
    expect(zd.tickets).toHaveLength(count);
  }, 30_000);

  it('when the endpoint fails, the brief says what is missing and the handoff goes on', async () => {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    const conv = await http.start(signedIn('Daniel Okafor', 'daniel.okafor@example.com'));
    const r = await http.say(conv, ASK_FOR_HUMAN);
    expect(r.status).toBe(201);
    expect(r.body.replies[0].text).toContain(conv.caseNumber);
    const handoff = (await latestHandoffFor(s.ctx.db, conv.id))!;
    expect(handoff.brief.account).toBeNull();
    expect(handoff.brief.nextSteps[0]).toMatch(/^Account context is missing: the business's customer-data endpoint failed \(ECONNREFUSED/);
    const ticket = await eventually('the ticket is created', () => zd.tickets.find((t) => t.json.ticket.external_id === conv.caseNumber));
    expect(ticket.json.ticket.comment.body).toContain('Account context is missing');
  }, 30_000);
});
