import { defineListener } from './event-listener.js';

/**
 * Zendesk (docs/zendesk.md): every `handoff.requested` becomes a `zendesk-handoff` job, which
 * creates the ticket once per handoff and retries.
 */
export const zendeskListener = defineListener({
  name: 'zendesk',
  types: ['handoff.requested'],
  async handle() {},
  async afterCommit(ctx, handled) {
    for (const e of handled) if (e.handoffId) await ctx.jobs.schedule('zendesk-handoff', { handoffId: e.handoffId }, ctx.clock(), `zendesk-handoff:${e.handoffId}`);
  },
});
