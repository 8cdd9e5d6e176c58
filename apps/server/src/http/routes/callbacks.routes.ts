import { ZBookCallbackResponseSchema, ZBookCallbackSchema, ZCallbackOptionsSchema, ZIdParamsSchema, ZTeamHoursSchema, ZTeamResponseSchema } from '@baton/contracts';
import { z } from 'zod';
import { bookCallback, callbackOptions } from '../../app/book-callback.js';
import { editTeam } from '../../app/edit-team.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** Callbacks and email replies a customer books, within the hours a team keeps. */
export const callbackRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/conversations/:id/callback-options', {
    config: { customer: true },
    schema: { summary: 'Callback slots within the team hours, and the email-reply deadline', params: ZIdParamsSchema, querystring: z.object({ timeZone: z.string().optional() }), response: { 200: ZCallbackOptionsSchema } },
  }, async (req) => callbackOptions(ctx, req.params.id, req.query.timeZone));

  app.post('/conversations/:id/callback', {
    config: { customer: true },
    schema: { summary: 'Book a callback at an offered time, or an email reply', params: ZIdParamsSchema, body: ZBookCallbackSchema, response: { 201: ZBookCallbackResponseSchema } },
  }, async (req, reply) => {
    const r = await bookCallback(ctx, req.params.id, req.body);
    reply.code(201);
    return { callback: { id: r.callback.id, kind: r.callback.kind, scheduledFor: r.callback.scheduledFor?.toISOString() ?? null, timeZone: r.callback.timeZone }, confirmation: r.confirmation };
  });

  app.patch('/teams/:id', {
    config: { role: 'admin' },
    schema: { summary: 'Change a team: skills, tiers, SLA minutes, default, business hours (IANA zone, weekly schedule, holidays)', params: ZIdParamsSchema, body: ZTeamHoursSchema, response: { 200: ZTeamResponseSchema } },
  }, async (req) => ({ team: await editTeam(ctx, req.params.id, req.body) }));
};
