import type { FastifyInstance } from 'fastify';
import { RateLimitedError } from '../app/limiter.js';

/**
 * Back-pressure: past `maxInFlight` API requests in progress on this node, a new one is refused at
 * once with 503 SERVER_ERR_BUSY and `Retry-After: 1`, so a burst costs the late comers a retry
 * instead of slowing every customer already served (and a load balancer can send them elsewhere).
 * A stopping node (`stopping()`) refuses new work with SERVER_ERR_STOPPING while it finishes what
 * it has. Streams, probes and metrics are not counted: they are not work queued on the database.
 */
export function applyBackPressure(app: FastifyInstance, opts: { maxInFlight: number; stopping: () => boolean }): { inFlight: () => number } {
  let inFlight = 0;
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/v1/stream')) return;
    if (opts.stopping()) throw new RateLimitedError('SERVER_ERR_STOPPING', 'this node is shutting down; send the request again (another node answers it)', 1);
    if (inFlight >= opts.maxInFlight) throw new RateLimitedError('SERVER_ERR_BUSY', `this node is working on ${inFlight} requests (BATON_MAX_IN_FLIGHT); try again in a second`, 1);
    inFlight++;
    // Finished or abandoned by the client, the slot is given back once.
    reply.raw.once('close', () => inFlight--);
  });
  return { inFlight: () => inFlight };
}
