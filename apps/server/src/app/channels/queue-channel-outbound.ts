import { ZMessageSchema } from '@baton/contracts';
import type { TChannelName } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import type { ChannelContactRecord, NewChannelOutbox } from '../../adapters/db/repositories/channels.repository.js';
import { getChannelContactOf, insertChannelOutbox, lastChannelOutboxAt, setMessageDelivery } from '../../adapters/db/repositories/channels.repository.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import type { AppContext } from '../context.js';
import { maskForChannel } from '../privacy/mask-for-channel.js';
import type { OutboundChannelMessage } from './channel-port.js';
import { CHANNEL_PROFILES } from './channel-port.js';
import type { ChannelRuntime } from './channel-runtime.js';
import { BATON_OWNS_THREAD, MESSAGING_CHANNELS } from './channel-runtime.js';
import type { RenderedRequest } from './render-outbound.js';
import { renderMessenger, renderWhatsApp, renderWhatsAppTemplate } from './render-outbound.js';
import { windowState } from './messaging-window.js';

/** The part of a `message.created` payload (the wire message, `ZMessageSchema`) this listener reads. */
const ZEventMessage = ZMessageSchema.pick({ id: true, author: true, text: true, private: true, action: true, quickReplies: true });

/**
 * A message the customer should see, in a conversation on a messaging channel, becomes requests
 * in the channel outbox, rendered within the channel's limits (CHANNEL_PROFILES) and its window:
 * the AI's answers and offers (with their choices as buttons or quick replies), the handoff notice
 * with the case number and the wait, the system's notices, and the agents' replies. Private notes,
 * the customer's own messages and replies a person sent from the Page Inbox never go; queue
 * updates go at most every `queueUpdateMinutes`. Outside the window an agent's reply is held (and
 * on WhatsApp a template asks the customer to write back) or goes tagged HUMAN_AGENT; the AI's is
 * skipped. Runs in the listener's transaction: a re-run finds the requests already there.
 */
export async function queueChannelMessage(ctx: AppContext, tx: Sql, channels: ChannelRuntime, event: EventRecord<'message.created'>): Promise<number> {
  const parsed = ZEventMessage.safeParse(event.payload.message);
  if (!parsed.success || !event.conversationId) return 0;
  const m = parsed.data;
  if (m.author.kind === 'customer' || m.private || m.action === 'channel_echo') return 0;
  const conv = await getConversation(tx, event.conversationId);
  if (!conv || !MESSAGING_CHANNELS.has(conv.channel)) return 0;
  const channel = conv.channel as TChannelName;
  const contact = await getChannelContactOf(tx, conv.id);
  if (!contact || !channelOn(channels, channel)) return 0;
  const profile = CHANNEL_PROFILES[channel];
  const now = ctx.clock();
  const isQueueUpdate = m.action === 'queue_update';
  if (isQueueUpdate) {
    const last = await lastChannelOutboxAt(tx, conv.id, 'queue:');
    if (last && now.getTime() - last.getTime() < profile.queueUpdateMinutes * 60_000) {
      const why = `On ${channel}, queue updates go at most every ${profile.queueUpdateMinutes} minutes; the customer has the last one.`;
      await insertChannelOutbox(tx, { conversationId: conv.id, channel, messageId: m.id, authorKind: m.author.kind, createdAt: now, id: ctx.newId(), sourceKey: `queue:${m.id}:0`, kind: 'text', request: {}, status: 'skipped', detail: why });
      await setMessageDelivery(tx, m.id, 'skipped', why);
      return 0;
    }
  }
  const outbound: OutboundChannelMessage = { text: maskForChannel(ctx.config, 'customer', m.text), authorKind: m.author.kind, language: conv.language, ...(m.quickReplies?.length ? { quickReplies: m.quickReplies } : {}) };
  const state = windowState(profile, contact.lastInboundAt, now, m.author.kind);
  const base = { conversationId: conv.id, channel, messageId: m.id, authorKind: m.author.kind, createdAt: now };
  const prefix = isQueueUpdate ? `queue:${m.id}` : `message:${m.id}`;

  if (state.mode === 'skipped') {
    await insertChannelOutbox(tx, { ...base, id: ctx.newId(), sourceKey: `${prefix}:0`, kind: 'text', request: {}, status: 'skipped', detail: state.why });
    await setMessageDelivery(tx, m.id, 'skipped', state.why);
    return 0;
  }
  const requests = render(channel, contact, outbound, state.mode === 'human_agent' ? 'human_agent' : 'free');
  const status = state.mode === 'template' || state.mode === 'held' ? 'held' : 'pending';
  let queued = 0;
  for (const [i, r] of requests.entries()) {
    const row: NewChannelOutbox = { ...base, id: ctx.newId(), sourceKey: `${prefix}:${i}`, kind: r.kind, request: r.request, status, detail: status === 'held' ? state.why : null };
    if (await insertChannelOutbox(tx, row)) queued += status === 'pending' ? 1 : 0;
  }
  await setMessageDelivery(tx, m.id, status, status === 'held' ? state.why : null);
  // One template per closed window, however many replies wait behind it.
  if (state.mode === 'template' && channels.whatsapp) {
    const t = renderWhatsAppTemplate({ waId: contact.contactId, userId: contact.userId }, channels.whatsapp.config.template, conv.caseNumber);
    await insertChannelOutbox(tx, { ...base, messageId: null, id: ctx.newId(), sourceKey: `template:${conv.id}:${contact.lastInboundAt?.toISOString() ?? 'never'}`, kind: t.kind, request: t.request, status: 'pending', detail: null });
    queued += 1;
  }
  return queued;
}

