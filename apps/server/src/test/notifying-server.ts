import { deliverNotificationJob } from '../jobs/deliver-notification.job.js';
import { startListener } from '../listeners/event-listener.js';
import { notificationsListener } from '../listeners/notifications.listener.js';
import { api } from './api.js';
import type { startTestServer as StartTestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

/**
 * A test server whose notifications run in the test: the notifications listener and the delivery
 * job with a short backoff (40 ms, 120 ms, … instead of 10 s, 30 s, …), and the admin (Casey) and
 * an agent (Alex) signed in.
 */
export async function startNotifyingServer(kind: 'pglite' | 'postgres', opts: Parameters<typeof StartTestServer>[1] = {}) {
  const s = await startTestServer(kind, { ...opts, workers: false });
  const http = api(s);
  const casey = await s.login('casey');
  const alex = await s.login('alex');
  const listener = startListener(s.ctx, notificationsListener, { intervalMs: 200 });
  await s.ctx.jobs.work('deliver-notification', (data) => deliverNotificationJob(s.ctx, data, { baseDelayMs: 40, timeoutMs: 2000 }));
  return {
    s,
    http,
    listener,
    casey,
    alex,
    async close() {
      await listener.stop();
      await s.close();
    },
  };
}

export type NotifyingServer = Awaited<ReturnType<typeof startNotifyingServer>>;
