import { ZChatwootWebhookResponseSchema, ZChatwootWebhookSchema } from '@baton/contracts';
import type { FastifyRequest } from 'fastify';
import { CHATWOOT_HEADERS, chatwootSignatureProblem } from '../../adapters/integrations/chatwoot-signature.js';
import type { AppContext } from '../../app/context.js';
import { receiveChatwootWebhook } from '../../app/integrations/receive-chatwoot-webhook.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The body as it came, for the signature: JSON re-serialised would not be the bytes Chatwoot signed. */
const rawBodies = new WeakMap<FastifyRequest, string>();

/** `POST /api/v1/integrations/chatwoot/webhook`: the agent bot's `outgoing_url` (docs/chatwoot.md). */
export const chatwootRoutes: ApiPlugin = async (instance, o) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  // In this plugin only: keep the raw text of JSON bodies beside the parsed value.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    rawBodies.set(req, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(Object.assign(new Error(`the body is not JSON: ${(err as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  app.post('/integrations/chatwoot/webhook', {
    // No bearer token: Chatwoot proves itself with the webhook's signature, checked before the body.
    config: { public: true, channelText: true },
    preValidation: async (req) => checkSignature(o.ctx, req),
    schema: {
      summary: 'Chatwoot agent bot webhook (X-Chatwoot-Signature)',
      body: ZChatwootWebhookSchema,
      // 200 at once: stored and queued, or a replay that changed nothing.
      response: { 200: ZChatwootWebhookResponseSchema },
    },
  }, async (req) => {
    const delivery = req.headers[CHATWOOT_HEADERS.delivery];
    const status = await receiveChatwootWebhook(o.ctx, req.body, { deliveryHeader: typeof delivery === 'string' && delivery ? delivery.slice(0, 200) : null, rawBody: rawBodies.get(req) ?? JSON.stringify(req.body) });
    return { status };
  });
};

function checkSignature(ctx: AppContext, req: FastifyRequest): void {
  const config = ctx.config.chatwoot;
  if (!config) throw new DomainError('INTEGRATION_ERR_OFF', 'the Chatwoot integration is off: set BATON_CHATWOOT_URL and BATON_CHATWOOT_BOT_TOKEN');
  // An install that does not sign its webhooks: the secret is left unset, and the URL is the only guard (docs/chatwoot.md).
  if (!config.webhookSecret) return;
  const one = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : null;
  };
  const problem = chatwootSignatureProblem(config.webhookSecret, { signature: one(CHATWOOT_HEADERS.signature), timestamp: one(CHATWOOT_HEADERS.timestamp), rawBody: rawBodies.get(req) ?? '', now: ctx.clock() });
  if (!problem) return;
  const code = problem.kind === 'missing' ? 'INTEGRATION_ERR_SIGNATURE_MISSING' : problem.kind === 'stale' ? 'INTEGRATION_ERR_STALE_TIMESTAMP' : 'INTEGRATION_ERR_SIGNATURE_INVALID';
  throw new DomainError(code, problem.message);
}
