import { deliverNotificationJob } from '../jobs/deliver-notification.job.js';
import type { ListenerOptions } from '../listeners/event-listener.js';
import { startListener } from '../listeners/event-listener.js';
import { notificationsListener } from '../listeners/notifications.listener.js';
import { api } from './api.js';
import { startReceiver } from './notifications-receivers.js';
import { startTestServer } from './test-server.js';

/**
 * A test server whose notifications listener and delivery worker run with short delays, a real
 * HTTP receiver for its deliveries, and the demo admin's token (Casey) to add endpoints with.
 */
export async function startNotifiedServer(kind: 'pglite' | 'postgres', opts: { env?: Record<string, string>; listen?: boolean; listener?: ListenerOptions } = {}) {
  const s = await startTestServer(kind, { workers: false, ...(opts.listen ? { listen: true } : {}), ...(opts.env ? { env: opts.env } : {}) });
  const rx = await startReceiver();
  const listener = startListener(s.ctx, notificationsListener, { intervalMs: 200, ...opts.listener });
  await s.ctx.jobs.work('deliver-notification', (data) => deliverNotificationJob(s.ctx, data, { baseDelayMs: 40, timeoutMs: 2000 }));
  const admin = await s.login('casey');
  return {
    s,
    rx,
    listener,
    admin,
    /** Adds a notification endpoint (a webhook to the receiver unless told otherwise); fails unless created. */
    async addEndpoint(body: Record<string, unknown> = { kind: 'webhook', name: 'CRM', target: `${rx.url}/hooks`, events: ['handoff.requested'] }) {
      const r = await api(s).post('/api/v1/notifications/endpoints', admin, body);
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
