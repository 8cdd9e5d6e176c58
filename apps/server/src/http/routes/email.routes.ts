import { createHash, timingSafeEqual } from 'node:crypto';
import { ZInboundEmailResponseSchema, ZInboundEmailSchema } from '@baton/contracts';
import type { FastifyRequest } from 'fastify';
import { receiveWebhookEmail } from '../../app/email/receive-webhook-email.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The header the inbound-mail provider sends the shared secret in. */
export const EMAIL_SECRET_HEADER = 'x-baton-email-secret';

/** `POST /api/v1/channels/email/inbound`: the inbound-email webhook (JSON). */
export const emailRoutes: ApiPlugin<{ webhookSecret: string | null; mailFrom: string }> = async (instance, o) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.post('/channels/email/inbound', {
    // No bearer token: the provider proves itself with the shared secret, checked before the body.
    config: { public: true, channelText: true },
    // Files come base64 in the body: room for about three of the largest accepted.
    bodyLimit: 1024 * 1024 + o.ctx.config.attachments.maxBytes * 4,
    preValidation: async (req) => checkSecret(req, o.webhookSecret),
    schema: {
      summary: 'Inbound email webhook (header x-baton-email-secret)',
      body: ZInboundEmailSchema,
      // 201 posted, 200 a duplicate, 202 ignored (with the reason).
      response: { 200: ZInboundEmailResponseSchema, 201: ZInboundEmailResponseSchema, 202: ZInboundEmailResponseSchema },
    },
  }, async (req, reply) => {
    const r = await receiveWebhookEmail(o.ctx, req.body, { mailFrom: o.mailFrom });
    reply.code(r.status === 'posted' ? 201 : r.status === 'duplicate' ? 200 : 202);
    return r.status === 'ignored' ? { status: r.status, reason: r.reason } : { status: r.status, conversationId: r.conversationId, caseNumber: r.caseNumber };
  });
};

/** Constant-time comparison of the shared secret (hashes first, so lengths never leak). */
function checkSecret(req: FastifyRequest, secret: string | null): void {
  if (!secret) throw new DomainError('AUTH_ERR_FORBIDDEN', 'the inbound email webhook is off: set BATON_EMAIL_WEBHOOK_SECRET');
  const given = req.headers[EMAIL_SECRET_HEADER];
  if (typeof given !== 'string' || !given) throw new DomainError('AUTH_ERR_MISSING_TOKEN', `this endpoint needs the ${EMAIL_SECRET_HEADER} header`);
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(secret))) throw new DomainError('AUTH_ERR_INVALID_TOKEN', `the ${EMAIL_SECRET_HEADER} header does not match`);
}
