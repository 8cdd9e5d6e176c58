import { formatLocal, pickLocale, renderCustomerMessage, transition } from '@baton/core';
import { z } from 'zod';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import { getCallback, setCallbackStatus } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation, insertMessage, updateConversation } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff, updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../app/context.js';
import { wireHandoff, wireMessage } from '../app/wire.js';
import { withEvents } from '../app/with-events.js';

const ZData = z.object({ callbackId: z.string().min(1), phase: z.enum(['due', 'check']) });

/**
 * A booked callback or email reply comes due: the handoff re-enters its team's queue with its
 * brief, and agents are told as for a new handoff. A second run (`check`) some minutes later
 * raises a supervisor alert and tells the customer if nobody picked it up. Both phases act only
 * from the expected state, so a repeated or late job changes nothing.
 */
export async function callbackDueJob(ctx: AppContext, raw: unknown): Promise<void> {
  const { callbackId, phase } = ZData.parse(raw);
  const cb = await getCallback(ctx.db, callbackId);
  if (!cb?.handoffId) return;
  if (phase === 'due') {
    if (cb.scheduledFor && cb.scheduledFor.getTime() > ctx.clock().getTime() + 1000) return; // not yet: a clock moved back
    const done = await withEvents(ctx, async (tx, emit) => {
      if (!(await setCallbackStatus(tx, cb.id, 'queued', 'scheduled'))) return false;
      const h = (await getHandoff(tx, cb.handoffId!))!;
      const due = new Date(ctx.clock().getTime() + ctx.config.callbackMissMinutes * 60_000);
      const queued = await updateHandoff(tx, h.id, { status: 'waiting', slaDueAt: due });
      const conv = (await getConversation(tx, cb.conversationId, { forUpdate: true }))!;
      const to = transition(conv.status, 'callback_due');
      await updateConversation(tx, conv.id, { status: to });
      const team = h.teamId ? await getTeamByName(tx, h.teamId) : null;
      await emit({ type: 'callback.due', conversationId: conv.id, handoffId: h.id, payload: { callbackId: cb.id, kind: cb.kind, contact: cb.contact } });
      await emit({ type: 'conversation.status_changed', conversationId: conv.id, handoffId: h.id, payload: { from: conv.status, to, cause: 'callback_due' } });
      await emit({ type: 'handoff.requested', conversationId: conv.id, handoffId: h.id, payload: { handoff: wireHandoff(queued, team?.name ?? null), callback: { id: cb.id, kind: cb.kind, contact: cb.contact } } });
      return true;
    });
    if (done) await ctx.jobs.schedule('callback-due', { callbackId, phase: 'check' }, new Date(ctx.clock().getTime() + ctx.config.callbackMissMinutes * 60_000), `callback-check:${callbackId}`);
    return;
  }
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
    const m = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'system', text: renderCustomerMessage({ kind: 'callback_missed', when, caseNumber: conv.caseNumber }, pickLocale(conv.language ?? undefined)), action: 'callback_missed' });
    await emit({ type: 'callback.missed', conversationId: conv.id, handoffId: h.id, payload: { callbackId: cb.id, kind: cb.kind, scheduledFor: cb.scheduledFor?.toISOString() ?? null, priority: h.priority } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(m) } });
  });
  ctx.log('warn', 'callback missed: nobody picked it up in time', { callbackId, handoffId: h.id });
}
