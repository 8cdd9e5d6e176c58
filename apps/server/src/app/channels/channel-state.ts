import type { TChannelName, TChannelState } from '@baton/contracts';
import { getChannelContactOf } from '../../adapters/db/repositories/channels.repository.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { CHANNEL_PROFILES } from './channel-port.js';
import { MESSAGING_CHANNELS } from './channel-runtime.js';
import { windowState } from './messaging-window.js';

/**
 * What the workspace shows above the reply box: the conversation's channel, its window and what
 * an agent's reply will do now (go as typed, go as a template, go tagged HUMAN_AGENT, or wait for
 * the customer), and why.
 */
export async function channelState(ctx: AppContext, conversationId: string): Promise<TChannelState> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  const channel = (conv.channel in CHANNEL_PROFILES ? conv.channel : 'web') as TChannelName;
  const profile = CHANNEL_PROFILES[channel];
  const contact = MESSAGING_CHANNELS.has(channel) ? await getChannelContactOf(ctx.db, conv.id) : null;
  const w = windowState(profile, contact?.lastInboundAt ?? null, ctx.clock(), 'agent');
  return {
    channel: conv.channel,
    contactId: contact?.contactId ?? contact?.userId ?? null,
    mode: w.mode === 'skipped' ? 'held' : w.mode,
    windowClosesAt: w.closesAt?.toISOString() ?? null,
    humanAgentUntil: w.humanAgentUntil?.toISOString() ?? null,
    why: w.why,
    threadOwner: contact?.threadOwner ?? null,
    limits: { textMax: profile.textMax, buttonsMax: profile.buttonsMax, buttonTitleMax: profile.buttonTitleMax },
  };
}
