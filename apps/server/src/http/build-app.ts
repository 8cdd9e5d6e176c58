import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { DomainError, mapError } from '../errors.js';
import { streamRoutes } from '../ws/stream.js';
import { agentRoutes } from './routes/agents.routes.js';
import { callbackRoutes } from './routes/callbacks.routes.js';
import { conversationRoutes } from './routes/conversations.routes.js';
import { emailRoutes } from './routes/email.routes.js';
import { handoffRoutes } from './routes/handoffs.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { webRoutes } from './web.routes.js';

export interface BuildAppOptions {
  /** The policy from BATON_POLICY, before any version saved in the database. */
  policyFileInput?: unknown;
  /** Extra routes (the web apps, the demo page), registered last. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  logger?: boolean;
}

/** Fastify wants a function for "trust this many hops". */
function trustProxyOption(v: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_address: string, hop: number) => hop < v : v;
}

/**
 * Builds the HTTP app without listening, so tests drive it in-process with `inject()` and
 * `main.ts` alone decides the port.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ? { level: ctx.config.logLevel } : false, bodyLimit: 256 * 1024, trustProxy: trustProxyOption(ctx.config.trustProxy) });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => new DomainError('RATE_ERR_LIMITED', `too many requests; try again in ${Math.ceil(c.ttl / 1000)} s`),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  // The widget runs on the business's own site: the customer API answers any origin. It is safe,
  // as it authenticates with a bearer token (never cookies), so a foreign page learns nothing.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/v1/conversations')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
    if (req.method === 'OPTIONS') return reply.code(204).send();
  });

  // Every error becomes a status and a body by its code, through the one table (errors.ts).
  app.setErrorHandler((err, req, reply) => {
    const mapped = mapError(err);
    if (!mapped.expected) ctx.log('error', 'unexpected error', { method: req.method, url: req.url.replace(/token=[^&]+/, 'token=…'), error: (err as Error).message, stack: (err as Error).stack });
    return reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((req, reply) => {
    const mapped = mapError(new DomainError('ROUTE_ERR_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
    return reply.code(mapped.status).send(mapped.body);
  });

  systemRoutes(app, ctx);
  conversationRoutes(app, ctx);
  handoffRoutes(app, ctx);
  callbackRoutes(app, ctx);
  agentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  emailRoutes(app, ctx, { webhookSecret: ctx.config.emailWebhookSecret, mailFrom: ctx.config.mailFrom });
  policyRoutes(app, ctx, () => opts.policyFileInput ?? {});
  reportRoutes(app, ctx);
  streamRoutes(app, ctx);
  await webRoutes(app);
  for (const plugin of opts.plugins ?? []) await plugin(app);
  return app;
}
