import type { TChannelName } from '@baton/contracts';
import { isOpen, nextQueueCheckAt, pickLocale, queueUpdateDue, queueUpdateIntervalMs, renderCustomerMessage } from '@baton/core';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';
import { queueEstimate } from './queue-state.js';
import { CHANNEL_PROFILES } from './channels/channel-port.js';
import { scheduleQueueUpdate } from './schedule-handoff-timers.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/** What one look at the queue did: whether the estimate was computed, whether the customer was told, and when the next look is. */
export interface QueueUpdateRun {
  computed: boolean;
  told: boolean;
  nextAt: Date | null;
}

/**
 * While a handoff waits, the customer hears their place in the queue and a fresh estimate, but
 * only when one of them changed since they were last told, and at most once per their channel's
 * interval (`queueUpdateIntervalMs`: BATON_QUEUE_UPDATE_SECONDS in the widget, 10 minutes by
 * email, 15 on the messaging apps). On those slower channels the estimate is not even computed
 * before an interval has passed since the last look (`nextQueueCheckAt`), since nothing could be
 * sent, and the next run is booked for then. Once the estimate is over
 * BATON_CALLBACK_OFFER_MINUTES they are offered a callback or an email reply, once. While the team
 * is closed nothing is said: the customer was told when it opens. A run for a handoff no longer
 * waiting does nothing, so a late or repeated run is harmless; each run while it waits schedules
 * the next.
 */
export async function postQueueUpdate(ctx: AppContext, handoffId: string): Promise<QueueUpdateRun> {
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.status !== 'waiting') return { computed: false, told: false, nextAt: null };
  const conversation = await getConversation(ctx.db, h.conversationId);
  const intervalMs = queueUpdateIntervalMs(ctx.config.queueUpdateSeconds, CHANNEL_PROFILES[conversation?.channel as TChannelName]?.queueUpdateMinutes ?? 0);
  const now = ctx.clock();
  const checkAt = nextQueueCheckAt({ toldAt: h.queueToldAt?.getTime() ?? null, checkedAt: h.queueCheckedAt?.getTime() ?? null }, now.getTime(), { intervalMs, baseMs: ctx.config.queueUpdateSeconds * 1000 });
  if (checkAt > now.getTime()) {
    const nextAt = new Date(checkAt);
    await scheduleQueueUpdate(ctx, handoffId, nextAt);
    return { computed: false, told: false, nextAt };
  }
  const team = h.teamId ? await getTeamByName(ctx.db, h.teamId) : null;
  const closed = Boolean(team?.hours && !isOpen(team.hours, now.getTime()));
  const estimate = closed ? null : await queueEstimate(ctx, ctx.db, h);
  let told = false;
  if (estimate) {
    told = await withEvents(ctx, async (tx, emit) => {
      const fresh = await getHandoff(tx, handoffId, { forUpdate: true });
      if (!fresh || fresh.status !== 'waiting') return false;
      const last = { position: fresh.queuePosition, waitMinutes: fresh.waitEstimateMinutes, at: fresh.queueToldAt?.getTime() ?? null, callbackOffered: fresh.callbackOfferedAt !== null };
      const due = queueUpdateDue(last, { ...estimate, at: now.getTime() }, { minIntervalMs: intervalMs, callbackOfferMinutes: ctx.config.callbackOfferMinutes });
      // One write of the handoff for the whole look: checked now, and what the customer is told.
      await updateHandoff(tx, handoffId, {
        queueCheckedAt: now,
        ...(due.send ? { waitEstimateMinutes: estimate.waitMinutes, queuePosition: estimate.position, queueToldAt: now } : {}),
        ...(due.offerCallback ? { callbackOfferedAt: now } : {}),
      });
      if (!due.send && !due.offerCallback) return false;
      const conv = (await getConversation(tx, fresh.conversationId, { forUpdate: true }))!;
      const locale = pickLocale(conv.language ?? undefined);
      if (due.send) {
        const { position, waitMinutes } = estimate;
        const m = await insertMessage(tx, { id: ctx.newId(), at: now, conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'queue_update', position, waitMinutes }, locale), action: 'queue_update' });
        await emit({ type: 'queue.position_updated', conversationId: conv.id, handoffId, payload: { position, waitMinutes } });
        await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
      }
      if (due.offerCallback) {
        // As at a handoff with a long wait: the choice is its own message, so clients show the slots under it.
        const offer = await insertMessage(tx, { id: ctx.newId(), at: now, conversationId: conv.id, authorKind: 'ai', text: renderCustomerMessage({ kind: 'callback_offer' }, locale), action: 'offer_callback' });
        await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(offer) } });
      }
      return due.send;
    });
  }
  const nextAt = new Date(now.getTime() + intervalMs);
  await scheduleQueueUpdate(ctx, handoffId, nextAt);
  return { computed: !closed, told, nextAt };
}