/**
 * At handoff, on Messenger and Instagram with an inbox app configured (`BATON_MESSENGER_INBOX_APP_ID`),
 * thread control passes to it (the handover protocol), with the case number and the brief's
 * summary as metadata for the person who picks it up there.
 */
export async function queueThreadHandover(ctx: AppContext, tx: Sql, channels: ChannelRuntime, event: EventRecord<'handoff.requested'>): Promise<number> {
  const inboxAppId = channels.messenger?.config.inboxAppId;
  if (!inboxAppId || !event.conversationId || !event.handoffId) return 0;
  const conv = await getConversation(tx, event.conversationId);
  if (!conv || (conv.channel !== 'messenger' && conv.channel !== 'instagram')) return 0;
  const contact = await getChannelContactOf(tx, conv.id);
  if (!contact?.contactId || (contact.threadOwner !== null && contact.threadOwner !== BATON_OWNS_THREAD)) return 0;
  const metadata = `Baton case ${conv.caseNumber}, priority ${event.payload.handoff.priority}`.slice(0, 1000);
  const row = await insertChannelOutbox(tx, {
    id: ctx.newId(),
    conversationId: conv.id,
    channel: conv.channel,
    sourceKey: `handover:${event.handoffId}`,
    messageId: null,
    authorKind: null,
    kind: 'pass_thread_control',
    request: { recipient: { id: contact.contactId }, target_app_id: inboxAppId, metadata },
    status: 'pending',
    detail: null,
    createdAt: ctx.clock(),
  });
  return row ? 1 : 0;
}

/**
 * When Baton's handoff ends (handed back to the AI, or resolved) while the inbox app it passed the
 * thread to still holds it, Baton takes the thread back, so the AI can answer the customer's next
 * message. A thread a person took from the Page Inbox on their own is left with them.
 */
export async function queueThreadTakeBack(ctx: AppContext, tx: Sql, channels: ChannelRuntime, event: EventRecord<'handoff.handed_back' | 'handoff.resolved'>): Promise<number> {
  const inboxAppId = channels.messenger?.config.inboxAppId;
  if (!inboxAppId || !event.conversationId || !event.handoffId) return 0;
  const conv = await getConversation(tx, event.conversationId);
  if (!conv || (conv.channel !== 'messenger' && conv.channel !== 'instagram')) return 0;
  const contact = await getChannelContactOf(tx, conv.id);
  if (!contact?.contactId || contact.threadOwner !== inboxAppId) return 0;
  const row = await insertChannelOutbox(tx, {
    id: ctx.newId(),
    conversationId: conv.id,
    channel: conv.channel,
    sourceKey: `takeback:${event.handoffId}:${event.type}`,
    messageId: null,
    authorKind: null,
    kind: 'take_thread_control',
    request: { recipient: { id: contact.contactId }, metadata: `Baton case ${conv.caseNumber}: the handoff has ended` },
    status: 'pending',
    detail: null,
    createdAt: ctx.clock(),
  });
  return row ? 1 : 0;
}

function channelOn(channels: ChannelRuntime, channel: TChannelName): boolean {
  return channel === 'whatsapp' ? channels.whatsapp !== null : channels.messenger !== null;
}

function render(channel: TChannelName, contact: ChannelContactRecord, m: OutboundChannelMessage, mode: 'free' | 'human_agent'): RenderedRequest[] {
  const profile = CHANNEL_PROFILES[channel];
  if (channel === 'whatsapp') return renderWhatsApp(m, { waId: contact.contactId, userId: contact.userId }, profile);
  return renderMessenger(m, contact.contactId ?? '', profile, mode);
}
