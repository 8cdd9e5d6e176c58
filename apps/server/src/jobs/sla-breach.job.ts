import { z } from 'zod';
import { hasHandoffEvent } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../app/context.js';
import { withEvents } from '../app/with-events.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/** At the SLA deadline: if no person has replied yet, raise the breach for supervisors (once). */
export async function slaBreachJob(ctx: AppContext, raw: unknown): Promise<void> {
  const { handoffId } = ZData.parse(raw);
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.firstHumanReplyAt || h.status === 'resolved' || h.status === 'abandoned') return;
  await withEvents(ctx, async (tx, emit) => {
    if (await hasHandoffEvent(tx, 'handoff.sla_breached', handoffId)) return;
    await emit({ type: 'handoff.sla_breached', conversationId: h.conversationId, handoffId, payload: { slaDueAt: h.slaDueAt.toISOString(), priority: h.priority, status: h.status } });
  });
  ctx.log('warn', 'SLA breached: no human reply before the deadline', { handoffId, priority: h.priority });
}
