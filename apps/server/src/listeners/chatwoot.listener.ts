import { findIntegrationLinkByConversation } from '../adapters/db/repositories/integrations.repository.js';
import { CHATWOOT } from '../app/integrations/receive-chatwoot-webhook.js';
import { defineListener } from './event-listener.js';

/**
 * Chatwoot (docs/chatwoot.md): follows `message.created` and `handoff.requested` of the
 * conversations that came from Chatwoot. `handle` only reads the link; `afterCommit` gives each
 * such event to the `chatwoot-outbound` job, which calls Chatwoot's API and retries.
 */
export function createChatwootListener() {
  const linked = new Set<number>();
  return defineListener({
    name: 'chatwoot',
    types: ['message.created', 'handoff.requested'],
    async handle(ctx, tx, event) {
      if (event.conversationId && (await findIntegrationLinkByConversation(tx, CHATWOOT, event.conversationId))) linked.add(event.seq);
    },
    async afterCommit(ctx, handled) {
      for (const e of handled) {
        if (!linked.delete(e.seq)) continue;
        await ctx.jobs.schedule('chatwoot-outbound', { seq: e.seq }, ctx.clock(), `chatwoot-outbound:${e.seq}`);
      }
    },
  });
}
