import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from './databases.js';
import { startReceiver, startSmtp, waitFor } from './notifications-receivers.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';
import { openStream } from './ws-client.js';

const ENDPOINTS = '/api/v1/notifications/endpoints';

/** One message with every kind of personal data, and each kind's raw form as it must never leave. */
const TEXT = 'my card 4111.1111.1111.1111 exp 12/27 cvv 123, iban DE89 3704 0044 0532 0130 00, ssn 123-45-6789, mail jo.bloggs@example.com, phone +44 20 7946 0958, order 4821';
const RAW = {
  card: '4111.1111.1111.1111',
  expiry: '12/27',
  cvv: 'cvv 123',
  iban: '3704 0044 0532',
  ssn: '123-45-6789',
  email: 'jo.bloggs@example.com',
  phone: '7946 0958',
};
const PAYMENT_AND_IDS = [RAW.card, RAW.expiry, RAW.cvv, RAW.iban, RAW.ssn];

// PII masked in what leaves the workspace, configurable per channel (DESIGN §11).
describe.each(TEST_DATABASES)('PII masking on %s', (kind) => {
  let n: NotifiedServer;
  const logs: string[] = [];

  beforeAll(async () => {
    n = await startNotifiedServer(kind, {
      listen: true,
      onLog: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
      env: {
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
        // Slack here masks card data only; every other channel keeps its default (everything).
        BATON_PII_MASK_SLACK: 'card,card_security',
      },
    });
  }, 60_000);
  afterAll(() => n?.close());

  it('masks each channel as configured; agents read the raw text, the customer sees no payment or government id', async () => {
    const webhook = await startReceiver();
    const slack = await startReceiver();
    const smtp = await startSmtp();
    const created: string[] = [];
    for (const ep of [
      { kind: 'webhook', name: 'CRM', target: `${webhook.url}/hooks`, events: ['message.created'] },
      { kind: 'slack', name: 'Slack', target: `${slack.url}/services/T/B/X`, events: ['message.created'] },
      { kind: 'email', name: 'Lead', target: `smtp://127.0.0.1:${smtp.port}/?to=lead@northwind.example`, events: ['message.created'], minPriority: null },
    ]) {
      const r = await n.http.post(ENDPOINTS, n.casey, ep);
      expect(r.status, r.text).toBe(201);
      created.push(r.body.endpoint.id as string);
    }
    try {
      const conv = await n.http.start();
      const stream = await openStream(n.s.url!, conv.token);
      const said = await n.http.say(conv, TEXT);
      expect(said.status, said.text).toBe(201);

      // The customer's own view: the messages API, the POST's answer and the stream.
      expect(said.body.message.text).toBe('my card •••• 1111 exp ••/•• cvv •••, iban DE•• •••• 3000, ssn •••• 6789, mail jo.bloggs@example.com, phone +44 20 7946 0958, order 4821');
      const mine = (await n.http.messages(conv.id, conv.token)).find((m) => m.author.kind === 'customer')!;
      expect(mine.text).toBe(said.body.message.text);
      const streamed = await stream.waitFor((e) => e.type === 'message.created' && (e.payload.message as { author: { kind: string } }).author.kind === 'customer');
      expect((streamed.payload.message as { text: string }).text).toBe(said.body.message.text);
      await stream.close();

      // The agent, inside the workspace, reads what the customer wrote.
      const agentView = (await n.http.messages(conv.id, n.alex)).find((m) => m.author.kind === 'customer')!;
      expect(agentView.text).toBe(TEXT);

      await n.listener.drain();
      const hook = await waitFor('the webhook', () => webhook.requests.find((r) => r.body.includes('•••• 1111')));
      for (const raw of Object.values(RAW)) expect(hook.body).not.toContain(raw);
      expect(hook.body).toContain('j•••@example.com');
      expect(hook.body).toContain('order 4821');

      const sl = await waitFor('the Slack message', () => slack.requests.find((r) => r.body.includes('•••• 1111')));
      for (const raw of [RAW.card, RAW.expiry, RAW.cvv]) expect(sl.body).not.toContain(raw);
      // Slack is configured for card data only: the rest goes as written.
      expect(sl.body).toContain(RAW.email);
      expect(sl.body).toContain(RAW.iban);

      const m = await waitFor('the email', () => smtp.messages[0]);
      const mail = await PostalMime.parse(m.raw);
      const body = mail.text ?? '';
      expect(body).toContain('•••• 1111');
      for (const raw of Object.values(RAW)) expect(body).not.toContain(raw);
      for (const raw of PAYMENT_AND_IDS) expect(JSON.stringify(mine)).not.toContain(raw);
    } finally {
      for (const id of created) await n.http.call('DELETE', `${ENDPOINTS}/${id}`, { token: n.casey });
      await webhook.close();
      await slack.close();
      await smtp.close();
    }
  }, 30_000);

  it('masks log lines, message and fields', () => {
    n.s.ctx.log('warn', `could not process: ${TEXT}`, { text: TEXT, nested: { to: RAW.email } });
    const line = logs.find((l) => l.startsWith('warn could not process'));
    expect(line).toBeDefined();
    for (const raw of Object.values(RAW)) expect(line).not.toContain(raw);
    expect(line).toContain('•••• 1111');
  });
});
