import { listOutbox } from '../adapters/db/repositories/email.repository.js';
import { queueHandoffConfirmation, queueMessageEmail } from '../app/email/queue-outbound-email.js';
import { defineListener } from './event-listener.js';

/**
 * Outbound mail (DESIGN §6, §9): follows `message.created` for conversations that started by
 * email, and `handoff.requested` for the confirmation a widget customer with a known address
 * gets. `handle` only writes the outbox (inside the cursor's transaction); `afterCommit` hands
 * the pending mail to the `send-email` job, which does the network part and retries.
 */
export function createEmailOutboundListener(o: { mailFrom: string }) {
  return defineListener({
    name: 'email-outbound',
    types: ['message.created', 'handoff.requested'],
    async handle(ctx, tx, event) {
      if (event.type === 'message.created') await queueMessageEmail(ctx, tx, event, o);
      else await queueHandoffConfirmation(ctx, tx, event, o);
    },
    async afterCommit(ctx) {
      // Everything pending, not only this batch's: mail whose scheduling was lost (a crash right
      // after the commit) goes out with the next batch. The key keeps one job per mail.
      for (const mail of await listOutbox(ctx.db, { status: 'pending', limit: 100 })) {
        await ctx.jobs.schedule('send-email', { outboxId: mail.id }, ctx.clock(), `email:${mail.id}`);
      }
    },
  });
}
