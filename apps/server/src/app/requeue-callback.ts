import { getCallback, setCallbackStatus } from '../adapters/db/repositories/callbacks.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { withEvents } from './with-events.js';

/**
 * A booked callback or email reply comes due: the handoff re-enters its team's queue with its
 * brief, and agents are told as for a new handoff; `checkCallback` follows some minutes later.
 * It acts only on a scheduled callback whose time has come, so a repeated or early run changes
 * nothing.
 */
export async function requeueCallback(ctx: AppContext, callbackId: string): Promise<void> {
  const cb = await getCallback(ctx.db, callbackId);
  if (!cb?.handoffId) return;
  if (cb.scheduledFor && cb.scheduledFor.getTime() > ctx.clock().getTime() + 1000) return; // not yet: a clock moved back
  const handoffId = cb.handoffId;
  const done = await withEvents(ctx, async (tx, emit) => {
    if (!(await setCallbackStatus(tx, cb.id, 'queued', 'scheduled'))) return false;
    const h = (await getHandoff(tx, handoffId))!;
    const due = new Date(ctx.clock().getTime() + ctx.config.callbackMissMinutes * 60_000);
    const team = h.teamId ? await getTeamByName(tx, h.teamId) : null;
    await lifecycle.callbackDue({ tx, emit }, h, cb, due, team?.name ?? null, ctx.clock());
    return true;
  });
  if (done) await ctx.jobs.schedule('callback-due', { callbackId, phase: 'check' }, new Date(ctx.clock().getTime() + ctx.config.callbackMissMinutes * 60_000), `callback-check:${callbackId}${cb.attempts ? `:${cb.attempts}` : ''}`);
}
