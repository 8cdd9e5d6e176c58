import { findIntegrationLinkByConversation } from '../adapters/db/repositories/integrations.repository.js';
import type { JobName } from '../adapters/jobs/job-queue.js';
import { defineListener } from './event-listener.js';

/**
 * An inbox Baton answers inside (Chatwoot, Zendesk messaging): follows `message.created` and
 * `handoff.requested` of the conversations that came from it. `handle` only reads the link;
 * `afterCommit` gives each such event to the provider's outbound job, which calls the provider's
 * API and retries.
 */
export function createIntegrationOutboundListener(o: { name: string; provider: string; job: Extract<JobName, 'chatwoot-outbound' | 'zendesk-outbound'> }) {
  const linked = new Set<number>();
  return defineListener({
    name: o.name,
    types: ['message.created', 'handoff.requested'],
    async handle(_ctx, tx, event) {
      if (event.conversationId && (await findIntegrationLinkByConversation(tx, o.provider, event.conversationId))) linked.add(event.seq);
    },
    async afterCommit(ctx, handled) {
      for (const e of handled) {
        if (!linked.delete(e.seq)) continue;
        await ctx.jobs.schedule(o.job, { seq: e.seq }, ctx.clock(), `${o.job}:${e.seq}`);
      }
    },
  });
}
