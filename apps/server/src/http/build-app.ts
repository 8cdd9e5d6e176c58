import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppContext } from '../app/context.js';
import { RateLimitedError } from '../app/limiter.js';
import { DomainError, mapError } from '../errors.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './zod-schemas.js';
import { apiRoutes } from './api-routes.js';
import { checkResponses } from './check-responses.js';
import { edgeServerOptions, registerEdgeGuards } from './edge-guards.js';
import { API_PREFIX, openApiDocument } from './openapi.js';
import { applyBackPressure } from './back-pressure.js';
import { systemRoutes } from './routes/system.routes.js';
import { webRoutes } from './web.routes.js';

export interface BuildAppOptions {
  /** The policy from BATON_POLICY, before any version saved in the database. */
  policyFileInput?: unknown;
  /** Extra routes (the web apps, the demo page), registered last. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  logger?: boolean;
  /** Check every JSON response against its route's schema, and answer 500 on a mismatch (tests). */
  checkResponses?: boolean;
  /** True once the node is shutting down: `/readyz` says so and new API requests are refused (main.ts). */
  stopping?: () => boolean;
  /** Receives the Prometheus renderer, for the separate metrics port. */
  serveMetrics?: (render: () => Promise<string>, contentType: string) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (`onRoute`): what the OpenAPI document and the access test read. */
    readonly registeredRoutes: readonly RouteOptions[];
  }
}

/** Fastify wants a function for "trust this many hops"; never `true`, which would believe any client (config.ts refuses it). */
function trustProxyOption(v: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_address: string, hop: number) => hop < v : v;
}

/**
 * Builds the HTTP app without listening, so tests drive it in-process with `inject()` and
 * `main.ts` alone decides the port.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ ...edgeServerOptions, logger: opts.logger ? { level: ctx.config.logLevel } : false, bodyLimit: 256 * 1024, trustProxy: trustProxyOption(ctx.config.trustProxy) });
  const routes: RouteOptions[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => void routes.push(r));
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  if (opts.checkResponses) checkResponses(app);
  registerEdgeGuards(app);
  const stopping = opts.stopping ?? (() => false);
  applyBackPressure(app, { maxInFlight: ctx.config.maxInFlight, stopping });
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
    if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfterSeconds));
    if (!mapped.expected) ctx.log('error', 'unexpected error', { method: req.method, url: req.url.replace(/token=[^&]+/, 'token=…'), error: (err as Error).message, stack: (err as Error).stack });
    return reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((req, reply) => {
    const mapped = mapError(new DomainError('ROUTE_ERR_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
    return reply.code(mapped.status).send(mapped.body);
  });

  let openApi: Record<string, unknown> | null = null;
  await app.register(systemRoutes, { ctx, stopping, openApi: () => (openApi ??= openApiDocument(routes)), ...(opts.serveMetrics ? { serveMetrics: opts.serveMetrics } : {}) });
  await app.register(apiRoutes, { prefix: API_PREFIX, ctx, policyFileInput: () => opts.policyFileInput ?? {} });
  await webRoutes(app);
  for (const plugin of opts.plugins ?? []) await plugin(app);
  return app;
}
