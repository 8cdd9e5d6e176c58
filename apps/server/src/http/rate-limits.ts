import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public route's own limit per address, on top of the general ones. */
    limit?: 'start.address' | 'login.address' | 'verify.address';
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request limits of the API scope (every limit and its default in limits.ts), in two steps:
 * per address as soon as a request arrives, so a flood of bad tokens is limited too; then, once
 * the authentication hook has named the caller, per conversation token (customers) or per
 * account (agents). Reads and writes count apart, so a busy workspace polling does not stop an
 * agent from replying. Registered after `authenticate`, so its second hook runs after it.
 */
export function limitRequests(app: FastifyInstance, ctx: AppContext): void {
  const limiter = ctx.limiter;
  app.addHook('onRequest', async (req) => {
    await limiter.take(READS.has(req.method) ? 'read.address' : 'write.address', req.ip);
    const own = req.routeOptions.config.limit;
    if (own) await limiter.take(own, req.ip);
  });
  app.addHook('preValidation', async (req) => {
    const p = req.principal;
    if (!p) return;
    const read = READS.has(req.method);
    if (p.kind === 'customer') await limiter.take(read ? 'read.token' : 'customer_write.token', p.conversationId);
    else await limiter.take(read ? 'read.account' : 'agent_write.account', p.agent.id);
  });
}
