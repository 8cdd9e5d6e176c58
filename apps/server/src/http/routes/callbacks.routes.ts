import { ZBookCallbackSchema, ZTeamHoursSchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import { bookCallback, callbackOptions } from '../../app/book-callback.js';
import type { AppContext } from '../../app/context.js';
import { editTeam } from '../../app/edit-team.js';
import { requireAgent, requireConversationAccess } from '../auth.js';
import { parse } from '../parse.js';
import { publicLimit } from '../rate-limits.js';
import { omitToken } from './conversations.routes.js';

export function callbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/api/v1/conversations/:id/callback-options', async (req) => {
    await requireConversationAccess(ctx, req, req.params.id);
    const tz = omitToken(req.query).timeZone;
    return callbackOptions(ctx, req.params.id, typeof tz === 'string' ? tz : undefined);
  });

  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/callback', { config: { rateLimit: publicLimit(ctx, 'csat') } }, async (req, reply) => {
    await requireConversationAccess(ctx, req, req.params.id);
    const body = parse(ZBookCallbackSchema, req.body, 'body');
    const r = await bookCallback(ctx, req.params.id, body);
    reply.code(201);
    return { callback: { id: r.callback.id, kind: r.callback.kind, scheduledFor: r.callback.scheduledFor?.toISOString() ?? null, timeZone: r.callback.timeZone }, confirmation: r.confirmation };
  });

  app.patch<{ Params: { id: string } }>('/api/v1/teams/:id', async (req) => {
    await requireAgent(ctx, req, 'admin');
    return { team: await editTeam(ctx, req.params.id, parse(ZTeamHoursSchema, req.body, 'body')) };
  });
}
