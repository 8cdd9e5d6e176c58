import { callbacksFor } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/** Channels where the customer waits live, and so can leave: the widget. */
const LIVE_CHANNELS = new Set(['web']);

/** Books the next abandonment check of a waiting handoff (nothing when abandonment is off). */
export async function watchForAbandonment(ctx: AppContext, handoff: Pick<HandoffRecord, 'id'>, at?: Date): Promise<void> {
  const minutes = ctx.config.abandonAfterMinutes;
  if (minutes === null) return;
  const runAt = at ?? new Date(ctx.clock().getTime() + minutes * 60_000);
  await ctx.jobs.schedule('abandonment-check', { handoffId: handoff.id }, runAt, `abandonment-check:${handoff.id}:${runAt.getTime()}`);
}

/**
 * A web customer waiting for a person who has not been seen for BATON_ABANDON_MINUTES (no open
 * stream, no message) has left the queue: the handoff closes as abandoned, the conversation as
 * resolved, and agents get a private note. A customer still there is checked again when the
 * time since they were last seen would run out. Handoffs that wait for a booked callback, and
 * channels where nobody waits live (email), are never abandoned; a run for a handoff that is no
 * longer waiting does nothing.
 */
export async function detectAbandonment(ctx: AppContext, handoffId: string): Promise<void> {
  const minutes = ctx.config.abandonAfterMinutes;
  if (minutes === null) return;
  const h = await getHandoff(ctx.db, handoffId);
  if (!h || h.status !== 'waiting') return;
  const conv = await getConversation(ctx.db, h.conversationId);
  if (!conv || !LIVE_CHANNELS.has(conv.channel)) return;
  if ((await callbacksFor(ctx.db, conv.id)).some((c) => c.handoffId === h.id)) return;
  const seen = (conv.customerSeenAt ?? h.createdAt).getTime();
  const gone = seen + minutes * 60_000;
  const now = ctx.clock();
  if (now.getTime() < gone) {
    await watchForAbandonment(ctx, h, new Date(gone));
    return;
  }
  const abandoned = await withEvents(ctx, async (tx, emit) => {
    const fresh = await getHandoff(tx, handoffId, { forUpdate: true });
    if (!fresh || fresh.status !== 'waiting') return false;
    await lifecycle.abandon({ tx, emit }, fresh, now);
    const note = await insertMessage(tx, {
      id: ctx.newId(),
      at: now,
      conversationId: conv.id,
      authorKind: 'system',
      text: `Closed as abandoned: the customer left the queue (not seen for ${minutes} minutes).`,
      private: true,
      action: 'abandoned',
    });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(note) } });
    return true;
  });
  if (abandoned) ctx.log('info', 'handoff abandoned: the customer left the queue', { handoffId, caseNumber: conv.caseNumber, minutes });
}
