import { createHash, timingSafeEqual } from 'node:crypto';
import { ZInboundEmailSchema } from '@baton/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { receiveWebhookEmail } from '../../app/email/receive-webhook-email.js';
import { DomainError } from '../../errors.js';
import { parse } from '../parse.js';

/** The header the inbound-mail provider sends the shared secret in. */
export const EMAIL_SECRET_HEADER = 'x-baton-email-secret';

/** `POST /api/v1/channels/email/inbound`: the inbound-email webhook (JSON). */
export function emailRoutes(app: FastifyInstance, ctx: AppContext, o: { webhookSecret: string | null; mailFrom: string }): void {
  app.post('/api/v1/channels/email/inbound', async (req, reply) => {
    checkSecret(req, o.webhookSecret);
    const body = parse(ZInboundEmailSchema, req.body, 'body');
    const r = await receiveWebhookEmail(ctx, body, { mailFrom: o.mailFrom });
    reply.code(r.status === 'posted' ? 201 : r.status === 'duplicate' ? 200 : 202);
    return r.status === 'ignored' ? { status: r.status, reason: r.reason } : { status: r.status, conversationId: r.conversationId, caseNumber: r.caseNumber };
  });
}

/** Constant-time comparison of the shared secret (hashes first, so lengths never leak). */
function checkSecret(req: FastifyRequest, secret: string | null): void {
  if (!secret) throw new DomainError('AUTH_ERR_FORBIDDEN', 'the inbound email webhook is off: set BATON_EMAIL_WEBHOOK_SECRET');
  const given = req.headers[EMAIL_SECRET_HEADER];
  if (typeof given !== 'string' || !given) throw new DomainError('AUTH_ERR_MISSING_TOKEN', `this endpoint needs the ${EMAIL_SECRET_HEADER} header`);
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(secret))) throw new DomainError('AUTH_ERR_INVALID_TOKEN', `the ${EMAIL_SECRET_HEADER} header does not match`);
}
