import { pickLocale, renderCustomerMessage } from '@baton/core';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';
import { queueEstimate } from './queue-state.js';
import { scheduleHandoffTimers } from './schedule-handoff-timers.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * While a handoff waits, the customer hears their place in the queue and a fresh estimate every
 * BATON_QUEUE_UPDATE_SECONDS. A run for a handoff no longer waiting does nothing, so a late or
 * repeated run is harmless; each run schedules the next.
 */
export async function postQueueUpdate(ctx: AppContext, handoffId: string): Promise<void> {
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
