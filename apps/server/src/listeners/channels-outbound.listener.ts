import { listPendingChannelOutbox } from '../adapters/db/repositories/channels.repository.js';
import type { ChannelRuntime } from '../app/channels/channel-runtime.js';
import { queueChannelMessage, queueThreadHandover, queueThreadTakeBack } from '../app/channels/queue-channel-outbound.js';
import { defineListener } from './event-listener.js';

/**
 * Outbound messages on WhatsApp, Messenger and Instagram (docs/channels.md): follows
 * `message.created` for conversations on those channels, and `handoff.requested` to pass thread
 * control to the inbox app, and the handoff's end to take it back. `handle` only writes the channel outbox (inside the cursor's
 * transaction); `afterCommit` hands what is due to the `channel-send` job, which calls the
 * provider and retries.
 */
export function createChannelsOutboundListener(channels: ChannelRuntime) {
  return defineListener({
    name: 'channels-outbound',
    types: ['message.created', 'handoff.requested', 'handoff.handed_back', 'handoff.resolved'],
    async handle(ctx, tx, event) {
      if (event.type === 'message.created') await queueChannelMessage(ctx, tx, channels, event);
      else if (event.type === 'handoff.requested') await queueThreadHandover(ctx, tx, channels, event);
      else await queueThreadTakeBack(ctx, tx, channels, event);
    },
    async afterCommit(ctx) {
      // Everything pending, not only this batch's: a request whose job was lost (a crash after the commit) goes with the next batch.
      for (const row of await listPendingChannelOutbox(ctx.db, 100)) {
        const at = row.nextAttemptAt ?? ctx.clock();
        await ctx.jobs.schedule('channel-send', { outboxId: row.id }, at, `channel-send:${row.id}:${at.getTime()}`);
      }
    },
  });
}
