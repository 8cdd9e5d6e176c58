import { clipText } from '@baton/core';
import type { DeadLetterRecord } from '../adapters/db/repositories/dead-letters.repository.js';
import { getDeadLetter, listDeadLetters, lockDeadLetter, markReplay } from '../adapters/db/repositories/dead-letters.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import type { AppContext } from '../app/context.js';
import { DomainError } from '../errors.js';
import { runningListener } from './event-listener.js';

/** What a replay did: the dead letter as it now stands, and whether its listener handled the event. */
export interface ReplayOutcome {
  deadLetter: DeadLetterRecord;
  replayed: boolean;
}

/**
 * Hands a dead letter's event to its listener once more (after the cause was fixed: a receiver
 * back up, a bad row corrected). Its writes and the dead letter's `replayed` mark commit together,
 * the row locked meanwhile, so a double click or two admins replay it once. A letter already
 * replayed is returned as is. If it fails again it stays dead, with the new error and one more try.
 */
export async function replayDeadLetter(ctx: AppContext, id: string): Promise<ReplayOutcome> {
  const found = await getDeadLetter(ctx.db, id);
  if (!found) throw new DomainError('LISTENER_ERR_DEAD_LETTER_NOT_FOUND', `no dead letter ${id}`, 'id');
  if (found.status !== 'dead') return { deadLetter: found, replayed: false };
  const listener = runningListener(ctx, found.listener);
  if (!listener) throw new DomainError('LISTENER_ERR_NOT_RUNNING', `the listener ${found.listener} does not run on this node; replay it on a node that runs the workers`, 'id');
  const [event] = await listEventsAfter(ctx.db, Number(found.eventSeq) - 1, { limit: 1 });
  if (!event || event.seq !== Number(found.eventSeq)) throw new DomainError('LISTENER_ERR_DEAD_LETTER_NOT_FOUND', `event ${found.eventSeq} of dead letter ${id} no longer exists`, 'id');
  try {
    const done = await ctx.db.transaction().execute(async (tx) => {
      const row = await lockDeadLetter(tx, id);
      if (row?.status !== 'dead') return null;
      await listener.handle(ctx, tx, event);
      return markReplay(tx, id, { ok: true, at: ctx.clock() });
    });
    if (!done) return { deadLetter: (await getDeadLetter(ctx.db, id))!, replayed: false };
    if (listener.afterCommit) await listener.afterCommit(ctx, [event]);
    ctx.log('info', `dead letter ${id} replayed: listener ${found.listener}, event ${found.eventSeq}`);
    return { deadLetter: done, replayed: true };
  } catch (err) {
    const error = clipText((err as Error).message || String(err), 1000);
    ctx.log('error', `dead letter ${id} failed again on replay: listener ${found.listener}, event ${found.eventSeq}`, { error });
    return { deadLetter: (await markReplay(ctx.db, id, { ok: false, error })) ?? found, replayed: false };
  }
}

/** Replays every dead letter (of one listener, if named), oldest event first; each succeeds or fails alone. */
export async function replayAllDeadLetters(ctx: AppContext, opts: { listener?: string } = {}): Promise<ReplayOutcome[]> {
  const dead = (await listDeadLetters(ctx.db, { status: 'dead', ...(opts.listener ? { listener: opts.listener } : {}), limit: 1000 })).sort((a, b) => Number(a.eventSeq) - Number(b.eventSeq));
  const out: ReplayOutcome[] = [];
  for (const d of dead) out.push(await replayDeadLetter(ctx, d.id));
  return out;
}
