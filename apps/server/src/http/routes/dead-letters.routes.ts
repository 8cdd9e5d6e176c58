import type { TDeadLetter } from '@baton/contracts';
import { ZDeadLetterSchema, ZDeadLettersQuerySchema, ZIdParamsSchema, ZReplayAllDeadLettersResponseSchema, ZReplayAllDeadLettersSchema, ZReplayDeadLetterResponseSchema } from '@baton/contracts';
import { z } from 'zod';
import type { DeadLetterRecord } from '../../adapters/db/repositories/dead-letters.repository.js';
import { listDeadLetters } from '../../adapters/db/repositories/dead-letters.repository.js';
import { replayAllDeadLetters, replayDeadLetter } from '../../listeners/replay-dead-letter.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** Admin-only: events the listeners could not handle, and their replay (docs/security-text.md). */
export const deadLetterRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' } as const;

  app.get('/admin/dead-letters', { config: admin, schema: { summary: 'Events a listener failed to handle (dead by default)', querystring: ZDeadLettersQuerySchema, response: { 200: z.object({ deadLetters: z.array(ZDeadLetterSchema) }) } } }, async (req) => {
    const status = req.query.status ?? 'dead';
    const rows = await listDeadLetters(ctx.db, { ...(status !== 'all' ? { status } : {}), ...(req.query.listener ? { listener: req.query.listener } : {}) });
    return { deadLetters: rows.map(wireDeadLetter) };
  });

  app.post('/admin/dead-letters/:id/replay', { config: admin, schema: { summary: 'Hand a dead letter to its listener again', params: ZIdParamsSchema, response: { 200: ZReplayDeadLetterResponseSchema } } }, async (req) => {
    const r = await replayDeadLetter(ctx, req.params.id);
    return { deadLetter: wireDeadLetter(r.deadLetter), replayed: r.replayed };
  });

  app.post('/admin/dead-letters/replay', { config: admin, schema: { summary: 'Replay every dead letter, oldest first', body: ZReplayAllDeadLettersSchema, response: { 200: ZReplayAllDeadLettersResponseSchema } } }, async (req) => {
    const all = await replayAllDeadLetters(ctx, req.body.listener ? { listener: req.body.listener } : {});
    return { replayed: all.filter((r) => r.replayed).length, failed: all.filter((r) => !r.replayed).length, deadLetters: all.map((r) => wireDeadLetter(r.deadLetter)) };
  });
};

function wireDeadLetter(d: DeadLetterRecord): TDeadLetter {
  const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);
  return {
    id: d.id,
    listener: d.listener,
    eventSeq: Number(d.eventSeq),
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: iso(d.nextAttemptAt),
    failedAt: new Date(d.failedAt).toISOString(),
    deadAt: iso(d.deadAt),
    replayedAt: iso(d.replayedAt),
  };
}
