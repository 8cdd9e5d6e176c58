import { ZChannelStateSchema, ZIdParamsSchema } from '@baton/contracts';
import { channelState } from '../../app/channels/channel-state.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** `GET /api/v1/channels/conversations/:id`: the conversation's channel, its messaging window and what an agent's reply will do now. */
export const channelStateRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/channels/conversations/:id', {
    schema: { summary: "A conversation's channel: its 24-hour window, and how an agent's reply goes now", params: ZIdParamsSchema, response: { 200: ZChannelStateSchema } },
  }, async (req) => channelState(ctx, req.params.id));
};
