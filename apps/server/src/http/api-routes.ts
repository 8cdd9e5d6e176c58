import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../app/context.js';
import { streamRoutes } from '../ws/stream.js';
import { authenticate } from './auth.js';
import { limitRequests } from './rate-limits.js';
import { agentRoutes } from './routes/agents.routes.js';
import { attachmentRoutes } from './routes/attachments.routes.js';
import { callbackRoutes } from './routes/callbacks.routes.js';
import { channelStateRoutes } from './routes/channels-state.routes.js';
import { channelWebhookRoutes } from './routes/channels-webhooks.routes.js';
import { cannedReplyRoutes } from './routes/canned-replies.routes.js';
import { conversationRoutes } from './routes/conversations.routes.js';
import { deadLetterRoutes } from './routes/dead-letters.routes.js';
import { emailRoutes } from './routes/email.routes.js';
import { emailTemplateRoutes } from './routes/email-templates.routes.js';
import { handoffRoutes } from './routes/handoffs.routes.js';
import { chatwootRoutes } from './routes/integrations-chatwoot.routes.js';
import { zendeskRoutes } from './routes/integrations-zendesk.routes.js';
import { llmRoutes } from './routes/llm.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { searchRoutes } from './routes/search.routes.js';

/**
 * Everything under `/api/v1`, one plugin per resource, behind one authentication hook: a route
 * is for agents unless its `config` says it is public or also for the conversation's customer.
 */
export const apiRoutes: FastifyPluginAsync<{ ctx: AppContext; policyFileInput: () => unknown }> = async (app, { ctx, policyFileInput }) => {
  authenticate(app, ctx);
  limitRequests(app, ctx);
  await app.register(conversationRoutes, { ctx });
  await app.register(attachmentRoutes, { ctx });
  await app.register(handoffRoutes, { ctx });
  await app.register(callbackRoutes, { ctx });
  await app.register(cannedReplyRoutes, { ctx });
  await app.register(searchRoutes, { ctx });
  await app.register(agentRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(emailRoutes, { ctx, webhookSecret: ctx.config.emailWebhookSecret, mailFrom: ctx.config.mailFrom });
  await app.register(channelWebhookRoutes, { ctx });
  await app.register(channelStateRoutes, { ctx });
  await app.register(chatwootRoutes, { ctx });
  await app.register(zendeskRoutes, { ctx });
  await app.register(emailTemplateRoutes, { ctx });
  await app.register(policyRoutes, { ctx, fileInput: policyFileInput });
  await app.register(reportRoutes, { ctx });
  await app.register(llmRoutes, { ctx });
  await app.register(deadLetterRoutes, { ctx });
  await app.register(streamRoutes, { ctx });
};
