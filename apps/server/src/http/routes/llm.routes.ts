import { ZErrorSchema, ZLlmMetricsSchema, ZLlmStatusSchema, ZLlmTestRequestSchema, ZLlmTestResponseSchema, ZMetricsQuerySchema } from '@baton/contracts';
import { llmMetrics } from '../../app/llm-metrics.js';
import { llmStatus, testLlmConnection } from '../../app/test-llm-connection.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The language model (docs/llm.md): its connection and a test question for admins, its figures for the dashboard. */
export const llmRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' } as const;

  app.get('/llm', { config: admin, schema: { summary: 'The language model connection: provider, model, timeout, fallback, and whether calls are paused', response: { 200: ZLlmStatusSchema } } }, async () => llmStatus(ctx));

  app.post('/llm/test', { config: admin, schema: { summary: 'Send a test question to the language model, answered from the knowledge base', body: ZLlmTestRequestSchema, response: { 200: ZLlmTestResponseSchema, 409: ZErrorSchema } } }, async (req) =>
    testLlmConnection(ctx, req.body.question),
  );

  app.get('/metrics/llm', { schema: { summary: 'Language model figures for a period: latency, tokens and cost per conversation, failures, fallbacks', querystring: ZMetricsQuerySchema, response: { 200: ZLlmMetricsSchema } } }, async (req) =>
    llmMetrics(ctx.db, { ...(req.query.from ? { from: new Date(req.query.from) } : {}), ...(req.query.to ? { to: new Date(req.query.to) } : {}) }, ctx.config.llm?.price ?? null),
  );
};
