import { ZCreateEndpointSchema, ZDeliveriesQuerySchema, ZUpdateEndpointSchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { listDeliveryLog, retryDelivery } from '../../app/notifications/delivery-log.js';
import {
  createNotificationEndpoint,
  deleteNotificationEndpoint,
  listNotificationEndpoints,
  updateNotificationEndpoint,
  wireEndpoint,
} from '../../app/notifications/manage-endpoints.js';
import { requireAgent } from '../auth.js';
import { parse } from '../parse.js';
import { omitToken } from './conversations.routes.js';

/** Admin-only: notification endpoints and the delivery log. */
export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/notifications/endpoints', async (req) => {
    await requireAgent(ctx, req, 'admin');
    return { endpoints: (await listNotificationEndpoints(ctx)).map((e) => wireEndpoint(e)) };
  });

  app.post('/api/v1/notifications/endpoints', async (req, reply) => {
    await requireAgent(ctx, req, 'admin');
    const body = parse(ZCreateEndpointSchema, req.body, 'body');
    reply.code(201);
    return { endpoint: await createNotificationEndpoint(ctx, body) };
  });

  app.patch<{ Params: { id: string } }>('/api/v1/notifications/endpoints/:id', async (req) => {
    await requireAgent(ctx, req, 'admin');
    const body = parse(ZUpdateEndpointSchema, req.body, 'body');
    return { endpoint: await updateNotificationEndpoint(ctx, req.params.id, body) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/notifications/endpoints/:id', async (req, reply) => {
    await requireAgent(ctx, req, 'admin');
    await deleteNotificationEndpoint(ctx, req.params.id);
    reply.code(204);
  });

  app.get('/api/v1/notifications/deliveries', async (req) => {
    await requireAgent(ctx, req, 'admin');
    const q = parse(ZDeliveriesQuerySchema, omitToken(req.query), 'query');
    return { deliveries: await listDeliveryLog(ctx, q) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/deliveries/:id/retry', async (req) => {
    await requireAgent(ctx, req, 'admin');
    return { delivery: await retryDelivery(ctx, req.params.id) };
  });
}
