import { z } from 'zod';
import { ZChannelWebhookResponseSchema, ZMetaVerifyQuerySchema } from '@baton/contracts';
import { META_SIGNATURE_HEADER } from '../../app/channels/meta-signature.js';
import { receiveChannelWebhook, verifySubscription } from '../../app/channels/receive-channel-webhook.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

const CHANNELS = {
  whatsapp: { title: 'WhatsApp Cloud API', settings: 'BATON_WHATSAPP_*' },
  messenger: { title: 'Messenger and Instagram', settings: 'BATON_MESSENGER_*' },
} as const;

/**
 * `GET` and `POST /api/v1/channels/{whatsapp,messenger}/webhook`: Meta's subscription handshake,
 * and its signed deliveries. The JSON body is kept as raw bytes here (this plugin's own parser),
 * because the signature is over the bytes as sent; the job parses it once it is stored.
 */
export const channelWebhookRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  for (const channel of ['whatsapp', 'messenger'] as const) {
    const settings = () => {
      const c = channel === 'whatsapp' ? ctx.config.whatsapp : ctx.config.messenger;
      if (!c) throw new DomainError('CHANNEL_ERR_NOT_CONFIGURED', `${CHANNELS[channel].title} is off: set ${CHANNELS[channel].settings} (docs/channels.md)`);
      return c;
    };
    app.get(`/channels/${channel}/webhook`, {
      config: { public: true },
      schema: { summary: `${CHANNELS[channel].title} webhook: the subscription handshake (hub.challenge echoed)`, querystring: ZMetaVerifyQuerySchema, response: { 200: z.string() } },
    }, async (req, reply) => {
      const challenge = verifySubscription(req.query, settings().verifyToken);
      reply.header('content-type', 'text/plain; charset=utf-8');
      return challenge;
    });
    app.post(`/channels/${channel}/webhook`, {
      // No bearer token: Meta proves itself with the app secret's signature, checked on the raw bytes.
      config: { public: true, channelText: true },
      schema: { summary: `${CHANNELS[channel].title} webhook (signed: ${META_SIGNATURE_HEADER})`, response: { 200: ZChannelWebhookResponseSchema } },
    }, async (req) => {
      const c = settings();
      if (!Buffer.isBuffer(req.body)) throw new DomainError('CHANNEL_ERR_BAD_PAYLOAD', 'the body must be JSON (content-type: application/json)');
      const signature = req.headers[META_SIGNATURE_HEADER];
      return receiveChannelWebhook(ctx, channel, req.body, typeof signature === 'string' ? signature : undefined, c.appSecret);
    });
  }
};
