import { ZCreateConversationSchema, ZCsatSchema, ZMessagesQuerySchema, ZPostMessageSchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import { getConversation, listMessages } from '../../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../../app/context.js';
import { postAgentMessage } from '../../app/post-agent-message.js';
import { postCustomerMessage } from '../../app/post-customer-message.js';
import { queueEstimate } from '../../app/queue-state.js';
import { startConversation } from '../../app/start-conversation.js';
import { submitCsat } from '../../app/submit-csat.js';
import { wireConversation, wireMessage } from '../../app/wire.js';
import { DomainError } from '../../errors.js';
import { requireConversationAccess } from '../auth.js';
import { parse } from '../parse.js';
import { publicLimit } from '../rate-limits.js';

export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/conversations', { config: { rateLimit: publicLimit(ctx, 'start') } }, async (req, reply) => {
    const body = parse(ZCreateConversationSchema, req.body, 'body');
    const { conversation, token } = await startConversation(ctx, body);
    reply.code(201);
    return { id: conversation.id, caseNumber: conversation.caseNumber, token };
  });

  app.get<{ Params: { id: string } }>('/api/v1/conversations/:id', async (req) => {
    await requireConversationAccess(ctx, req, req.params.id);
    const conv = await getConversation(ctx.db, req.params.id);
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${req.params.id}`);
    const handoff = await openHandoffFor(ctx.db, conv.id);
    const position = handoff?.status === 'waiting' ? (await queueEstimate(ctx, ctx.db, handoff, null)).position : null;
    return {
      conversation: wireConversation(conv),
      handoff: handoff ? { id: handoff.id, status: handoff.status, waitEstimateMinutes: handoff.waitEstimateMinutes, priority: handoff.priority, position } : null,
    };
  });

  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/messages', { config: { rateLimit: publicLimit(ctx, 'message') } }, async (req, reply) => {
    const principal = await requireConversationAccess(ctx, req, req.params.id);
    const body = parse(ZPostMessageSchema, req.body, 'body');
    if (principal.kind === 'customer') {
      if (body.private) throw new DomainError('VALIDATION_ERR_BODY', 'customers cannot write private notes', 'private');
      const r = await postCustomerMessage(ctx, req.params.id, { text: body.text, ...(body.clientMessageId ? { clientMessageId: body.clientMessageId } : {}) });
      reply.code(r.duplicate ? 200 : 201);
      return { message: wireMessage(r.message), replies: r.replies.map(wireMessage) };
    }
    const m = await postAgentMessage(ctx, principal.agent, req.params.id, body);
    reply.code(201);
    return { message: wireMessage(m), replies: [] };
  });

  app.get<{ Params: { id: string } }>('/api/v1/conversations/:id/messages', async (req) => {
    const principal = await requireConversationAccess(ctx, req, req.params.id);
    const { after } = parse(ZMessagesQuerySchema, omitToken(req.query), 'query');
    const conv = await getConversation(ctx.db, req.params.id);
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${req.params.id}`);
    const messages = await listMessages(ctx.db, conv.id, { after, includePrivate: principal.kind === 'agent' });
    return { messages: messages.map(wireMessage) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/csat', { config: { rateLimit: publicLimit(ctx, 'csat') } }, async (req, reply) => {
    const principal = await requireConversationAccess(ctx, req, req.params.id);
    if (principal.kind !== 'customer') throw new DomainError('AUTH_ERR_FORBIDDEN', 'only the customer rates the conversation');
    const body = parse(ZCsatSchema, req.body, 'body');
    reply.code(201);
    return submitCsat(ctx, req.params.id, body);
  });
}

/** The token may come in the query string (for EventSource-like clients); it is not a filter. */
export function omitToken(q: unknown): Record<string, unknown> {
  const { token: _token, ...rest } = (q ?? {}) as Record<string, unknown>;
  return rest;
}
