import { ZBookCallbackResponseSchema, ZBookCallbackSchema, ZCallbackOptionsSchema, ZCallbackOutcomeSchema, ZCallbacksResponseSchema, ZHandoffResponseSchema, ZIdParamsSchema, ZTeamHoursSchema, ZTeamResponseSchema } from '@baton/contracts';
import { listOpenCallbacks } from '../../adapters/db/repositories/callbacks.repository.js';
import { getHandoffs } from '../../adapters/db/repositories/handoffs.repository.js';
import { z } from 'zod';
import { bookCallback, callbackOptions } from '../../app/book-callback.js';
import { editTeam } from '../../app/edit-team.js';
import { wireHandoffs } from '../../app/wire-handoffs.js';
import { workCallback } from '../../app/work-callback.js';
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

  app.get('/callbacks', {
    schema: { summary: 'Booked callbacks and email replies still to work (scheduled, due, being called, missed), soonest first, each handoff with its `callback`', response: { 200: ZCallbacksResponseSchema } },
  }, async (req) => {
    const open = await listOpenCallbacks(ctx.db, req.agent.role === 'agent' ? { teamIds: req.agent.teamIds } : {});
    const byId = new Map((await getHandoffs(ctx.db, open.map((c) => c.handoffId!))).map((h) => [h.id, h]));
    return { handoffs: await wireHandoffs(ctx.db, open.flatMap((c) => byId.get(c.handoffId!) ?? [])), maxAttempts: ctx.config.callbackMaxAttempts };
  });

  app.post('/handoffs/:id/callback-outcome', {
    schema: { summary: 'Work a booked callback: call now (take it), done, or no answer (tried again later, closed after the last try)', params: ZIdParamsSchema, body: ZCallbackOutcomeSchema, response: { 200: ZHandoffResponseSchema } },
  }, async (req) => {
    const { handoff } = await workCallback(ctx, req.agent, req.params.id, req.body.outcome);
    return { handoff: (await wireHandoffs(ctx.db, [handoff]))[0]! };
  });

  app.patch('/teams/:id', {
    config: { role: 'admin' },
    schema: { summary: 'Change a team: skills, tiers, SLA minutes, default, business hours (IANA zone, weekly schedule, holidays)', params: ZIdParamsSchema, body: ZTeamHoursSchema, response: { 200: ZTeamResponseSchema } },
  }, async (req) => ({ team: await editTeam(ctx, req.params.id, req.body) }));
};
