import { formatLocal, pickLocale, renderCustomerMessage } from '@baton/core';
import { getCallback, setCallbackStatus } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/**
 * Some minutes after a callback came due: done if an agent picked it up, otherwise missed, with
 * a supervisor alert and a word to the customer. It acts only on a queued callback, so a
 * repeated or late run changes nothing.
 */
export async function checkCallback(ctx: AppContext, callbackId: string): Promise<void> {
  const cb = await getCallback(ctx.db, callbackId);
  if (!cb?.handoffId) return;
  const h = await getHandoff(ctx.db, cb.handoffId);
  if (!h) return;
  if (h.status !== 'waiting') {
    await ctx.db.transaction().execute((tx) => setCallbackStatus(tx, cb.id, 'done', 'queued'));
    return;
  }
  await withEvents(ctx, async (tx, emit) => {
    if (!(await setCallbackStatus(tx, cb.id, 'missed', 'queued'))) return;
    const conv = (await getConversation(tx, cb.conversationId, { forUpdate: true }))!;
    const when = cb.scheduledFor ? formatLocal(cb.scheduledFor.getTime(), cb.timeZone ?? 'UTC', pickLocale(conv.language ?? undefined)) : '';
    const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'callback_missed', when, caseNumber: conv.caseNumber }, pickLocale(conv.language ?? undefined)), action: 'callback_missed' });
    await emit({ type: 'callback.missed', conversationId: conv.id, handoffId: h.id, payload: { callbackId: cb.id, kind: cb.kind, scheduledFor: cb.scheduledFor?.toISOString() ?? null, priority: h.priority } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
  });
  ctx.log('warn', 'callback missed: nobody picked it up in time', { callbackId, handoffId: h.id });
}
