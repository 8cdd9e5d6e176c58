import { ZHistoryResponseSchema, ZIdParamsSchema, ZSearchQuerySchema, ZSearchResponseSchema } from '@baton/contracts';
import { customerHistory, findConversations } from '../../app/find-conversations.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** Finding a case: search over conversations and customers, and a customer's history beside a brief. */
export const searchRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/search', { schema: { summary: 'Conversations (case number, customer name or email, message text) and customers matching `q`, newest first, paginated', querystring: ZSearchQuerySchema, response: { 200: ZSearchResponseSchema } } }, async (req) =>
    findConversations(ctx, req.agent, req.query),
  );

  app.get('/handoffs/:id/history', { schema: { summary: "The customer's earlier conversations and their outcomes", params: ZIdParamsSchema, response: { 200: ZHistoryResponseSchema } } }, async (req) =>
    customerHistory(ctx, req.agent, req.params.id),
  );
};
