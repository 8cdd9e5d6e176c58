import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEndpoint } from '../adapters/db/repositories/endpoints.repository.js';
import { TEST_DATABASES } from './databases.js';
import { startReceiver, startSmtp, waitFor } from './notifications-receivers.js';
import type { NotifiedServer } from './notified-server.js';
import { startNotifiedServer } from './notified-server.js';

const ENDPOINTS = '/api/v1/notifications/endpoints';
const SMS_QUERY = '?To=%2B15551234567&From=Baton';

// SSRF: an admin cannot aim Baton's outbound requests at its own network (no BATON_OUTBOUND_ALLOW here).
describe.each(TEST_DATABASES)('outbound targets on %s', (kind) => {
  let n: NotifiedServer;

  beforeAll(async () => {
    n = await startNotifiedServer(kind, { localTargets: false });
  }, 60_000);
  afterAll(() => n?.close());

  it.each([
    ['webhook', 'http://127.0.0.1:8080/hooks'],
    ['webhook', 'http://[::1]/hooks'],
    ['webhook', 'http://169.254.169.254/latest/meta-data/'],
    ['webhook', 'http://2130706433/'],
    ['webhook', 'http://0x7f000001/'],
    ['webhook', 'http://0177.0.0.1/'],
    ['webhook', 'http://[::ffff:127.0.0.1]/'],
    ['webhook', 'http://[::ffff:a9fe:a9fe]/'],
    ['webhook', 'http://10.0.0.8/'],
    ['webhook', 'http://100.64.1.1/'],
    ['webhook', 'http://[fd00:ec2::254]/'],
    ['webhook', 'http://[fe80::1]/'],
    ['webhook', 'http://localhost:3000/'],
    ['webhook', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['slack', 'https://192.168.1.10/services/T/B/X'],
    ['sms', `http://127.0.0.1:9000/sms${SMS_QUERY}`],
    ['email', 'smtp://127.0.0.1:25/?to=oncall@example.com'],
  ])('refuses a %s endpoint at %s, naming the target', async (endpointKind, target) => {
    const r = await n.http.post(ENDPOINTS, n.casey, { kind: endpointKind, name: 'internal', target });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'NOTIFY_ERR_TARGET_FORBIDDEN', field: 'target', message: expect.stringMatching(/BATON_OUTBOUND_ALLOW/) });
  });

  it('refuses other schemes for web endpoints, and a change of target to an internal one', async () => {
    const smtp = await n.http.post(ENDPOINTS, n.casey, { kind: 'webhook', name: 'x', target: 'smtp://mail.example.com/' });
    expect(smtp.status).toBe(400);
    expect(smtp.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'target' });
    const file = await n.http.post(ENDPOINTS, n.casey, { kind: 'webhook', name: 'x', target: 'file:///etc/passwd' });
    expect(file.body.error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'target' });

    // A public name (here one that does not resolve, so nothing is checked against it yet) is accepted…
    const ok = await n.http.post(ENDPOINTS, n.casey, { kind: 'webhook', name: 'public', target: 'https://hooks.example.invalid/baton' });
    expect(ok.status, ok.text).toBe(201);
    const id = ok.body.endpoint.id as string;
    // …but not re-pointed at the metadata service, and the stored target is unchanged.
    const moved = await n.http.call('PATCH', `${ENDPOINTS}/${id}`, { token: n.casey, body: { target: 'http://169.254.169.254/' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: 'NOTIFY_ERR_TARGET_FORBIDDEN', field: 'target' });
    const listed = (await n.http.get(ENDPOINTS, n.casey)).body.endpoints as { id: string; target: string }[];
    expect(listed.find((e) => e.id === id)?.target).toBe('https://hooks.example.invalid/baton');
    expect((await n.http.call('DELETE', `${ENDPOINTS}/${id}`, { token: n.casey })).status).toBe(204);
  });

  it('refuses again at delivery time: an internal endpoint stored earlier never receives a request', async () => {
    const rx = await startReceiver();
    const smtp = await startSmtp();
    // Saved before the guard existed (or while an allow-list named it): straight into the table.
    const stored = await n.s.ctx.db.transaction().execute(async (tx) => [
      await insertEndpoint(tx, { id: n.s.ctx.newId(), kind: 'webhook', name: 'old internal', target: `${rx.url}/hooks`, secret: 'whsec_old_secret_0123456789', events: ['handoff.requested'], minPriority: null, active: true, createdAt: n.s.ctx.clock() }),
      await insertEndpoint(tx, { id: n.s.ctx.newId(), kind: 'email', name: 'old smtp', target: `smtp://127.0.0.1:${smtp.port}/?to=oncall@example.com`, secret: null, events: ['handoff.requested'], minPriority: null, active: true, createdAt: n.s.ctx.clock() }),
    ]);
    try {
      await n.http.escalated(n.alex);
      await n.listener.drain();
      for (const ep of stored) {
        const [d] = await waitFor(`a failed attempt to ${ep.name}`, async () => {
          const ds = (await n.http.get(`/api/v1/notifications/deliveries?endpoint=${ep.id}`, n.casey)).body.deliveries as { attempts: number; lastStatus: number | null; lastError: string | null }[];
          return (ds[0]?.attempts ?? 0) >= 1 ? ds : undefined;
        });
        expect(d).toMatchObject({ lastStatus: null, lastError: expect.stringMatching(/^refused: 127\.0\.0\.1 .*BATON_OUTBOUND_ALLOW/) });
      }
      expect(rx.requests).toHaveLength(0);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      for (const ep of stored) await n.http.call('DELETE', `${ENDPOINTS}/${ep.id}`, { token: n.casey });
      await rx.close();
      await smtp.close();
    }
  }, 30_000);
});
