import { pickLocale, renderCustomerMessage } from '@baton/core';
import { z } from 'zod';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../app/context.js';
import { queueEstimate } from '../app/queue-state.js';
import { scheduleHandoffTimers } from '../app/schedule-handoff-timers.js';
import { wireMessage } from '../app/wire.js';
import { withEvents } from '../app/with-events.js';

const ZData = z.object({ handoffId: z.string().min(1) });

/**
 * While a handoff waits, the customer hears their place in the queue and a fresh estimate every
 * BATON_QUEUE_UPDATE_SECONDS. A run for a handoff no longer waiting does nothing, so a late or
 * repeated job is harmless; each run schedules the next.
 */
export async function queueUpdateJob(ctx: AppContext, raw: unknown): Promise<void> {
  const { handoffId } = ZData.parse(raw);
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.status !== 'waiting') return;
  const team = h.teamId ? await getTeamByName(ctx.db, h.teamId) : null;
  const { position, waitMinutes } = await queueEstimate(ctx, ctx.db, h, team);
  const wait = waitMinutes ?? position * ctx.config.defaultHandleMinutes;
  const posted = await withEvents(ctx, async (tx, emit) => {
    const fresh = await getHandoff(tx, handoffId);
    if (!fresh || fresh.status !== 'waiting') return false;
    const conv = (await getConversation(tx, h.conversationId, { forUpdate: true }))!;
    const m = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'queue_update', position, waitMinutes: wait }, pickLocale(conv.language ?? undefined)), action: 'queue_update' });
    await updateHandoff(tx, handoffId, { waitEstimateMinutes: wait });
    await emit({ type: 'queue.position_updated', conversationId: conv.id, handoffId, payload: { position, waitMinutes: wait } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
    return true;
  });
  if (posted) await scheduleHandoffTimers(ctx, h, { offered: null, queueUpdateOnly: true });
}
