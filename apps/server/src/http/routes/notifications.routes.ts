import { ZCreateEndpointSchema, ZDeliveriesQuerySchema, ZDeliverySchema, ZEndpointSchema, ZIdParamsSchema, ZUpdateEndpointSchema } from '@baton/contracts';
import { z } from 'zod';
import { listDeliveryLog, retryDelivery } from '../../app/notifications/delivery-log.js';
import {
  createNotificationEndpoint,
  deleteNotificationEndpoint,
  listNotificationEndpoints,
  updateNotificationEndpoint,
  wireEndpoint,
} from '../../app/notifications/manage-endpoints.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** Admin-only: notification endpoints and the delivery log. */
export const notificationRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' } as const;
  const ZOne = z.object({ endpoint: ZEndpointSchema });

  app.get('/notifications/endpoints', { config: admin, schema: { summary: 'Notification endpoints', response: { 200: z.object({ endpoints: z.array(ZEndpointSchema) }) } } }, async () => ({
    endpoints: (await listNotificationEndpoints(ctx)).map((e) => wireEndpoint(e)),
  }));

  app.post('/notifications/endpoints', {
    config: admin,
    schema: { summary: 'Add a notification endpoint (a webhook secret is returned once)', body: ZCreateEndpointSchema, response: { 201: ZOne } },
  }, async (req, reply) => {
    reply.code(201);
    return { endpoint: await createNotificationEndpoint(ctx, req.body) };
  });

  app.patch('/notifications/endpoints/:id', { config: admin, schema: { summary: 'Change or rotate an endpoint', params: ZIdParamsSchema, body: ZUpdateEndpointSchema, response: { 200: ZOne } } }, async (req) => ({
    endpoint: await updateNotificationEndpoint(ctx, req.params.id, req.body),
  }));

  app.delete('/notifications/endpoints/:id', { config: admin, schema: { summary: 'Remove an endpoint and its log', params: ZIdParamsSchema, response: { 204: z.unknown() } } }, async (req, reply) => {
    await deleteNotificationEndpoint(ctx, req.params.id);
    reply.code(204);
  });

  app.get('/notifications/deliveries', { config: admin, schema: { summary: 'The delivery log', querystring: ZDeliveriesQuerySchema, response: { 200: z.object({ deliveries: z.array(ZDeliverySchema) }) } } }, async (req) => ({
    deliveries: await listDeliveryLog(ctx, req.query),
  }));

  app.post('/notifications/deliveries/:id/retry', { config: admin, schema: { summary: 'Re-queue a dead delivery', params: ZIdParamsSchema, response: { 200: z.object({ delivery: ZDeliverySchema }) } } }, async (req) => ({
    delivery: await retryDelivery(ctx, req.params.id),
  }));
};
