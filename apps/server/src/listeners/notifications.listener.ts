import { queueDeliveries, scheduleNewDeliveries } from '../app/notifications/queue-deliveries.js';
import { SOURCE_EVENTS } from '../app/notifications/notification-rules.js';
import { defineListener } from './event-listener.js';

/**
 * Notifications and outbound webhooks (DESIGN §7, §10). In the cursor's transaction it stores a
 * delivery per interested endpoint; after the commit it schedules their jobs, so nothing on the
 * request path waits for a receiver.
 */
export const notificationsListener = defineListener({
  name: 'notifications',
  types: SOURCE_EVENTS,
  handle: async (ctx, tx, event) => {
    await queueDeliveries(ctx, tx, event);
  },
  afterCommit: (ctx, handled) => scheduleNewDeliveries(ctx, handled),
});
