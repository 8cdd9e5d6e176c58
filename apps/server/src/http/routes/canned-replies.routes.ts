import { ZCannedRepliesQuerySchema, ZCannedRepliesResponseSchema, ZCannedReplyInputSchema, ZCannedReplyPatchSchema, ZCannedReplyResponseSchema, ZIdParamsSchema } from '@baton/contracts';
import { z } from 'zod';
import { cannedRepliesFor, createCannedReply, editCannedReply, removeCannedReply } from '../../app/manage-canned-replies.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

const admin = { role: 'admin' as const };

/** Canned replies: admins write them, per team or for every team; agents insert them by shortcut. */
export const cannedReplyRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/canned-replies', { schema: { summary: 'The canned replies the caller may use (global and their teams\'), by shortcut; `q` filters', querystring: ZCannedRepliesQuerySchema, response: { 200: ZCannedRepliesResponseSchema } } }, async (req) => ({
    cannedReplies: await cannedRepliesFor(ctx, req.agent, req.query.q),
  }));

  app.post('/canned-replies', { config: admin, schema: { summary: 'Add a canned reply; variables: {{customer.name}}, {{case}}, {{agent.name}}', body: ZCannedReplyInputSchema, response: { 201: ZCannedReplyResponseSchema } } }, async (req, reply) => {
    reply.code(201);
    return { cannedReply: await createCannedReply(ctx, req.body) };
  });

  app.patch('/canned-replies/:id', { config: admin, schema: { summary: 'Change a canned reply', params: ZIdParamsSchema, body: ZCannedReplyPatchSchema, response: { 200: ZCannedReplyResponseSchema } } }, async (req) => ({
    cannedReply: await editCannedReply(ctx, req.params.id, req.body),
  }));

  app.delete('/canned-replies/:id', { config: admin, schema: { summary: 'Remove a canned reply', params: ZIdParamsSchema, response: { 204: z.unknown() } } }, async (req, reply) => {
    await removeCannedReply(ctx, req.params.id);
    reply.code(204);
  });
};
