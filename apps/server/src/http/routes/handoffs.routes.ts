import { ZAcceptSchema, ZBriefOpenedResponseSchema, ZHandBackSchema, ZHandoffResponseSchema, ZHandoffsQuerySchema, ZHandoffsResponseSchema, ZIdParamsSchema, ZResolveSchema, ZTransferSchema } from '@baton/contracts';
import type { HandoffRecord } from '../../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, listHandoffs } from '../../adapters/db/repositories/handoffs.repository.js';
import { acceptHandoff } from '../../app/accept-handoff.js';
import { handBack } from '../../app/hand-back.js';
import { openBrief } from '../../app/open-brief.js';
import { resolveHandoff } from '../../app/resolve-handoff.js';
import { transferHandoff } from '../../app/transfer-handoff.js';
import { wireHandoffs } from '../../app/wire-handoffs.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

const one = { params: ZIdParamsSchema, response: { 200: ZHandoffResponseSchema } };

/** The agents' queue: handoffs and what an agent does with one. */
export const handoffRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const wire = (hs: HandoffRecord[]) => wireHandoffs(ctx.db, hs);
  const wireOne = async (h: HandoffRecord) => ({ handoff: (await wire([h]))[0]! });

  app.get('/handoffs', { schema: { summary: 'Handoffs in queue order, each with its brief', querystring: ZHandoffsQuerySchema, response: { 200: ZHandoffsResponseSchema } } }, async (req) => {
    const q = req.query;
    const handoffs = await listHandoffs(ctx.db, { ...(q.status ? { status: q.status } : {}), ...(q.mine === 'true' ? { agentId: req.agent.id } : {}), ...(q.team ? { teamId: q.team } : {}) });
    return { handoffs: await wire(handoffs) };
  });

  app.get('/handoffs/:id', { schema: { summary: 'One handoff', ...one } }, async (req) => {
    const h = await getHandoff(ctx.db, req.params.id);
    if (!h) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${req.params.id}`);
    return wireOne(h);
  });

  app.post('/handoffs/:id/accept', {
    schema: {
      summary: 'Accept a waiting handoff (409 HANDOFF_ERR_ALREADY_ACCEPTED when someone was first, HANDOFF_ERR_AGENT_AT_CAPACITY beyond capacity unless a supervisor sends override: true)',
      body: ZAcceptSchema,
      ...one,
    },
  }, async (req) => wireOne(await acceptHandoff(ctx, req.agent, req.params.id, { override: req.body?.override === true })));

  app.post('/handoffs/:id/resolve', { schema: { summary: 'Resolve with category, outcome and verdict', body: ZResolveSchema, ...one } }, async (req) =>
    wireOne(await resolveHandoff(ctx, req.agent, req.params.id, req.body)),
  );

  app.post('/handoffs/:id/transfer', { schema: { summary: 'Transfer to a team or an agent, with a note', body: ZTransferSchema, ...one } }, async (req) =>
    wireOne(await transferHandoff(ctx, req.agent, req.params.id, req.body)),
  );

  app.post('/handoffs/:id/hand-back', { schema: { summary: 'Hand the conversation back to the AI', body: ZHandBackSchema, ...one } }, async (req) =>
    wireOne(await handBack(ctx, req.agent, req.params.id, req.body.note, req.body.verdict)),
  );

  // Context utilisation: the first time an agent opens the brief.
  app.post('/handoffs/:id/brief-opened', {
    schema: { summary: 'Record that the brief was opened (context utilisation)', params: ZIdParamsSchema, response: { 200: ZBriefOpenedResponseSchema } },
  }, async (req) => {
    const h = await openBrief(ctx, req.agent, req.params.id);
    return { briefOpenedAt: h.briefOpenedAt?.toISOString() ?? null };
  });
};
