import {
  ZCreateConversationResponseSchema,
  ZConversationStateResponseSchema,
  ZCreateConversationSchema,
  ZCsatResponseSchema,
  ZCsatSchema,
  ZIdParamsSchema,
  ZMessagesQuerySchema,
  ZMessagesResponseSchema,
  ZPostMessageResponseSchema,
  ZPostMessageSchema,
  ZRequestCodeResponseSchema,
  ZRequestCodeSchema,
  ZResumeConversationSchema,
  ZVerifyCodeResponseSchema,
  ZVerifyCodeSchema,
} from '@baton/contracts';
import { getConversation, listMessages } from '../../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import { agentWithCustomer } from '../../app/agent-with-customer.js';
import { postAgentMessage } from '../../app/post-agent-message.js';
import { postCustomerMessage } from '../../app/post-customer-message.js';
import { queueEstimate } from '../../app/queue-state.js';
import { CODE_MINUTES, requestVerificationCode } from '../../app/request-verification-code.js';
import { resumeConversation } from '../../app/resume-conversation.js';
import { startConversation } from '../../app/start-conversation.js';
import { submitCsat } from '../../app/submit-csat.js';
import { maskForChannel } from '../../app/privacy/mask-for-channel.js';
import { verifyConversationCode } from '../../app/verify-conversation-code.js';
import { wireConversation, wireMessage } from '../../app/wire.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The customer's side of a conversation (its token), which agents reach too. */
export const conversationRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.post('/conversations', {
    config: { public: true, limit: 'start.address' },
    schema: { summary: 'Start a conversation; returns the customer token', body: ZCreateConversationSchema, response: { 201: ZCreateConversationResponseSchema } },
  }, async (req, reply) => {
    // Mail goes only to addresses that proved themselves: an email conversation starts with a mail to the support address.
    if (req.body.channel === 'email') throw new DomainError('CONVERSATION_ERR_CHANNEL_REFUSED', 'email conversations start with an inbound mail, not from the API', 'channel');
    // Replies go to the app the customer wrote from: a messaging conversation starts with their message there.
    if (req.body.channel === 'whatsapp' || req.body.channel === 'messenger') throw new DomainError('CHANNEL_ERR_STARTS_IN_APP', `${req.body.channel} conversations start with the customer's message in the app, not from the API`, 'channel');
    const { conversation, token } = await startConversation(ctx, req.body);
    reply.code(201);
    return { id: conversation.id, caseNumber: conversation.caseNumber, token };
  });

  app.post('/conversations/:id/resume', {
    config: { public: true, limit: 'verify.address' },
    schema: { summary: 'Continue a conversation from an emailed link on another device; returns a customer token of its own (each link works once, until it expires)', params: ZIdParamsSchema, body: ZResumeConversationSchema, response: { 200: ZCreateConversationResponseSchema } },
  }, async (req) => {
    const { conversation, token } = await resumeConversation(ctx, req.params.id, req.body.resume);
    return { id: conversation.id, caseNumber: conversation.caseNumber, token };
  });

  app.get('/conversations/:id', { config: { customer: true }, schema: { summary: 'A conversation and its open handoff', params: ZIdParamsSchema, response: { 200: ZConversationStateResponseSchema } } }, async (req) => {
    const conv = await getConversation(ctx.db, req.params.id);
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${req.params.id}`);
    const handoff = await openHandoffFor(ctx.db, conv.id);
    const position = handoff?.status === 'waiting' ? ((await queueEstimate(ctx, ctx.db, handoff))?.position ?? null) : null;
    return {
      conversation: wireConversation(conv),
      handoff: handoff ? { id: handoff.id, status: handoff.status, waitEstimateMinutes: handoff.waitEstimateMinutes, priority: handoff.priority, position } : null,
      agent: await agentWithCustomer(ctx, conv),
    };
  });

  app.post('/conversations/:id/messages', {
    config: { customer: true },
    schema: {
      summary: 'Send a message (customer: the AI answers or hands over; agent: a reply or a private note)',
      params: ZIdParamsSchema,
      body: ZPostMessageSchema,
      // 200: a message re-sent with the same clientMessageId, answered as the first time.
      response: { 200: ZPostMessageResponseSchema, 201: ZPostMessageResponseSchema },
    },
  }, async (req, reply) => {
    const principal = req.principal!;
    const body = req.body;
    if (principal.kind === 'customer') {
      if (body.private) throw new DomainError('VALIDATION_ERR_BODY', 'customers cannot write private notes', 'private');
      const r = await postCustomerMessage(ctx, req.params.id, { text: body.text, ...(body.clientMessageId ? { clientMessageId: body.clientMessageId } : {}), ...(body.attachmentIds ? { attachmentIds: body.attachmentIds } : {}) });
      reply.code(r.duplicate ? 200 : 201);
      // The customer's own view masks card data too: a shared screen or a leaked token shows no card.
      return maskForChannel(ctx.config, 'customer', { message: wireMessage(r.message), replies: r.replies.map(wireMessage) });
    }
    const m = await postAgentMessage(ctx, principal.agent, req.params.id, body);
    reply.code(201);
    return { message: wireMessage(m), replies: [] };
  });

  app.get('/conversations/:id/messages', {
    config: { customer: true },
    schema: { summary: 'Messages after a sequence number', params: ZIdParamsSchema, querystring: ZMessagesQuerySchema, response: { 200: ZMessagesResponseSchema } },
  }, async (req) => {
    const conv = await getConversation(ctx.db, req.params.id);
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${req.params.id}`);
    const messages = await listMessages(ctx.db, conv.id, { after: req.query.after, includePrivate: req.principal!.kind === 'agent' });
    const wired = { messages: messages.map(wireMessage) };
    return req.principal!.kind === 'customer' ? maskForChannel(ctx.config, 'customer', wired) : wired;
  });

  app.post('/conversations/:id/verify/code', {
    config: { customer: 'only', limit: 'verify.address' },
    schema: { summary: 'Send the customer a one-time code to prove their email address (customer)', params: ZIdParamsSchema, body: ZRequestCodeSchema, response: { 202: ZRequestCodeResponseSchema } },
  }, async (req, reply) => {
    await requestVerificationCode(ctx, req.params.id, req.body.email ? { email: req.body.email } : {});
    reply.code(202);
    return { sent: true as const, expiresInMinutes: CODE_MINUTES };
  });

  app.post('/conversations/:id/verify', {
    config: { customer: 'only', limit: 'verify.address' },
    schema: { summary: 'Enter the one-time code (customer)', params: ZIdParamsSchema, body: ZVerifyCodeSchema, response: { 200: ZVerifyCodeResponseSchema } },
  }, async (req) => verifyConversationCode(ctx, req.params.id, req.body.code));

  app.post('/conversations/:id/csat', {
    config: { customer: 'only' },
    schema: { summary: 'Rate a resolved conversation (customer)', params: ZIdParamsSchema, body: ZCsatSchema, response: { 201: ZCsatResponseSchema } },
  }, async (req, reply) => {
    reply.code(201);
    return submitCsat(ctx, req.params.id, req.body);
  });
};
