import { createHash, timingSafeEqual } from 'node:crypto';
import { ZZendeskMessagingWebhookResponseSchema, ZZendeskMessagingWebhookSchema } from '@baton/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { receiveZendeskMessaging } from '../../app/integrations/receive-zendesk-messaging.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The header Zendesk messaging sends its webhook's secret in. */
export const ZENDESK_SECRET_HEADER = 'x-api-key';

/** `POST /api/v1/integrations/zendesk/webhook`: Zendesk messaging's webhook (docs/zendesk.md). */
export const zendeskRoutes: ApiPlugin = async (instance, o) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.post('/integrations/zendesk/webhook', {
    // No bearer token: Zendesk proves itself with the webhook's secret, checked before the body.
    config: { public: true, channelText: true },
    preValidation: async (req) => checkSecret(o.ctx, req),
    schema: {
      summary: 'Zendesk messaging webhook (header X-API-Key)',
      body: ZZendeskMessagingWebhookSchema,
      response: { 200: ZZendeskMessagingWebhookResponseSchema },
    },
  }, async (req) => receiveZendeskMessaging(o.ctx, req.body));
};

/** Constant-time comparison of the webhook's secret (hashes first, so lengths never leak). */
function checkSecret(ctx: AppContext, req: FastifyRequest): void {
  const secret = ctx.config.zendesk?.messaging?.webhookSecret;
  if (!secret) throw new DomainError('INTEGRATION_ERR_OFF', 'Zendesk messaging is off: set BATON_ZENDESK_MODE=messaging with its app, key and webhook secret');
  const given = req.headers[ZENDESK_SECRET_HEADER];
  if (typeof given !== 'string' || !given) throw new DomainError('INTEGRATION_ERR_SIGNATURE_MISSING', `this endpoint needs the ${ZENDESK_SECRET_HEADER} header: the webhook's secret`);
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(secret))) throw new DomainError('INTEGRATION_ERR_SIGNATURE_INVALID', `the ${ZENDESK_SECRET_HEADER} header does not match BATON_ZENDESK_WEBHOOK_SECRET`);
}
