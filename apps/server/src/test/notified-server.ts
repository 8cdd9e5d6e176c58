import { deliverNotificationJob } from '../jobs/deliver-notification.job.js';
import type { ListenerOptions } from '../listeners/event-listener.js';
import { startListener } from '../listeners/event-listener.js';
import { notificationsListener } from '../listeners/notifications.listener.js';
import { api } from './api.js';
import { startReceiver } from './notifications-receivers.js';
import { startTestServer } from './test-server.js';

/**
 * A test server whose notifications run in the test: the notifications listener and the delivery
 * job with short delays (40 ms, 120 ms, … instead of 10 s, 30 s, …), a real HTTP receiver for its
 * deliveries, and the admin (Casey) and an agent (Alex) signed in. The receiver listens on
 * 127.0.0.1, which outbound targets may only reach when allowed: the server is started with
 * `BATON_OUTBOUND_ALLOW=127.0.0.1` unless `localTargets: false` (or `env` says otherwise).
 */
export async function startNotifiedServer(kind: 'pglite' | 'postgres', opts: Parameters<typeof startTestServer>[1] & { listener?: ListenerOptions; localTargets?: boolean } = {}) {
  const { listener: listenerOpts, localTargets = true, ...serverOpts } = opts;
  const s = await startTestServer(kind, { ...serverOpts, workers: false, env: { ...(localTargets ? { BATON_OUTBOUND_ALLOW: '127.0.0.1' } : {}), ...serverOpts.env } });
  const rx = await startReceiver();
  const listener = startListener(s.ctx, notificationsListener, { intervalMs: 200, ...listenerOpts });
  await s.ctx.jobs.work('deliver-notification', (data) => deliverNotificationJob(s.ctx, data, { baseDelayMs: 40, timeoutMs: 2000 }));
  const http = api(s);
  const casey = await s.login('casey');
  const alex = await s.login('alex');
  return {
    s,
    rx,
    http,
    listener,
    casey,
    alex,
    /** The admin's token (Casey). */
    admin: casey,
    /** Adds a notification endpoint (a webhook to the receiver unless told otherwise); fails unless created. */
    async addEndpoint(body: Record<string, unknown> = { kind: 'webhook', name: 'CRM', target: `${rx.url}/hooks`, events: ['handoff.requested'] }) {
      const r = await http.post('/api/v1/notifications/endpoints', casey, body);
      if (r.status !== 201) throw new Error(`could not add the endpoint: ${r.status} ${r.text}`);
    },
    async close() {
      await listener.stop();
      await s.close();
      await rx.close();
    },
  };
}

export type NotifiedServer = Awaited<ReturnType<typeof startNotifiedServer>>;
