import { ZHandBackSchema, ZHandoffsQuerySchema, ZResolveSchema, ZTransferSchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import { listTeams } from '../../adapters/db/repositories/teams.repository.js';
import type { HandoffRecord } from '../../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, listHandoffs } from '../../adapters/db/repositories/handoffs.repository.js';
import { acceptHandoff } from '../../app/accept-handoff.js';
import type { AppContext } from '../../app/context.js';
import { handBack } from '../../app/hand-back.js';
import { openBrief } from '../../app/open-brief.js';
import { resolveHandoff } from '../../app/resolve-handoff.js';
import { transferHandoff } from '../../app/transfer-handoff.js';
import { wireHandoff } from '../../app/wire.js';
import { DomainError } from '../../errors.js';
import { requireAgent } from '../auth.js';
import { parse } from '../parse.js';
import { omitToken } from './conversations.routes.js';

export function handoffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const wire = async (hs: HandoffRecord[]) => {
    const names = new Map((await listTeams(ctx.db)).map((t) => [t.id, t.name]));
    return hs.map((h) => wireHandoff(h, h.teamId ? (names.get(h.teamId) ?? null) : null));
  };

  app.get('/api/v1/handoffs', async (req) => {
    const agent = await requireAgent(ctx, req);
    const q = parse(ZHandoffsQuerySchema, omitToken(req.query), 'query');
    const handoffs = await listHandoffs(ctx.db, { ...(q.status ? { status: q.status } : {}), ...(q.mine === 'true' ? { agentId: agent.id } : {}), ...(q.team ? { teamId: q.team } : {}) });
    return { handoffs: await wire(handoffs) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/handoffs/:id', async (req) => {
    await requireAgent(ctx, req);
    const h = await getHandoff(ctx.db, req.params.id);
    if (!h) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${req.params.id}`);
    return { handoff: (await wire([h]))[0] };
  });

  app.post<{ Params: { id: string } }>('/api/v1/handoffs/:id/accept', async (req) => {
    const agent = await requireAgent(ctx, req);
    return { handoff: (await wire([await acceptHandoff(ctx, agent, req.params.id)]))[0] };
  });

  app.post<{ Params: { id: string } }>('/api/v1/handoffs/:id/resolve', async (req) => {
    const agent = await requireAgent(ctx, req);
    const body = parse(ZResolveSchema, req.body, 'body');
    return { handoff: (await wire([await resolveHandoff(ctx, agent, req.params.id, body)]))[0] };
  });

  app.post<{ Params: { id: string } }>('/api/v1/handoffs/:id/transfer', async (req) => {
    const agent = await requireAgent(ctx, req);
    const body = parse(ZTransferSchema, req.body, 'body');
    return { handoff: (await wire([await transferHandoff(ctx, agent, req.params.id, body)]))[0] };
  });

  app.post<{ Params: { id: string } }>('/api/v1/handoffs/:id/hand-back', async (req) => {
    const agent = await requireAgent(ctx, req);
    const body = parse(ZHandBackSchema, req.body, 'body');
    return { handoff: (await wire([await handBack(ctx, agent, req.params.id, body.note)]))[0] };
  });

  // Context utilisation: the first time an agent opens the brief.
  app.post<{ Params: { id: string } }>('/api/v1/handoffs/:id/brief-opened', async (req) => {
    const agent = await requireAgent(ctx, req);
    const h = await openBrief(ctx, agent, req.params.id);
    return { briefOpenedAt: h.briefOpenedAt?.toISOString() ?? null };
  });
}
